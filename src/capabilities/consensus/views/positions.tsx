import { formatDate } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { CsrfField, ErrorSummary, Radios, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, TableWrap } from '../../../platform/views/text.tsx';
import { CategoryName, DeclarationNote, type ParticipantListing } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import type { PositionRow } from '../db/queries.ts';
import { STANCES } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { StanceLabel, Time, WhereNote } from './parts.tsx';

/** Positions with each person's stakeholder category (as chosen when the position was taken) and declaration of interests. */
export function PositionsTable(props: { ctx: PageCtx; process: Process; rows: PositionRow[]; people: Map<number, ParticipantListing>; caption: string; history?: boolean }) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <TableWrap label={props.caption}>
      <table class="positions">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.participant}</th>
            <th scope="col">{m.position}</th>
            <th scope="col">{m.category}</th>
            <th scope="col">{m.declaration}</th>
            <th scope="col">{m.when}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const p = props.people.get(r.participantId);
            return (
              <tr class={r.supersededAt ? 'superseded' : undefined}>
                <th scope="row">{p ? <a href={href(ctx, `/p/${process.slug}/participants/${p.id}`)}>{p.displayName}</a> : `#${r.participantId}`}</th>
                <td>
                  <StanceLabel locale={ctx.locale} stance={r.stance} />
                  {r.supersededAt ? <span class="muted"> ({m.changed})</span> : null}
                  {r.reason ? (
                    <p class="reason">
                      <span class="visually-hidden">
                        {m.reason}
                        {m.colon}
                      </span>
                      <T value={r.reason} locale={ctx.locale} />
                    </p>
                  ) : null}
                </td>
                <td>
                  <CategoryName process={process} participant={r} locale={ctx.locale} />
                </td>
                <td>
                  <DeclarationNote declaration={p?.declaration ?? null} locale={ctx.locale} timeZone={process.timeZone} />
                </td>
                <td>
                  <Time ctx={ctx} process={process} at={r.takenAt} />
                  {r.inRoom || r.takenWhere ? (
                    <span class="badge">
                      {r.takenWhere ? (
                        <>
                          {m.inRoom}
                          {m.colon}
                          <WhereNote where={r.takenWhere} ctx={ctx} process={process} />
                        </>
                      ) : (
                        m.inRoom
                      )}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function Pager(props: { ctx: PageCtx; base: string; page: number; total: number; size: number }) {
  const pages = Math.max(1, Math.ceil(props.total / props.size));
  if (pages <= 1) return null;
  const m = consensusMessages(props.ctx.locale);
  return (
    <nav class="pager" aria-label={m.pageOf(props.page, pages)}>
      {props.page > 1 ? (
        <a href={href(props.ctx, `${props.base}?page=${props.page - 1}`)} rel="prev">
          {m.previous}
        </a>
      ) : null}{' '}
      <span>{m.pageOf(props.page, pages)}</span>{' '}
      {props.page < pages ? (
        <a href={href(props.ctx, `${props.base}?page=${props.page + 1}`)} rel="next">
          {m.next}
        </a>
      ) : null}
    </nav>
  );
}

export type PositionFormValues = { stance: string; reason: string };

/** Agree, can live with it, cannot live with it (with a reason that becomes an objection). */
export function PositionForm(props: {
  ctx: PageCtx;
  action: string;
  values: PositionFormValues;
  errors?: Record<string, AnyFieldError> | null;
  current: { stance: PositionRow['stance']; takenAt: Date; reason: Localized | null } | null;
  process: Process;
  hidden?: Record<string, string>;
}) {
  const { ctx } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <>
      {props.current ? <p>{m.yourPositionNow(m.stance[props.current.stance]!, formatDate(ctx.locale, props.current.takenAt, props.process.timeZone))}</p> : null}
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ stance: m.positionQuestion, reason: m.reasonLabel }} />
      <form method="post" action={props.action} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        {Object.entries(props.hidden ?? {}).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <Radios
          locale={ctx.locale}
          name="stance"
          label={m.positionQuestion}
          required
          value={props.values.stance}
          options={STANCES.map((s) => ({ value: s, label: m.stanceMine[s]!, hint: m.stanceHint[s] }))}
          error={props.errors?.stance}
        />
        <TextArea
          locale={ctx.locale}
          name="reason"
          label={m.reasonLabel}
          hint={m.reasonHint}
          value={props.values.reason}
          rows={3}
          maxlength={4000}
          error={props.errors?.reason}
          lang={ctx.locale}
        />
        <button type="submit">{m.savePosition}</button>
      </form>
    </>
  );
}
