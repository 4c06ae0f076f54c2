import { CsrfField, ErrorSummary, PostButton, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, T } from '../../../platform/views/text.tsx';
import type { ParticipantListing } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import type { Objection } from '../domain/objections.ts';
import { consensusMessages } from '../messages/index.ts';
import { Person, Time, WhereNote, decisionPath } from './parts.tsx';

const STATUS_CLASS: Record<Objection['status'], string> = { open: 'badge bad', discussed: 'badge good', standing: 'badge warn', withdrawn: 'badge' };

/**
 * The dissent record: every objection, its author (category and declaration),
 * its status, and where and how it was discussed. Anyone can read it all.
 */
export function DissentRecord(props: {
  ctx: PageCtx;
  process: Process;
  proposalId: number;
  objections: Objection[];
  people: Map<number, ParticipantListing>;
  /** The chair may record discussions; the author may withdraw or maintain (only while the proposal is open). */
  canChair: boolean;
  open: boolean;
  myParticipantId: number | null;
}) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  const base = decisionPath(process, props.proposalId);
  return (
    <section aria-labelledby="objections-h" id="objections" data-live-region>
      <h2 id="objections-h">{m.objections}</h2>
      <p class="muted">{m.objectionsIntro}</p>
      {props.objections.length === 0 ? <p>{m.noObjections}</p> : null}
      <ol class="plain objections" hidden={props.objections.length === 0}>
        {props.objections.map((o) => {
          const mine = props.myParticipantId !== null && o.authorParticipantId === props.myParticipantId;
          return (
            <li id={`objection-${o.id}`} class="card">
              <p class="split">
                <span>
                  <span class={STATUS_CLASS[o.status]}>{m.objectionStatus[o.status]}</span>{' '}
                  <Person ctx={ctx} process={process} id={o.authorParticipantId} people={props.people} declaration />
                </span>
                <span class="muted">
                  <Time ctx={ctx} process={process} at={o.raisedAt} />
                  {o.fromPosition ? `, ${m.withPosition}` : ''}
                </span>
              </p>
              <Paragraphs value={o.text} locale={ctx.locale} />
              {o.discussedAt ? (
                <div class="discussion">
                  <p>
                    <strong>{m.discussedWhere}</strong> (<Time ctx={ctx} process={process} at={o.discussedAt} />
                    {o.discussedWhere ? (
                      <>
                        , <WhereNote where={o.discussedWhere} ctx={ctx} process={process} />
                      </>
                    ) : null}
                    ){m.colon}
                    {o.resolution ? m.resolution[o.resolution] : ''}
                  </p>
                  {o.reasoning ? (
                    <p>
                      <span class="visually-hidden">
                        {m.howAddressed}
                        {m.colon}
                      </span>
                      <T value={o.reasoning} locale={ctx.locale} />
                    </p>
                  ) : null}
                </div>
              ) : null}
              {props.open && (props.canChair || mine) ? (
                <div class="actions">
                  {props.canChair && o.status === 'open' ? (
                    <a class="button secondary" href={href(ctx, `${base}/objections/${o.id}/discussion`)}>
                      {m.recordDiscussion}
                    </a>
                  ) : null}
                  {mine && o.status === 'discussed' ? (
                    <PostButton action={href(ctx, `${base}/objections/${o.id}/maintain`)} csrf={ctx.csrf} label={m.maintain} class="secondary" />
                  ) : null}
                  {mine && o.status !== 'withdrawn' ? (
                    <PostButton action={href(ctx, `${base}/objections/${o.id}/withdraw`)} csrf={ctx.csrf} label={m.withdraw} class="secondary" />
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A dissenting view raised in discussion, without a position. */
export function RaiseObjectionForm(props: { ctx: PageCtx; action: string; value: string; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <section aria-labelledby="raise-h">
      <h3 id="raise-h">{m.raiseObjection}</h3>
      <p class="hint">{m.raiseObjectionIntro}</p>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ objection: m.objectionText }} />
      <form method="post" action={props.action} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <TextArea
          locale={ctx.locale}
          name="objection"
          label={m.objectionText}
          required
          value={props.value}
          rows={3}
          maxlength={4000}
          error={props.errors?.objection}
          lang={ctx.locale}
        />
        <button type="submit" class="secondary">
          {m.raiseObjection}
        </button>
      </form>
    </section>
  );
}
