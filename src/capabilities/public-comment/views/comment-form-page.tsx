import type { Locale } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { Checkbox, CsrfField, ErrorSummary, fieldId, Input, Select, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { plain } from '../../../platform/views/text.tsx';
import type { Localized } from '../../../kernel/localized.ts';
import { ATTACHMENT_MAX_BYTES, BODY_MAX, MAX_ATTACHMENTS } from '../domain/submission.ts';
import { intakeMessages } from '../messages/index.ts';
import { PhaseLine, periodCrumbs, periodHref, type Passage, type PeriodView } from './parts.tsx';

export type CommentFormValues = {
  name: string;
  anonymous: boolean;
  organization: string;
  category: string;
  email: string;
  lang: Locale;
  anchor: string;
  body: string;
  signatories: string;
  signatoryNames: string;
  idempotencyKey: string;
};

export function CommentFormPage(props: {
  ctx: PageCtx;
  v: PeriodView;
  passages: Passage[];
  passage: Passage | null;
  categories: { key: string; label: Localized }[];
  values: CommentFormValues;
  errors?: Record<string, AnyFieldError>;
}) {
  const { ctx, v, values, errors } = props;
  const m = intakeMessages(ctx.locale);
  const p = v.period;
  const labels: Record<string, string> = {
    name: m.name,
    anonymous: m.anonymousLabel,
    organization: m.organization,
    category: m.category,
    email: m.email,
    lang: m.lang,
    anchor: m.paragraph,
    body: m.body,
    signatories: m.signatoriesLabel,
    signatory_names: m.signatoryNames,
    attachments: m.attachmentsLabel,
  };
  const title = props.passage ? m.commentOnParagraph : m.formTitle;
  const langName = (l: Locale) => m.languageAdjective[l].replace(/^./, (x) => x.toUpperCase());
  return (
    <Layout ctx={ctx} title={`${title} · ${plain(v.doc.title, ctx.locale)}`} crumbs={periodCrumbs(ctx, v)}>
      <h1>{title}</h1>
      <PhaseLine ctx={ctx} v={v} />
      {props.passage ? (
        <blockquote class="quote" lang={props.passage.text[ctx.locale] !== undefined ? undefined : Object.keys(props.passage.text)[0]}>
          <p>{plain(props.passage.text, ctx.locale)}</p>
        </blockquote>
      ) : null}
      <p>{m.formIntro}</p>
      <p>
        <a href={periodHref(ctx, v, '/policy')}>{m.moderationPolicy}</a>
      </p>
      <ErrorSummary locale={ctx.locale} errors={errors} labels={labels} />
      <form method="post" action={periodHref(ctx, v, '/comment')} enctype="multipart/form-data">
        <CsrfField value={ctx.csrf} />
        <input type="hidden" name="idempotency_key" value={values.idempotencyKey} />
        <Input locale={ctx.locale} name="name" label={m.name} required={!p.allowAnonymous} value={values.name} error={errors?.name} autocomplete="name" maxlength={200} />
        {p.allowAnonymous ? <Checkbox locale={ctx.locale} name="anonymous" label={m.anonymousLabel} checked={values.anonymous} error={errors?.anonymous} /> : null}
        <Input
          locale={ctx.locale}
          name="organization"
          label={m.organization}
          hint={m.organizationHint}
          value={values.organization}
          error={errors?.organization}
          autocomplete="organization"
          maxlength={200}
        />
        <Select
          locale={ctx.locale}
          name="category"
          label={m.category}
          hint={m.categoryHint}
          required
          value={values.category}
          error={errors?.category}
          options={[{ value: '', label: '—' }, ...props.categories.map((c) => ({ value: c.key, label: plain(c.label, ctx.locale) }))]}
        />
        <Input
          locale={ctx.locale}
          name="email"
          type="email"
          label={m.email}
          hint={p.requireVerifiedEmail ? m.emailHint : m.emailHintOptional}
          required={p.requireVerifiedEmail}
          value={values.email}
          error={errors?.email}
          autocomplete="email"
          maxlength={254}
        />
        <Select
          locale={ctx.locale}
          name="lang"
          label={m.lang}
          required
          value={values.lang}
          error={errors?.lang}
          options={(['en', 'fr'] as const).map((l) => ({ value: l, label: langName(l), lang: l }))}
        />
        {props.passage ? (
          <input type="hidden" name="anchor" value={props.passage.anchor} />
        ) : (
          <Select
            locale={ctx.locale}
            name="anchor"
            label={m.paragraph}
            value={values.anchor}
            error={errors?.anchor}
            options={[{ value: '', label: m.wholeDocument }, ...props.passages.map((x) => ({ value: x.anchor, label: `${x.anchor}: ${plain(x.text, ctx.locale).slice(0, 70)}` }))]}
          />
        )}
        <TextArea locale={ctx.locale} name="body" label={m.body} required rows={10} value={values.body} error={errors?.body} maxlength={BODY_MAX} lang={values.lang} />
        <Input
          locale={ctx.locale}
          name="signatories"
          type="number"
          inputmode="numeric"
          label={m.signatoriesLabel}
          hint={m.signatoriesHint}
          required
          value={values.signatories}
          error={errors?.signatories}
          size={8}
        />
        <TextArea
          locale={ctx.locale}
          name="signatory_names"
          label={m.signatoryNames}
          hint={m.signatoryNamesHint}
          value={values.signatoryNames}
          error={errors?.signatory_names}
          rows={4}
        />
        <div class={`field${errors?.attachments ? ' has-error' : ''}`}>
          <label for={fieldId('attachments')}>{m.attachmentsLabel}</label>
          <p class="hint" id={`${fieldId('attachments')}-hint`}>
            {m.attachmentsHint(MAX_ATTACHMENTS, ATTACHMENT_MAX_BYTES)}
          </p>
          {errors?.attachments && 'message' in errors.attachments ? (
            <p class="error" id={`${fieldId('attachments')}-error`}>
              {errors.attachments.message}
            </p>
          ) : null}
          <input
            type="file"
            id={fieldId('attachments')}
            name="attachments"
            multiple
            accept="application/pdf,.pdf"
            aria-describedby={`${fieldId('attachments')}-hint${errors?.attachments ? ` ${fieldId('attachments')}-error` : ''}`}
          />
        </div>
        {/* A field people never see (nor hear): only robots fill it in. */}
        <div hidden>
          <label for="f-website">{m.honeypot}</label>
          <input type="text" id="f-website" name="website" value="" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit">{m.submit}</button>
      </form>
    </Layout>
  );
}
