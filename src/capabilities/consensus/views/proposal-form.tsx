import type { Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Input, LocalizedInputs, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, plain } from '../../../platform/views/text.tsx';
import type { Body } from '../../groups/index.ts';
import { processMessages, type Process } from '../../processes/index.ts';
import type { ProposalKind } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';

export type ProposalFormValues = { kind: ProposalKind; title: Localized; text: Localized; proposedCharter: Localized; linkUrl: string; linkLabel: string };

/** Drafting a proposal (or editing the draft): bilingual title and text, and for a change of scope the whole new charter. */
export function ProposalFormPage(props: {
  ctx: PageCtx;
  process: Process;
  body: Body;
  values: ProposalFormValues;
  errors?: Record<string, AnyFieldError> | null;
  action: string;
  editing?: boolean;
}) {
  const { ctx, process, body, values, errors } = props;
  const m = consensusMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const scope = values.kind === 'scope';
  const title = props.editing ? m.editProposalTitle : scope ? m.newScopeTitle : m.newProposalTitle;
  const lang = (l: 'en' | 'fr') => pm.languageName[l];
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, `/p/${process.slug}/bodies/${body.slug}`), label: plain(body.name, ctx.locale) },
      ]}
    >
      <h1>{title}</h1>
      <p class="lede">{m.draftHint}</p>
      <ErrorSummary
        locale={ctx.locale}
        errors={errors}
        labels={{
          title_en: `${m.title} (${lang('en')})`,
          title_fr: `${m.title} (${lang('fr')})`,
          text_en: `${m.text} (${lang('en')})`,
          text_fr: `${m.text} (${lang('fr')})`,
          proposedCharter_en: `${m.proposedCharter} (${lang('en')})`,
          proposedCharter_fr: `${m.proposedCharter} (${lang('fr')})`,
          linkUrl: m.linkUrl,
          linkLabel: m.linkLabel,
        }}
      />
      <form method="post" action={props.action} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <input type="hidden" name="kind" value={values.kind} />
        <LocalizedInputs locale={ctx.locale} name="title" label={m.title} value={values.title} errors={errors} maxlength={300} />
        <LocalizedInputs
          locale={ctx.locale}
          name="text"
          label={m.text}
          hint={scope ? m.scopeTextHint : m.textHint}
          value={values.text}
          errors={errors}
          multiline
          rows={8}
          maxlength={40000}
        />
        {scope ? (
          <>
            <section aria-labelledby="charter-now-h" class="panel">
              <h2 id="charter-now-h">{m.currentCharter}</h2>
              <Paragraphs value={body.charter} locale={ctx.locale} />
            </section>
            <LocalizedInputs
              locale={ctx.locale}
              name="proposedCharter"
              label={m.proposedCharter}
              hint={m.proposedCharterHint}
              value={values.proposedCharter}
              errors={errors}
              multiline
              rows={6}
              maxlength={20000}
            />
          </>
        ) : null}
        <fieldset>
          <legend>{m.link}</legend>
          <Input locale={ctx.locale} name="linkUrl" label={m.linkUrl} type="url" value={values.linkUrl} maxlength={2000} error={errors?.linkUrl} inputmode="url" />
          <Input locale={ctx.locale} name="linkLabel" label={m.linkLabel} value={values.linkLabel} maxlength={300} error={errors?.linkLabel} />
        </fieldset>
        <button type="submit">{m.saveDraft}</button>
      </form>
    </Layout>
  );
}
