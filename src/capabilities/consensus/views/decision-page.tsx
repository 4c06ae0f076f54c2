import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { PostButton } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, T, plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { DecisionRecord } from '../commands/load-record.ts';
import type { PositionRow } from '../db/queries.ts';
import type { ConsensusAction } from '../domain/permissions.ts';
import { isOpenForPositions, isSettled, type Where } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { Assessments, MinorityStatements } from './assessments.tsx';
import { Breakdown, CriteriaPanel } from './criteria.tsx';
import { DissentRecord, RaiseObjectionForm } from './objections.tsx';
import { Person, RichText, StatusBadge, decisionPath } from './parts.tsx';
import { PositionForm, PositionsTable } from './positions.tsx';
import { DecisionsTaken, NewInformationSection, ProposalHistory } from './record-history.tsx';
import { RecordMeetings } from './record-meetings.tsx';
import type { RecordMeeting } from '../commands/meetings-of-record.ts';

export type FormName = 'position' | 'objection' | 'response' | 'statement';

export type DecisionPageData = {
  record: DecisionRecord;
  can: Record<ConsensusAction, boolean>;
  isChair: boolean;
  participantId: number | null;
  myPosition: PositionRow | null;
  /** Worded reason the chair cannot record the decision yet (null when possible). */
  decideBlocked: string | null;
  places: Where[];
  /** Meetings where it was discussed (agenda items that link to it, or named in the record). */
  meetings: RecordMeeting[];
  values: { stance: string; reason: string; objection: string; response: string; statement: string };
  errors: { form: FormName; errors: Record<string, AnyFieldError> } | null;
};

function ChairPanel(props: { ctx: PageCtx; process: Process; data: DecisionPageData }) {
  const { ctx, process, data } = props;
  const m = consensusMessages(ctx.locale);
  const p = data.record.proposal;
  const base = href(ctx, decisionPath(process, p.id));
  if (isSettled(p.status)) return null;
  return (
    <section aria-labelledby="chair-h" class="panel chair">
      <h2 id="chair-h">{m.forTheChair}</h2>
      <p class="muted">{m.chairIntro}</p>
      <div class="actions">
        {p.status === 'drafting' ? <PostButton action={`${base}/advance`} csrf={ctx.csrf} label={m.openDiscussion} hidden={{ to: 'open-discussion' }} /> : null}
        {p.status === 'discussion' ? (
          <a class="button" href={`${base}/call`}>
            {m.openCall}
          </a>
        ) : null}
        {p.status === 'call' ? (
          <>
            <a class="button" href={`${base}/assess`}>
              {data.record.assessments.some((a) => a.round === p.round) ? m.revise : m.assessTitle}
            </a>
            {data.decideBlocked ? null : <PostButton action={`${base}/advance`} csrf={ctx.csrf} label={m.decide} hidden={{ to: 'decide' }} />}
            <PostButton action={`${base}/advance`} csrf={ctx.csrf} label={m.returnToDiscussion} class="secondary" hidden={{ to: 'return-to-discussion' }} />
          </>
        ) : null}
        <PostButton action={`${base}/advance`} csrf={ctx.csrf} label={m.close} class="secondary" hidden={{ to: 'close' }} />
      </div>
      {p.status === 'call' && data.decideBlocked ? (
        <p class="notice">
          {m.decideNeeds} {data.decideBlocked}
        </p>
      ) : null}
    </section>
  );
}

/** The decision record: the proposal, where consensus stands, every position and objection, the chair's calls, and the history. */
export function DecisionPage(props: { ctx: PageCtx; process: Process; data: DecisionPageData }) {
  const { ctx, process, data } = props;
  const { record } = data;
  const p = record.proposal;
  const m = consensusMessages(ctx.locale);
  const base = decisionPath(process, p.id);
  const open = isOpenForPositions(p.status);
  const errorsFor = (f: FormName) => (data.errors?.form === f ? data.errors.errors : null);
  return (
    <Layout
      ctx={ctx}
      title={plain(p.title, ctx.locale)}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, `/p/${process.slug}/bodies/${record.body.slug}`), label: plain(record.body.name, ctx.locale) },
      ]}
    >
      <div class="decision" data-live={open ? href(ctx, `${base}/events`) : undefined}>
        <p class="muted">
          {m.kind[p.kind]} · <T value={record.body.name} locale={ctx.locale} />
        </p>
        <h1>
          <T value={p.title} locale={ctx.locale} />
        </h1>
        <p>
          <StatusBadge locale={ctx.locale} status={p.status} /> {p.round > 1 ? <span class="badge">{m.round(p.round)}</span> : null}{' '}
          {p.authorParticipantId ? (
            <span class="muted">
              {m.proposedBy} <Person ctx={ctx} process={process} id={p.authorParticipantId} people={record.people} />
            </span>
          ) : null}
        </p>
        {open ? (
          <p class="muted live-note">
            {m.liveNote} <a href={href(ctx, `${base}/room`)}>{m.roomLink}</a>
          </p>
        ) : null}
        <p class="visually-hidden" role="status" id="live-status" data-message={m.liveUpdated}></p>
        {p.status === 'drafting' ? <p class="notice">{m.draftHint}</p> : null}
        <RichText source={p.text} html={p.textHtml} locale={ctx.locale} />
        {p.link ? (
          <p>
            {m.link}
            {m.colon}
            <a href={p.link.url}>{p.link.label || p.link.url}</a>
          </p>
        ) : null}
        {p.kind === 'scope' ? (
          <div class="cols">
            <section aria-labelledby="proposed-charter-h" class="panel">
              <h2 id="proposed-charter-h">{m.proposedCharter}</h2>
              <Paragraphs value={p.proposedCharter} locale={ctx.locale} />
            </section>
            <section aria-labelledby="charter-before-h">
              <h2 id="charter-before-h">{m.currentCharter}</h2>
              <Paragraphs value={p.charterBefore} locale={ctx.locale} />
            </section>
          </div>
        ) : null}
        {data.can['edit-draft'] ? (
          <p>
            <a class="button secondary" href={href(ctx, `${base}/edit`)}>
              {m.editDraft}
            </a>
          </p>
        ) : null}
        {data.isChair ? <ChairPanel ctx={ctx} process={process} data={data} /> : null}
        {p.status !== 'drafting' ? (
          <>
            <CriteriaPanel locale={ctx.locale} process={process} evaluation={record.evaluation} at={record.evaluationAt} />
            <Breakdown locale={ctx.locale} process={process} categories={record.evaluation.categories} />
          </>
        ) : null}
        {open ? (
          <section aria-labelledby="mine-h" class="panel">
            <h2 id="mine-h">{m.yourPosition}</h2>
            {data.can['take-position'] ? (
              <PositionForm
                ctx={ctx}
                process={process}
                action={href(ctx, `${base}/position`)}
                values={{ stance: data.values.stance, reason: data.values.reason }}
                errors={errorsFor('position')}
                current={data.myPosition}
              />
            ) : (
              <p class="muted">{m.whoMayTakePositions}</p>
            )}
            {data.can['raise-objection'] ? (
              <RaiseObjectionForm ctx={ctx} action={href(ctx, `${base}/objections`)} value={data.values.objection} errors={errorsFor('objection')} />
            ) : null}
          </section>
        ) : null}
        {p.status !== 'drafting' ? (
          <section aria-labelledby="positions-h" id="positions" data-live-region>
            <h2 id="positions-h">{m.positions}</h2>
            <p class="muted">{m.positionsIntro}</p>
            {record.positions.length === 0 ? (
              <p>{m.noPositions}</p>
            ) : (
              <PositionsTable ctx={ctx} process={process} rows={record.positions} people={record.people} caption={m.positions} />
            )}
            <p>
              <a href={href(ctx, `${base}/positions`)}>{m.allPositions}</a>
            </p>
          </section>
        ) : null}
        {p.status !== 'drafting' ? (
          <DissentRecord
            ctx={ctx}
            process={process}
            proposalId={p.id}
            objections={record.objections}
            people={record.people}
            canChair={data.isChair}
            open={open}
            myParticipantId={data.participantId}
          />
        ) : null}
        {p.status === 'call' || isSettled(p.status) || record.assessments.length > 0 ? (
          <Assessments
            ctx={ctx}
            process={process}
            proposalId={p.id}
            assessments={record.assessments}
            responses={record.responses}
            people={record.people}
            canRespond={data.can.respond}
            canAssess={false}
            values={{ response: data.values.response }}
            errors={errorsFor('response')}
          />
        ) : null}
        {p.status === 'call' || isSettled(p.status) || record.minorityStatements.length > 0 ? (
          <MinorityStatements
            ctx={ctx}
            process={process}
            proposalId={p.id}
            statements={record.minorityStatements}
            people={record.people}
            canAttach={data.can['minority-statement']}
            myParticipantId={data.participantId}
            values={{ statement: data.values.statement }}
            errors={errorsFor('statement')}
          />
        ) : null}
        <DecisionsTaken ctx={ctx} process={process} decisions={record.decisions} />
        {isSettled(p.status) || record.information.length > 0 ? (
          <NewInformationSection
            ctx={ctx}
            process={process}
            proposalId={p.id}
            items={record.information}
            people={record.people}
            canFile={data.can['file-information']}
            canAnswer={data.isChair}
          />
        ) : null}
        <RecordMeetings ctx={ctx} process={process} meetings={data.meetings} />
        <ProposalHistory ctx={ctx} process={process} transitions={record.transitions} places={data.places} />
      </div>
    </Layout>
  );
}
