import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, T } from '../../../platform/views/text.tsx';
import type { ParticipantListing } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import type { DecisionRow, TransitionRow } from '../db/record-queries.ts';
import type { Where } from '../domain/proposal.ts';
import type { NewInformation } from '../domain/reopen.ts';
import { consensusMessages } from '../messages/index.ts';
import { OutcomeBadge, Person, Time, WhereNote, decisionPath, when } from './parts.tsx';

/** Rule 8: new information filed against the decision, and the chair's answers. */
export function NewInformationSection(props: {
  ctx: PageCtx;
  process: Process;
  proposalId: number;
  items: NewInformation[];
  people: Map<number, ParticipantListing>;
  canFile: boolean;
  canAnswer: boolean;
}) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  const base = decisionPath(process, props.proposalId);
  return (
    <section aria-labelledby="information-h" id="information">
      <h2 id="information-h">{m.newInformation}</h2>
      <p class="muted">{m.newInformationIntro}</p>
      {props.items.length === 0 ? <p>{m.noInformation}</p> : null}
      <ol class="plain" hidden={props.items.length === 0}>
        {props.items.map((i) => (
          <li id={`information-${i.id}`} class="card">
            <p class="split">
              <span>
                <span class={i.status === 'accepted' ? 'badge good' : i.status === 'declined' ? 'badge' : 'badge warn'}>{m.informationStatus[i.status]}</span>{' '}
                <Person ctx={ctx} process={process} id={i.filedByParticipantId} people={props.people} declaration />
              </span>
              <span class="muted">
                <Time ctx={ctx} process={process} at={i.filedAt} /> · {m.round(i.round)}
              </span>
            </p>
            <h3>{m.whatIsNew}</h3>
            <Paragraphs value={i.whatIsNew} locale={ctx.locale} />
            <h3>{m.whyItMatters}</h3>
            <Paragraphs value={i.whyItMatters} locale={ctx.locale} />
            {i.links.length > 0 ? (
              <ul>
                {i.links.map((l) => (
                  <li>
                    <a href={l.url}>{l.label || l.url}</a>
                  </li>
                ))}
              </ul>
            ) : null}
            {i.answer && (i.answer.en || i.answer.fr) ? (
              <p>
                <strong>{m.chairsAnswer}</strong> ({i.answeredAt ? <Time ctx={ctx} process={process} at={i.answeredAt} /> : null}){m.colon}
                <T value={i.answer} locale={ctx.locale} />
              </p>
            ) : null}
            {props.canAnswer && i.status === 'filed' ? (
              <p>
                <a class="button secondary" href={href(ctx, `${base}/information/${i.id}/answer`)}>
                  {m.answerTitle}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {props.canFile ? (
        <p>
          <a class="button secondary" href={href(ctx, `${base}/information/new`)}>
            {m.fileInformation}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** Every decision taken, with the criteria as they stood; a reopened one stays. */
export function DecisionsTaken(props: { ctx: PageCtx; process: Process; decisions: DecisionRow[] }) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  if (props.decisions.length === 0) return null;
  return (
    <section aria-labelledby="taken-h" id="decisions-taken">
      <h2 id="taken-h">{m.decisionsTaken}</h2>
      <p class="muted">{m.decisionsTakenIntro}</p>
      <ol class="plain">
        {props.decisions.map((d) => (
          <li class="card">
            <p>
              <strong>{d.outcome === 'decided' ? m.decidedRound(d.round, when(ctx, process, d.decidedAt)) : m.closedRound(d.round, when(ctx, process, d.decidedAt))}</strong>
              {d.decidedByName ? ` (${m.byName(d.decidedByName)})` : ''}
            </p>
            <p>
              {m.outcomeLabel}
              {m.colon}
              <OutcomeBadge locale={ctx.locale} outcome={d.evaluation.outcome} />{' '}
              {(['quiet', 'dissentDiscussed', 'support'] as const).map((k) => (
                <span class="muted">
                  {' '}
                  · {m.criterion[k]}
                  {m.colon}
                  {d.evaluation.criteria[k].met ? m.met : m.notMet}
                </span>
              ))}
            </p>
            {d.reopenedAt ? <p class="notice">{m.reopenedOn(when(ctx, process, d.reopenedAt))}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every step of the proposal's life, and the meetings and threads where it was discussed. */
export function ProposalHistory(props: { ctx: PageCtx; process: Process; transitions: TransitionRow[]; places: Where[] }) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <section aria-labelledby="history-h" id="history">
      <h2 id="history-h">{m.history}</h2>
      <ol class="plain activity">
        {props.transitions.map((t) => (
          <li>
            <Time ctx={ctx} process={process} at={t.at} /> — {m.round(t.round)}
            {m.colon}
            {t.fromStatus === 'call' && t.toStatus === 'discussion'
              ? m.historyReturned
              : (t.fromStatus === 'decided' || t.fromStatus === 'closed') && t.toStatus === 'discussion'
                ? m.historyReopened
                : m.historyStep[t.toStatus]}
            {t.byName ? ` (${m.byName(t.byName)})` : ''}
          </li>
        ))}
      </ol>
      {props.places.length > 0 ? (
        <>
          <h3>{m.whereDiscussed}</h3>
          <ul>
            {props.places.map((w) => (
              <li>
                <WhereNote where={w} ctx={ctx} process={process} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
