import { CsrfField, ErrorSummary, PostButton, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs } from '../../../platform/views/text.tsx';
import type { ParticipantListing } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import type { MinorityStatementRow, ResponseRow } from '../db/record-queries.ts';
import type { Assessment } from '../domain/assessments.ts';
import { consensusMessages } from '../messages/index.ts';
import { Person, Time, decisionPath, personName } from './parts.tsx';

/** The chair's assessments (every one kept, the latest first in importance), with the group's responses. */
export function Assessments(props: {
  ctx: PageCtx;
  process: Process;
  proposalId: number;
  assessments: Assessment[];
  responses: ResponseRow[];
  people: Map<number, ParticipantListing>;
  canRespond: boolean;
  canAssess: boolean;
  values: { response: string };
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  const base = decisionPath(process, props.proposalId);
  const latest = props.assessments[props.assessments.length - 1];
  return (
    <section aria-labelledby="assessments-h" id="assessments">
      <h2 id="assessments-h">{m.assessments}</h2>
      <p class="muted">{m.assessmentsIntro}</p>
      {props.assessments.length === 0 ? <p>{m.noAssessment}</p> : null}
      <ol class="plain assessments" hidden={props.assessments.length === 0}>
        {[...props.assessments].reverse().map((a) => {
          const responses = props.responses.filter((r) => r.assessmentId === a.id);
          return (
            <li id={`assessment-${a.id}`} class={a === latest ? 'card latest' : 'card superseded'}>
              <h3>
                {m.level[a.level]}, {m.direction[a.direction]}
              </h3>
              <p class="muted">
                {a.chairName ? `${a.chairName}, ` : ''}
                <Time ctx={ctx} process={process} at={a.assessedAt} /> · {m.round(a.round)}
                {a.revisesId ? ` · ${m.revises}` : ''}
              </p>
              <Paragraphs value={a.text} locale={ctx.locale} />
              <p class="muted">{m.criteriaThen(m.outcome[a.evaluation.outcome]!)}</p>
              {responses.length > 0 ? (
                <>
                  <h4>{m.responses}</h4>
                  <ul class="plain responses">
                    {responses.map((r) => (
                      <li>
                        <Person ctx={ctx} process={process} id={r.participantId} people={props.people} />, <Time ctx={ctx} process={process} at={r.respondedAt} />
                        <Paragraphs value={r.text} locale={ctx.locale} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {props.canAssess ? (
        <p>
          <a class="button" href={href(ctx, `${base}/assess`)}>
            {latest ? m.revise : m.assessTitle}
          </a>
        </p>
      ) : null}
      {latest && props.canRespond ? (
        <section aria-labelledby="respond-h">
          <h3 id="respond-h">{m.respond}</h3>
          <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ response: m.responseText }} />
          <form method="post" action={href(ctx, `${base}/assessments/${latest.id}/responses`)} class="stack" novalidate>
            <CsrfField value={ctx.csrf} />
            <TextArea
              locale={ctx.locale}
              name="response"
              label={m.responseText}
              required
              value={props.values.response}
              rows={3}
              maxlength={4000}
              error={props.errors?.response}
              lang={ctx.locale}
            />
            <button type="submit" class="secondary">
              {m.respond}
            </button>
          </form>
        </section>
      ) : null}
    </section>
  );
}

/** Minority statements, each with its authors' names. */
export function MinorityStatements(props: {
  ctx: PageCtx;
  process: Process;
  proposalId: number;
  statements: MinorityStatementRow[];
  people: Map<number, ParticipantListing>;
  canAttach: boolean;
  myParticipantId: number | null;
  values: { statement: string };
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  const base = decisionPath(process, props.proposalId);
  return (
    <section aria-labelledby="minority-h" id="minority">
      <h2 id="minority-h">{m.minority}</h2>
      <p class="muted">{m.minorityIntro}</p>
      {props.statements.length === 0 ? <p>{m.noMinority}</p> : null}
      <ol class="plain" hidden={props.statements.length === 0}>
        {props.statements.map((s) => {
          const names = [s.authorParticipantId, ...s.signers.map((x) => x.participantId)].map((id) => personName(props.people, id));
          const signed = props.myParticipantId !== null && (s.authorParticipantId === props.myParticipantId || s.signers.some((x) => x.participantId === props.myParticipantId));
          return (
            <li id={`minority-${s.id}`} class="card">
              <p>
                <strong>{m.byAuthors(names.join(', '))}</strong> <span class="muted">{m.round(s.round)}</span> · <Time ctx={ctx} process={process} at={s.attachedAt} />
              </p>
              <Paragraphs value={s.text} locale={ctx.locale} />
              {props.canAttach && !signed ? <PostButton action={href(ctx, `${base}/minority/${s.id}/sign`)} csrf={ctx.csrf} label={m.signMinority} class="secondary" /> : null}
            </li>
          );
        })}
      </ol>
      {props.canAttach ? (
        <section aria-labelledby="attach-h">
          <h3 id="attach-h">{m.attachMinority}</h3>
          <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ statement: m.minorityText }} />
          <form method="post" action={href(ctx, `${base}/minority`)} class="stack" novalidate>
            <CsrfField value={ctx.csrf} />
            <TextArea
              locale={ctx.locale}
              name="statement"
              label={m.minorityText}
              required
              value={props.values.statement}
              rows={4}
              maxlength={8000}
              error={props.errors?.statement}
              lang={ctx.locale}
            />
            <button type="submit" class="secondary">
              {m.attachMinority}
            </button>
          </form>
        </section>
      ) : null}
    </section>
  );
}
