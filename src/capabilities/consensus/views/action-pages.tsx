import type { Localized } from '../../../kernel/localized.ts';
import { CsrfField, Input, LocalizedInputs, Radios, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs } from '../../../platform/views/text.tsx';
import type { Process } from '../../processes/index.ts';
import { LEVELS } from '../domain/assessments.ts';
import type { Evaluation } from '../domain/criteria.ts';
import type { Objection } from '../domain/objections.ts';
import type { Proposal } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { CriteriaPanel } from './criteria.tsx';
import { FormFrame, langLabels } from './form-frame.tsx';
import { decisionPath } from './parts.tsx';

// The chair's form pages: opening the call, recording a discussion, assessing.

export type CallValues = { where: string; meetingLabel: string; meetingUrl: string; endsDate: string; endsTime: string };

export function CallPage(props: { ctx: PageCtx; process: Process; proposal: Proposal; values: CallValues; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, process, values, errors } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <FormFrame
      ctx={ctx}
      process={process}
      proposal={props.proposal}
      title={m.callTitle}
      errors={errors}
      labels={{ where: m.callWhere, meetingLabel: m.meetingLabel, meetingUrl: m.meetingUrl, endsDate: m.meetingEndsDate, endsTime: m.meetingEndsTime }}
    >
      <p>{m.callIntro}</p>
      <form method="post" action={href(ctx, `${decisionPath(process, props.proposal.id)}/call`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <Radios
          locale={ctx.locale}
          name="where"
          label={m.callWhere}
          required
          value={values.where}
          options={[
            { value: 'online', label: m.callOnline },
            { value: 'meeting', label: m.callInMeeting },
          ]}
          error={errors?.where}
        />
        <fieldset data-show-when="where=meeting">
          <legend>{m.callInMeeting}</legend>
          <Input locale={ctx.locale} name="meetingLabel" label={m.meetingLabel} value={values.meetingLabel} maxlength={300} error={errors?.meetingLabel} />
          <Input locale={ctx.locale} name="meetingUrl" label={m.meetingUrl} type="url" value={values.meetingUrl} maxlength={2000} error={errors?.meetingUrl} />
          <Input
            locale={ctx.locale}
            name="endsDate"
            label={m.meetingEndsDate}
            type="date"
            value={values.endsDate}
            hint={m.meetingEndsHint(process.timeZone)}
            error={errors?.endsDate}
          />
          <Input locale={ctx.locale} name="endsTime" label={m.meetingEndsTime} type="time" value={values.endsTime} error={errors?.endsTime} />
        </fieldset>
        <button type="submit">{m.openCall}</button>
      </form>
    </FormFrame>
  );
}

export type DiscussionValues = { meeting: string; kind: string; label: string; url: string; resolution: string; reasoning: Localized };
/** A meeting of the body (or one of its agenda items) the chair can pick as the place. */
export type MeetingChoice = { value: string; label: string };

export function DiscussionPage(props: {
  ctx: PageCtx;
  process: Process;
  proposal: Proposal;
  objection: Objection;
  authorName: string;
  meetings: MeetingChoice[];
  values: DiscussionValues;
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, values, errors } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <FormFrame
      ctx={ctx}
      process={process}
      proposal={props.proposal}
      title={m.discussionTitle}
      errors={errors}
      labels={{ meeting: m.whereMeeting, kind: m.whereKind, label: m.whereLabel, url: m.whereUrl, resolution: m.resolutionLegend, ...langLabels(ctx, 'reasoning', m.reasoning) }}
    >
      <p>{m.discussionIntro}</p>
      <blockquote>
        <p>
          <strong>{props.authorName}</strong>
        </p>
        <Paragraphs value={props.objection.text} locale={ctx.locale} />
      </blockquote>
      <form method="post" action={href(ctx, `${decisionPath(process, props.proposal.id)}/objections/${props.objection.id}/discussion`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        {props.meetings.length ? (
          <Select
            locale={ctx.locale}
            name="meeting"
            label={m.whereMeeting}
            hint={m.whereMeetingHint}
            value={values.meeting}
            options={[{ value: '', label: m.whereElsewhere }, ...props.meetings]}
            error={errors?.meeting}
          />
        ) : null}
        <Radios
          locale={ctx.locale}
          name="kind"
          label={m.whereKind}
          required
          value={values.kind}
          options={(['meeting', 'thread', 'other'] as const).map((k) => ({ value: k, label: m.whereKinds[k]! }))}
          error={errors?.kind}
        />
        <Input locale={ctx.locale} name="label" label={m.whereLabel} required value={values.label} maxlength={300} error={errors?.label} />
        <Input locale={ctx.locale} name="url" label={m.whereUrl} type="url" value={values.url} maxlength={2000} error={errors?.url} />
        <Radios
          locale={ctx.locale}
          name="resolution"
          label={m.resolutionLegend}
          required
          value={values.resolution}
          options={(['accommodated', 'not-accommodated'] as const).map((r) => ({ value: r, label: m.resolution[r]! }))}
          error={errors?.resolution}
        />
        <LocalizedInputs
          locale={ctx.locale}
          name="reasoning"
          label={m.reasoning}
          hint={m.reasoningHint}
          value={values.reasoning}
          errors={errors}
          multiline
          rows={4}
          maxlength={8000}
          requiredLanguages={process.officialLanguages}
        />
        <button type="submit">{m.recordDiscussion}</button>
      </form>
    </FormFrame>
  );
}

export type AssessValues = { level: string; direction: string; text: Localized };

export function AssessPage(props: {
  ctx: PageCtx;
  process: Process;
  proposal: Proposal;
  evaluation: Evaluation;
  revising: boolean;
  values: AssessValues;
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, values, errors } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <FormFrame
      ctx={ctx}
      process={process}
      proposal={props.proposal}
      title={props.revising ? m.revise : m.assessTitle}
      errors={errors}
      labels={{ level: m.levelLegend, direction: m.directionLegend, ...langLabels(ctx, 'text', m.assessmentText) }}
    >
      <p>{m.assessmentsIntro}</p>
      <div class="panel">
        <CriteriaPanel locale={ctx.locale} process={process} evaluation={props.evaluation} at="now" />
      </div>
      <form method="post" action={href(ctx, `${decisionPath(process, props.proposal.id)}/assess`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <Radios
          locale={ctx.locale}
          name="level"
          label={m.levelLegend}
          required
          value={values.level}
          options={LEVELS.map((l) => ({ value: l, label: m.level[l]!, hint: m.levelHint[l] }))}
          error={errors?.level}
        />
        <Radios
          locale={ctx.locale}
          name="direction"
          label={m.directionLegend}
          required
          value={values.direction}
          options={(['for', 'against'] as const).map((d) => ({ value: d, label: m.direction[d]! }))}
          error={errors?.direction}
        />
        <LocalizedInputs
          locale={ctx.locale}
          name="text"
          label={m.assessmentText}
          hint={m.assessmentTextHint}
          value={values.text}
          errors={errors}
          multiline
          rows={5}
          maxlength={8000}
          requiredLanguages={process.officialLanguages}
        />
        <button type="submit">{m.assess}</button>
      </form>
    </FormFrame>
  );
}
