import type { Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, Input, LocalizedInputs, Radios, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { langOf, Paragraphs, plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import { groupMessages } from '../messages/index.ts';

export type BodyFormValues = { slug: string; typeKey: string; name: Localized; charter: Localized; membershipPolicy: string };

export function BodyFormPage(props: {
  ctx: PageCtx;
  process: Process;
  values: BodyFormValues;
  errors?: Record<string, AnyFieldError> | null;
  editingSlug?: string;
  charterLocked?: boolean;
}) {
  const { ctx, process, values, errors } = props;
  const m = groupMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const editing = props.editingSlug !== undefined;
  const title = editing ? m.editBodyTitle : m.newBodyTitle;
  const action = editing ? `/p/${process.slug}/bodies/${props.editingSlug}/edit` : `/p/${process.slug}/bodies/new`;
  const required = process.status === 'published' ? process.officialLanguages : [];
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: process.title },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary
        locale={ctx.locale}
        errors={errors}
        labels={{
          typeKey: m.type,
          slug: m.slug,
          membershipPolicy: m.policy,
          name_en: `${m.name} (${pm.languageName.en})`,
          name_fr: `${m.name} (${pm.languageName.fr})`,
          charter_en: `${m.charter} (${pm.languageName.en})`,
          charter_fr: `${m.charter} (${pm.languageName.fr})`,
        }}
      />
      <form method="post" action={href(ctx, action)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <Select
          locale={ctx.locale}
          name="typeKey"
          label={m.type}
          value={values.typeKey}
          required
          options={process.bodyTypes.map((t) => ({ value: t.key, label: plain(t.label, ctx.locale), lang: langOf(t.label, ctx.locale) }))}
          error={errors?.typeKey}
        />
        <LocalizedInputs locale={ctx.locale} name="name" label={m.name} value={values.name} errors={errors} maxlength={200} requiredLanguages={required} />
        {editing ? null : <Input locale={ctx.locale} name="slug" label={m.slug} hint={m.slugHint} value={values.slug} maxlength={60} error={errors?.slug} />}
        {props.charterLocked ? (
          <fieldset class="localized" id={fieldId('charter_en')} tabindex={-1}>
            <legend>{m.charter}</legend>
            <p class="hint">{m.charterLocked}</p>
            {errors?.charter_en ? <p class="error">{'message' in errors.charter_en ? errors.charter_en.message : ''}</p> : null}
            <Paragraphs value={values.charter} locale={ctx.locale} />
            <input type="hidden" name="charter_en" value={values.charter.en ?? ''} />
            <input type="hidden" name="charter_fr" value={values.charter.fr ?? ''} />
          </fieldset>
        ) : (
          <LocalizedInputs
            locale={ctx.locale}
            name="charter"
            label={m.charter}
            hint={m.charterHint}
            value={values.charter}
            errors={errors}
            multiline
            rows={6}
            maxlength={20000}
            requiredLanguages={required}
          />
        )}
        <Radios
          locale={ctx.locale}
          name="membershipPolicy"
          label={m.policy}
          value={values.membershipPolicy}
          required
          options={[
            { value: 'open', label: m.policyOpen },
            { value: 'self-select', label: m.policySelf },
            { value: 'appointed', label: m.policyAppointed },
          ]}
          error={errors?.membershipPolicy}
        />
        <button type="submit">{editing ? m.save : m.create}</button>
      </form>
    </Layout>
  );
}
