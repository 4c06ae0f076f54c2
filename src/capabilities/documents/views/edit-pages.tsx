import type { Locale, Localized } from '../../../kernel/localized.ts';
import { formatNumber } from '../../../kernel/i18n.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Input, LocalizedInputs, Radios, Select, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { processMessages } from '../../processes/index.ts';
import { DOCUMENT_TYPES, MAX_CHARS_PER_LANGUAGE, TITLE_MAX } from '../domain/document.ts';
import { documentMessages } from '../messages/index.ts';
import { documentCrumbs } from './document-page.tsx';
import { docHref } from './document-text.tsx';
import { languageLabel } from './labels.tsx';
import type { DocumentView } from './model.ts';

export type NewDocumentValues = { body: string; type: string; title: Localized; slug: string; lang: Locale; markdown: string };

function MarkdownHelp(props: { locale: Locale }) {
  const m = documentMessages(props.locale);
  return <p class="hint">{m.markdownHint}</p>;
}

export function NewDocumentPage(props: {
  ctx: PageCtx;
  process: { slug: string; title: Localized };
  bodies: Array<{ slug: string; name: Localized }>;
  values: NewDocumentValues;
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, values } = props;
  const m = documentMessages(ctx.locale);
  const pm = processMessages(ctx.locale);
  const base = `/p/${process.slug}/documents`;
  return (
    <Layout
      ctx={ctx}
      title={m.newDocument}
      crumbs={[
        { href: href(ctx, '/'), label: pm.homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, base), label: m.documents },
      ]}
    >
      <h1>{m.newDocument}</h1>
      <p class="lede">{m.newDocumentIntro}</p>
      {props.bodies.length === 0 ? (
        <p class="notice">{m.noBodyToDraftIn}</p>
      ) : (
        <>
          <ErrorSummary
            locale={ctx.locale}
            errors={props.errors}
            labels={{ body: m.body, type: m.type, title_en: m.title, title_fr: m.title, slug: m.slug, lang: m.draftingLanguage, markdown: m.firstText }}
          />
          <form method="post" action={href(ctx, `${base}/new`)} class="stack" enctype="multipart/form-data" novalidate>
            <CsrfField value={ctx.csrf} />
            <Select
              locale={ctx.locale}
              name="body"
              label={m.body}
              required
              value={values.body}
              options={props.bodies.map((b) => ({ value: b.slug, label: plain(b.name, ctx.locale) }))}
              error={props.errors?.body}
            />
            <Select
              locale={ctx.locale}
              name="type"
              label={m.type}
              required
              value={values.type}
              options={DOCUMENT_TYPES.map((t) => ({ value: t, label: m.types[t]! }))}
              error={props.errors?.type}
            />
            <LocalizedInputs locale={ctx.locale} name="title" label={m.title} hint={m.titleHint} value={values.title} errors={props.errors} maxlength={TITLE_MAX} />
            <Input locale={ctx.locale} name="slug" label={m.slug} hint={m.slugHint} value={values.slug} error={props.errors?.slug} maxlength={60} />
            <Radios
              locale={ctx.locale}
              name="lang"
              label={m.draftingLanguage}
              required
              value={values.lang}
              options={(['en', 'fr'] as const).map((l) => ({ value: l, label: languageLabel(ctx.locale, l) }))}
              error={props.errors?.lang}
            />
            <TextArea locale={ctx.locale} name="markdown" label={m.firstText} hint={m.firstTextHint} value={values.markdown} rows={14} error={props.errors?.markdown} />
            <MarkdownHelp locale={ctx.locale} />
            <button type="submit">{m.create}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

export type EditValues = { lang: Locale; title: Localized; type: string; markdown: string; note: string; baseVersion: number };

export function EditDocumentPage(props: { ctx: PageCtx; view: DocumentView; values: EditValues; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, view, values } = props;
  const m = documentMessages(ctx.locale);
  const l = values.lang;
  const other = view.official.find((x) => x !== l);
  return (
    <Layout ctx={ctx} title={`${m.editTitle(l)} · ${plain(view.doc.title, ctx.locale)}`} crumbs={documentCrumbs(ctx, view, true)}>
      <h1>{m.editTitle(l)}</h1>
      <p class="lede">{m.editIntro}</p>
      {other ? (
        <p>
          <a href={docHref(ctx, view, `/edit?lang=${other}`)}>{m.editOther(other)}</a> · <a href={docHref(ctx, view, '/translate')}>{m.sideBySide}</a>
        </p>
      ) : null}
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ title_en: m.title, title_fr: m.title, type: m.type, markdown: m.markdown(l), note: m.note, _form: '' }} />
      <form method="post" action={docHref(ctx, view, '/edit')} class="stack wide-form" enctype="multipart/form-data" novalidate>
        <CsrfField value={ctx.csrf} />
        <input type="hidden" name="lang" value={l} />
        <input type="hidden" name="baseVersion" value={String(values.baseVersion)} />
        <LocalizedInputs locale={ctx.locale} name="title" label={m.title} hint={m.titleHint} value={values.title} errors={props.errors} maxlength={TITLE_MAX} />
        <Select
          locale={ctx.locale}
          name="type"
          label={m.type}
          required
          value={values.type}
          options={DOCUMENT_TYPES.map((t) => ({ value: t, label: m.types[t]! }))}
          error={props.errors?.type}
        />
        <p class="warning">{m.removalWarning}</p>
        <TextArea
          locale={ctx.locale}
          name="markdown"
          label={m.markdown(l)}
          hint={`${m.markdownHint} (${formatNumber(ctx.locale, MAX_CHARS_PER_LANGUAGE)})`}
          value={values.markdown}
          rows={24}
          lang={l}
          required
          error={props.errors?.markdown}
        />
        <Input locale={ctx.locale} name="note" label={m.note} hint={m.noteHint} value={values.note} maxlength={300} error={props.errors?.note} />
        <button type="submit">{m.save}</button>
      </form>
    </Layout>
  );
}
