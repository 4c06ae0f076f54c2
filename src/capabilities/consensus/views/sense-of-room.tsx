import { formatNumber, plural } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { Checkbox, CsrfField, Radios, Select, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T, TableWrap } from '../../../platform/views/text.tsx';
import { categoryLabel, type Process } from '../../processes/index.ts';
import type { ProposalStatus, Stance } from '../domain/proposal.ts';
import type { SenseTally } from '../domain/sense.ts';
import { consensusMessages } from '../messages/index.ts';
import { roomMessages } from '../messages/room.ts';
import { decisionPath } from './parts.tsx';

const STANCES: ReadonlyArray<[Stance, 'agree' | 'canLive' | 'cannot']> = [
  ['agree', 'agree'],
  ['can-live', 'canLive'],
  ['cannot', 'cannot'],
];
const BAR = 200;

/** Who reads the room: the public, someone who may not take positions (and why), or a member who may. */
export type SenseViewer = { kind: 'anonymous' } | { kind: 'follower'; why: string } | { kind: 'member'; stance: Stance | null };

export type SenseData = {
  meetingId: number;
  live: boolean;
  sense: { id: number; open: boolean; proposal: { id: number; title: Localized; status: ProposalStatus }; item: Localized | null } | null;
  tally: SenseTally | null;
  viewer: SenseViewer;
  /** Only for the facilitator: what they may open, and whom they may record. */
  facilitator: {
    candidates: Array<{ id: number; title: Localized; onItem: Localized | null }>;
    people: Array<{ id: number; displayName: string }>;
    counted: Array<{ displayName: string; stance: Stance }>;
  } | null;
  values?: { stance?: string; reason?: string; recordStance?: string; recordReason?: string; participantId?: string; proposalId?: string; makeCall?: string };
  errors?: Record<string, AnyFieldError> | null;
};

/** The bar of one figure, drawn from the figure (the script changes the same attribute). */
const barWidth = (n: number, total: number) => (total === 0 || n === 0 ? 0 : Math.max(3, Math.round((n / total) * BAR)));

function Tally(props: { ctx: PageCtx; process: Process; tally: SenseTally }) {
  const { ctx, process, tally } = props;
  const r = roomMessages(ctx.locale);
  return (
    <div data-sense="tally">
      <p class="lead" data-sense-slot="count" role="status">
        {plural(ctx.locale, tally.total, r.counted)}
      </p>
      <TableWrap label={r.byStance}>
        <table class="sense-stances">
          <caption>{r.byStance}</caption>
          <tbody>
            {STANCES.map(([stance, k]) => (
              <tr>
                <th scope="row">{r.stance[stance]}</th>
                <td class="num" data-sense-slot={`stance-${k}`}>
                  {formatNumber(ctx.locale, tally.stances[k])}
                </td>
                <td>
                  <svg width={BAR} height="18" viewBox={`0 0 ${BAR} 18`} aria-hidden="true" focusable="false" class="sense-bar">
                    <rect class="bar-track" x="0" y="2" width={BAR} height="14" rx="3" />
                    <rect class={`bar-${stance}`} x="0" y="2" width={barWidth(tally.stances[k], tally.total)} height="14" rx="3" data-sense-bar={k} />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={r.byCategory}>
        <table class="sense-categories">
          <caption>{r.byCategory}</caption>
          <thead>
            <tr>
              <th scope="col">{r.category}</th>
              {STANCES.map(([stance]) => (
                <th scope="col" class="num">
                  {r.stance[stance]}
                </th>
              ))}
              <th scope="col" class="num">
                {r.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {tally.categories.map((c) => (
              <tr data-sense-category={c.categoryKey}>
                <th scope="row">{plain(categoryLabel(process, c.categoryKey), ctx.locale) || c.categoryKey}</th>
                {STANCES.map(([, k]) => (
                  <td class="num" data-sense-slot={k}>
                    {formatNumber(ctx.locale, c[k])}
                  </td>
                ))}
                <td class="num" data-sense-slot="total">
                  {formatNumber(ctx.locale, c.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

/** The sense of the room in the live room: always labelled as not a vote; forms for members and for the facilitator. */
export function SenseOfRoomSection(props: { ctx: PageCtx; process: Process; data: SenseData }) {
  const { ctx, process, data } = props;
  const r = roomMessages(ctx.locale);
  const m = consensusMessages(ctx.locale);
  const base = `/p/${process.slug}/meetings/${data.meetingId}/sense`;
  const v = data.values ?? {};
  const e = data.errors ?? {};
  const s = data.sense;
  const open = !!s?.open && data.live;
  const stanceOptions = (mine: boolean) => STANCES.map(([stance]) => ({ value: stance, label: mine ? m.stanceMine[stance]! : r.stance[stance]! }));
  return (
    <section aria-labelledby="sense-h" class="panel sense" id="sense" data-sense="section" data-sense-id={s ? String(s.id) : ''} data-sense-open={open ? '1' : '0'}>
      <h2 id="sense-h">{r.heading}</h2>
      <p class="not-a-vote">{r.intro}</p>
      {!s ? <p class="muted">{r.none}</p> : null}
      {s ? (
        <>
          {!open ? <p class="muted">{r.closedNote}</p> : null}
          <p>
            {r.on}
            {m.colon}
            <a href={href(ctx, decisionPath(process, s.proposal.id))}>
              <T value={s.proposal.title} locale={ctx.locale} />
            </a>{' '}
            <span class="badge">{m.status[s.proposal.status]}</span>
            {s.item ? (
              <>
                <br />
                {r.item}
                {m.colon}
                <T value={s.item} locale={ctx.locale} />
              </>
            ) : null}
          </p>
          {data.tally ? <Tally ctx={ctx} process={process} tally={data.tally} /> : null}
        </>
      ) : null}

      {open && data.viewer.kind === 'anonymous' ? (
        <p>
          <a href={href(ctx, `/sign-in?next=${encodeURIComponent(`/${ctx.locale}${ctx.localPath}`)}`)}>{r.signIn}</a>
        </p>
      ) : null}
      {open && data.viewer.kind === 'follower' ? <p class="muted">{data.viewer.why}</p> : null}
      {open && data.viewer.kind === 'member' ? (
        <form method="post" action={href(ctx, `${base}/position`)} class="sense-position" data-sense="form">
          <CsrfField value={ctx.csrf} />
          <Radios locale={ctx.locale} name="stance" label={r.yourPosition} required value={v.stance ?? data.viewer.stance ?? ''} options={stanceOptions(true)} error={e.stance} />
          <TextArea locale={ctx.locale} name="reason" label={r.reason} hint={r.reasonHint} value={v.reason ?? ''} rows={3} maxlength={5000} error={e.reason} />
          <button type="submit">{r.take}</button>
        </form>
      ) : null}

      {data.facilitator && data.live ? <FacilitatorControls ctx={ctx} process={process} data={data} base={base} open={open} /> : null}
    </section>
  );
}

function FacilitatorControls(props: { ctx: PageCtx; process: Process; data: SenseData; base: string; open: boolean }) {
  const { ctx, data, base } = props;
  const f = data.facilitator!;
  const r = roomMessages(ctx.locale);
  const v = data.values ?? {};
  const e = data.errors ?? {};
  if (!props.open) {
    if (f.candidates.length === 0) return <p class="muted">{r.noProposal}</p>;
    return (
      <form method="post" action={href(ctx, `${base}/open`)} class="chair sense-open">
        <h3>{r.open}</h3>
        <CsrfField value={ctx.csrf} />
        <Select
          locale={ctx.locale}
          name="proposalId"
          label={r.proposal}
          hint={r.proposalHint}
          required
          value={v.proposalId ?? String(f.candidates[0]!.id)}
          error={e.proposalId}
          options={f.candidates.map((c) => ({
            value: String(c.id),
            label: plain(c.title, ctx.locale) + (c.onItem ? ` (${r.onItem(plain(c.onItem, ctx.locale))})` : ''),
          }))}
        />
        <Checkbox locale={ctx.locale} name="makeCall" label={r.makeCall} hint={r.makeCallHint} checked={v.makeCall === 'on' || v.makeCall === '1'} error={e.makeCall}>
          <p class="hint" id="f-makeCall-hint">
            {r.makeCallHint}
          </p>
        </Checkbox>
        <button type="submit">{r.openButton}</button>
      </form>
    );
  }
  return (
    <div class="chair sense-chair">
      {f.people.length ? (
        <form method="post" action={href(ctx, `${base}/record`)} class="sense-record">
          <h3>{r.recordFor}</h3>
          <CsrfField value={ctx.csrf} />
          <Select
            locale={ctx.locale}
            name="participantId"
            label={r.person}
            required
            value={v.participantId ?? ''}
            error={e.participantId}
            options={[{ value: '', label: '—' }, ...f.people.map((p) => ({ value: String(p.id), label: p.displayName }))]}
          />
          <Radios
            locale={ctx.locale}
            name="recordStance"
            label={r.theirPosition}
            required
            value={v.recordStance ?? ''}
            options={STANCES.map(([stance]) => ({ value: stance, label: r.stance[stance]! }))}
            error={e.recordStance}
          />
          <TextArea locale={ctx.locale} name="recordReason" label={r.reason} hint={r.reasonHint} value={v.recordReason ?? ''} rows={2} maxlength={5000} error={e.recordReason} />
          <button type="submit">{r.recordButton}</button>
        </form>
      ) : null}
      {f.counted.length ? (
        <details>
          <summary>
            {r.who} ({formatNumber(ctx.locale, f.counted.length)})
          </summary>
          <ul>
            {f.counted.map((p) => (
              <li>
                {p.displayName}: {r.stance[p.stance]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <form method="post" action={href(ctx, `${base}/close`)} class="inline">
        <CsrfField value={ctx.csrf} />
        <button type="submit" class="secondary">
          {r.close}
        </button>
      </form>
    </div>
  );
}
