import type { Localized } from '../../../kernel/localized.ts';
import { CsrfField, LocalizedInputs, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs } from '../../../platform/views/text.tsx';
import type { Process } from '../../processes/index.ts';
import type { Proposal } from '../domain/proposal.ts';
import type { NewInformation } from '../domain/reopen.ts';
import { consensusMessages } from '../messages/index.ts';
import { FormFrame, langLabels } from './form-frame.tsx';
import { decisionPath } from './parts.tsx';

// Rule 8's pages: filing new information, and the chair's answer.

export type InformationValues = { whatIsNew: string; whyItMatters: string; links: string };

export function FileInformationPage(props: { ctx: PageCtx; process: Process; proposal: Proposal; values: InformationValues; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, process, values, errors } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <FormFrame
      ctx={ctx}
      process={process}
      proposal={props.proposal}
      title={m.fileInformationTitle}
      errors={errors}
      labels={{ whatIsNew: m.whatIsNew, whyItMatters: m.whyItMatters, links: m.links }}
    >
      <p>{m.newInformationIntro}</p>
      <form method="post" action={href(ctx, `${decisionPath(process, props.proposal.id)}/information/new`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <TextArea
          locale={ctx.locale}
          name="whatIsNew"
          label={m.whatIsNew}
          required
          value={values.whatIsNew}
          rows={5}
          maxlength={8000}
          error={errors?.whatIsNew}
          lang={ctx.locale}
        />
        <TextArea
          locale={ctx.locale}
          name="whyItMatters"
          label={m.whyItMatters}
          required
          value={values.whyItMatters}
          rows={4}
          maxlength={8000}
          error={errors?.whyItMatters}
          lang={ctx.locale}
        />
        <TextArea locale={ctx.locale} name="links" label={m.links} hint={m.linksHint} value={values.links} rows={3} maxlength={4000} error={errors?.links} />
        <button type="submit">{m.fileInformation}</button>
      </form>
    </FormFrame>
  );
}

export function AnswerInformationPage(props: {
  ctx: PageCtx;
  process: Process;
  proposal: Proposal;
  item: NewInformation;
  values: { answer: Localized };
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, item, errors } = props;
  const m = consensusMessages(ctx.locale);
  const action = href(ctx, `${decisionPath(process, props.proposal.id)}/information/${item.id}/answer`);
  return (
    <FormFrame ctx={ctx} process={process} proposal={props.proposal} title={m.answerTitle} errors={errors} labels={langLabels(ctx, 'answer', m.answerReason)}>
      <h2>{m.whatIsNew}</h2>
      <Paragraphs value={item.whatIsNew} locale={ctx.locale} />
      <h2>{m.whyItMatters}</h2>
      <Paragraphs value={item.whyItMatters} locale={ctx.locale} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <LocalizedInputs
          locale={ctx.locale}
          name="answer"
          label={m.answerReason}
          hint={m.answerReasonHint}
          value={props.values.answer}
          errors={errors}
          multiline
          rows={4}
          maxlength={8000}
        />
        <div class="actions">
          <button type="submit" name="decision" value="accept">
            {m.accept}
          </button>
          <button type="submit" name="decision" value="decline" class="secondary">
            {m.decline}
          </button>
        </div>
      </form>
    </FormFrame>
  );
}
