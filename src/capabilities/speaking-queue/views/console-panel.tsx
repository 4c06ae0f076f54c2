import { plural } from '../../../kernel/i18n.ts';
import { CsrfField, ErrorSummary, Radios, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import type { Process } from '../../processes/index.ts';
import { POLICIES } from '../domain/queue.ts';
import type { QueueSnapshot } from '../domain/snapshot.ts';
import { fill } from '../domain/wording.ts';
import { queueMessages } from '../messages/index.ts';
import { EntryBody, FloorView } from './parts.tsx';

const LIMITS = [60, 120, 180, 300, 600];

/**
 * The facilitator's controls, one column so a phone held in one hand works:
 * the floor and the next speaker first, then each hand with its actions.
 * Overrides (out of order, moved up) take a reason, shown to all and logged.
 */
export function QueueConsoleSection(props: {
  ctx: PageCtx;
  process: Process;
  meetingId: number;
  live: boolean;
  snapshot: QueueSnapshot;
  candidates: Array<{ id: number; displayName: string }>;
  now: Date;
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, snapshot, errors } = props;
  const q = queueMessages(ctx.locale);
  const base = href(ctx, `/p/${process.slug}/meetings/${props.meetingId}/queue`);
  const next = snapshot.queue[0];
  const Hidden = () => (
    <>
      <CsrfField value={ctx.csrf} />
      <input type="hidden" name="back" value="console" />
    </>
  );
  const Actions = (p: { entry: number | null; error?: AnyFieldError }) => {
    const id = p.entry === null ? 'f-reason-__E__' : `f-reason-${p.entry}`;
    return (
      <form method="post" action={`${base}/give`} class={`entry-actions${p.error ? ' has-error' : ''}`}>
        <Hidden />
        <input type="hidden" name="entryId" value={p.entry === null ? '' : String(p.entry)} data-slot="entry-id" />
        <div class="field">
          <label for={id}>{q.reason}</label>
          {p.error ? (
            <p class="error" id={`${id}-error`}>
              {'message' in p.error ? p.error.message : ''}
            </p>
          ) : null}
          <input
            id={id}
            name="reason"
            type="text"
            maxlength={300}
            data-slot="reason"
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? `${id}-error` : undefined}
          />
        </div>
        <div class="actions">
          <button type="submit">{q.giveFloor}</button>
          <button type="submit" class="secondary" formaction={`${base}/move-up`}>
            {q.moveToFront}
          </button>
          <button type="submit" class="secondary" formaction={`${base}/remove`}>
            {q.removeHand}
          </button>
        </div>
      </form>
    );
  };
  return (
    <section aria-labelledby="qc-h" class="queue-console" data-q="section">
      <h2 id="qc-h">{q.console}</h2>
      <ErrorSummary locale={ctx.locale} errors={errors} labels={{}} />
      <div class="panel floor">
        <FloorView snapshot={snapshot} process={process} locale={ctx.locale} now={props.now} />
      </div>
      <div class="actions big">
        <form method="post" action={`${base}/next`} data-q="next" hidden={!next || !props.live} class="inline">
          <Hidden />
          <button type="submit" class="big" data-q="next-label">
            {next ? fill(q.nextSpeaker, { name: next.n }) : q.nextSpeakerPlain}
          </button>
        </form>
        <form method="post" action={`${base}/end-turn`} data-q="end-turn" hidden={!snapshot.floor} class="inline">
          <Hidden />
          <button type="submit" class="secondary big">
            {q.endTurn}
          </button>
        </form>
        <form method="post" action={`${base}/open`} data-q="open" hidden={snapshot.open || !props.live} class="inline">
          <Hidden />
          <button type="submit" class="secondary">
            {q.openQueue}
          </button>
        </form>
        <form method="post" action={`${base}/close`} data-q="close" hidden={!snapshot.open || !props.live} class="inline">
          <Hidden />
          <button type="submit" class="secondary">
            {q.closeQueue}
          </button>
        </form>
      </div>
      <p class="muted">
        {q.orderLabel} <strong data-q="policy">{q.policies[snapshot.policy]}</strong>
      </p>
      <p data-q="count" class="muted">
        {snapshot.queue.length ? plural(ctx.locale, snapshot.queue.length, q.waitingCount) : q.nobodyWaiting}
      </p>
      <p class="hint" id="reason-hint">
        {q.reasonHint}
      </p>
      <ol class="queue console" data-q="list">
        {snapshot.queue.map((p) => (
          <li data-entry={String(p.e)}>
            <EntryBody person={p} process={process} locale={ctx.locale}>
              <Actions entry={p.e} error={errors?.[`reason-${p.e}`]} />
            </EntryBody>
          </li>
        ))}
      </ol>
      <template data-q="entry">
        <li>
          <EntryBody person={null} process={process} locale={ctx.locale}>
            <Actions entry={null} />
          </EntryBody>
        </li>
      </template>
      {props.live ? (
        <details>
          <summary>{q.addInRoom}</summary>
          <form method="post" action={`${base}/add`} class="stack">
            <Hidden />
            <Select locale={ctx.locale} name="participantId" label={q.person} required options={props.candidates.map((c) => ({ value: String(c.id), label: c.displayName }))} />
            <button type="submit">{q.addInRoomSubmit}</button>
          </form>
        </details>
      ) : null}
      <details>
        <summary>{q.timeLimit}</summary>
        <form method="post" action={`${base}/limit`} class="stack">
          <Hidden />
          <Select
            locale={ctx.locale}
            name="seconds"
            label={q.timeLimit}
            value={snapshot.limit === null ? '' : String(snapshot.limit)}
            options={[{ value: '', label: q.noLimit }, ...LIMITS.map((s) => ({ value: String(s), label: plural(ctx.locale, s / 60, q.minutes) }))]}
            error={errors?.seconds}
          />
          <button type="submit">{q.setLimit}</button>
        </form>
      </details>
      <details>
        <summary>{q.order}</summary>
        <form method="post" action={`${base}/policy`} class="stack">
          <Hidden />
          <Radios
            locale={ctx.locale}
            name="policy"
            label={q.order}
            required
            value={snapshot.policy}
            options={POLICIES.map((p) => ({ value: p, label: q.policies[p]!, hint: q.policyHelp[p] }))}
          />
          <button type="submit">{q.setPolicy}</button>
        </form>
      </details>
    </section>
  );
}
