import type { Locale, Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Checkbox, CsrfField, ErrorSummary, Input, LocalizedInputs, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import type { Process } from '../domain/process.ts';
import { processMessages } from '../messages/index.ts';

export type ProcessFormValues = {
  slug?: string;
  title: Localized;
  summary: Localized;
  scope: Localized;
  convenerName: Localized;
  officialLanguages: Locale[];
  timeZone: string;
};

type Errors = Record<string, AnyFieldError> | null | undefined;

function ProcessFields(props: { ctx: PageCtx; values: ProcessFormValues; errors: Errors; creating: boolean }) {
  const { ctx, values, errors } = props;
  const m = processMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const required = values.officialLanguages;
  return (
    <>
      {props.creating ? <Input locale={ctx.locale} name="slug" label={m.slug} hint={m.slugHint} value={values.slug} required maxlength={60} error={errors?.slug} /> : null}
      <fieldset class="field" id="f-officialLanguages">
        <legend>{m.officialLanguages}</legend>
        {errors?.officialLanguages ? <p class="error">{'message' in errors.officialLanguages ? errors.officialLanguages.message : ''}</p> : null}
        {(['en', 'fr'] as const).map((l) => (
          <Checkbox locale={ctx.locale} name={`lang_${l}`} label={pm.languageName[l]} checked={values.officialLanguages.includes(l)} />
        ))}
      </fieldset>
      <LocalizedInputs locale={ctx.locale} name="title" label={m.title} value={values.title} errors={errors} maxlength={200} requiredLanguages={required} />
      <LocalizedInputs
        locale={ctx.locale}
        name="summary"
        label={m.summary}
        hint={m.summaryHint}
        value={values.summary}
        errors={errors}
        multiline
        rows={3}
        maxlength={1000}
        requiredLanguages={required}
      />
      <LocalizedInputs
        locale={ctx.locale}
        name="scope"
        label={m.scope}
        hint={m.scopeHint}
        value={values.scope}
        errors={errors}
        multiline
        rows={6}
        maxlength={10000}
        requiredLanguages={required}
      />
      <LocalizedInputs locale={ctx.locale} name="convenerName" label={m.convenerName} value={values.convenerName} errors={errors} maxlength={200} requiredLanguages={required} />
      <Input locale={ctx.locale} name="timeZone" label={m.timeZone} hint={m.timeZoneHint} value={values.timeZone} required maxlength={60} error={errors?.timeZone} />
    </>
  );
}

export function errorLabels(ctx: PageCtx): Record<string, string> {
  const m = processMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const labels: Record<string, string> = { slug: m.slug, timeZone: m.timeZone, officialLanguages: m.officialLanguages };
  for (const [f, label] of Object.entries({ title: m.title, summary: m.summary, scope: m.scope, convenerName: m.convenerName })) {
    labels[`${f}_en`] = `${label} (${pm.languageName.en})`;
    labels[`${f}_fr`] = `${label} (${pm.languageName.fr})`;
  }
  return labels;
}

export function NewProcessPage(props: { ctx: PageCtx; values: ProcessFormValues; errors?: Errors }) {
  const { ctx } = props;
  const m = processMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.newProcessTitle} crumbs={[{ href: href(ctx, '/'), label: m.homeTitle }]}>
      <h1>{m.newProcessTitle}</h1>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={errorLabels(ctx)} />
      <form method="post" action={href(ctx, '/processes/new')} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <ProcessFields ctx={ctx} values={props.values} errors={props.errors} creating />
        <button type="submit">{m.create}</button>
      </form>
    </Layout>
  );
}

export function EditProcessPage(props: { ctx: PageCtx; process: Process; values: ProcessFormValues; errors?: Errors }) {
  const { ctx, process } = props;
  const m = processMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  return (
    <Layout
      ctx={ctx}
      title={m.editProcess}
      crumbs={[
        { href: href(ctx, '/'), label: m.homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.editProcess}</h1>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={errorLabels(ctx)} />
      <form method="post" action={href(ctx, `${base}/edit`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <ProcessFields ctx={ctx} values={props.values} errors={props.errors} creating={false} />
        <button type="submit">{platformMessages(ctx.locale).save}</button>
      </form>
    </Layout>
  );
}

export type SettingsValues = { categories: string; bodyTypes: string; quietHours: string; almostNonePercent: string; almostNoneMax: string };

export function settingsValues(p: Process): SettingsValues {
  const lines = (list: Array<{ key: string; label: Localized }>) => list.map((x) => `${x.key} | ${x.label.en ?? ''} | ${x.label.fr ?? ''}`).join('\n');
  return {
    categories: lines(p.stakeholderCategories),
    bodyTypes: lines(p.bodyTypes),
    quietHours: String(p.consensusSettings.quietPeriodHours),
    almostNonePercent: String(p.consensusSettings.almostNonePercent),
    almostNoneMax: String(p.consensusSettings.almostNoneMax),
  };
}

export function SettingsPage(props: { ctx: PageCtx; process: Process; values: SettingsValues; errors?: Errors }) {
  const { ctx, process, values, errors } = props;
  const m = processMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  return (
    <Layout
      ctx={ctx}
      title={m.settingsTitle}
      crumbs={[
        { href: href(ctx, '/'), label: m.homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.settingsTitle}</h1>
      <ErrorSummary
        locale={ctx.locale}
        errors={errors}
        labels={{ categories: m.categories, bodyTypes: m.bodyTypes, quietHours: m.quietHours, almostNonePercent: m.almostNonePercent, almostNoneMax: m.almostNoneMax }}
      />
      <form method="post" action={href(ctx, `${base}/settings`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <TextArea
          locale={ctx.locale}
          name="categories"
          label={m.categories}
          hint={m.categoriesHint}
          value={values.categories}
          rows={8}
          required
          error={errors?.categories}
          maxlength={5000}
        />
        <TextArea
          locale={ctx.locale}
          name="bodyTypes"
          label={m.bodyTypes}
          hint={m.bodyTypesHint}
          value={values.bodyTypes}
          rows={5}
          required
          error={errors?.bodyTypes}
          maxlength={5000}
        />
        <Input locale={ctx.locale} name="quietHours" label={m.quietHours} value={values.quietHours} inputmode="numeric" required error={errors?.quietHours} size={6} />
        <Input
          locale={ctx.locale}
          name="almostNonePercent"
          label={m.almostNonePercent}
          value={values.almostNonePercent}
          inputmode="numeric"
          required
          error={errors?.almostNonePercent}
          size={6}
        />
        <Input locale={ctx.locale} name="almostNoneMax" label={m.almostNoneMax} value={values.almostNoneMax} inputmode="numeric" required error={errors?.almostNoneMax} size={6} />
        <button type="submit">{platformMessages(ctx.locale).save}</button>
      </form>
    </Layout>
  );
}
