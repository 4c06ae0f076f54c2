import type { Locale, Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, LocalizedInputs, type AnyFieldError } from '../../../platform/views/form.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { TITLE_MAX } from '../domain/document.ts';
import { documentMessages } from '../messages/index.ts';
import { documentCrumbs } from './document-page.tsx';
import { docHref } from './document-text.tsx';
import { languageLabel, languageName, StatusBadge } from './labels.tsx';
import type { DocumentView, ShownBlock } from './model.ts';

export const fieldOf = (anchor: string, lang: Locale) => `t.${anchor}.${lang}`;
export const confirmOf = (anchor: string, lang: Locale) => `c.${anchor}.${lang}`;

export type TranslatePageData = {
  view: DocumentView;
  blocks: ShownBlock[];
  editable: boolean;
  show: 'todo' | 'all';
  page: number;
  pages: number;
  title: Localized;
  /** What the person typed, when the form comes back with an error. */
  values?: Record<string, string>;
  errors?: Record<string, AnyFieldError> | null;
};

function label(view: DocumentView, b: ShownBlock, locale: Locale): string {
  const m = documentMessages(locale);
  if (b.kind === 'heading') return `${m.kinds.heading} ${view.outline.sectionOf.get(b.anchor) ?? ''}`.trim();
  if (b.kind === 'recommendation') return m.recommendation(view.outline.recommendationNumber.get(b.anchor) ?? 0);
  return m.kinds[b.kind]!;
}

/** Both languages passage by passage, each with the state of its translation; editable in the drafting states. */
export function TranslatePage(props: { ctx: PageCtx; data: TranslatePageData }) {
  const { ctx, data } = props;
  const { view } = data;
  const m = documentMessages(ctx.locale);
  const link = (show: string, page = 1) => docHref(ctx, view, `/translate?show=${show}${page > 1 ? `&page=${page}` : ''}`);
  const rows = data.blocks.map((b) => {
    const cells = view.official.map((l) => {
      const status = b.status[l]!;
      const id = fieldId(fieldOf(b.anchor, l));
      const error = data.errors?.[fieldOf(b.anchor, l)];
      const value = data.values?.[fieldOf(b.anchor, l)] ?? b.content[l] ?? '';
      return (
        <div class={`sbs-cell${error ? ' has-error' : ''}`} lang={l}>
          <p class="sbs-head" lang={ctx.locale}>
            {data.editable ? <label for={id}>{languageLabel(ctx.locale, l)}</label> : <span>{languageLabel(ctx.locale, l)}</span>}{' '}
            <StatusBadge status={status} locale={ctx.locale} />
          </p>
          {error ? (
            <p class="error" id={`${id}-error`} lang={ctx.locale}>
              {'message' in error ? error.message : ''}
            </p>
          ) : null}
          {data.editable ? (
            <>
              <textarea
                id={id}
                name={fieldOf(b.anchor, l)}
                rows={b.kind === 'heading' ? 1 : 4}
                aria-describedby={error ? `${id}-error` : undefined}
                aria-invalid={error ? 'true' : undefined}
              >
                {value}
              </textarea>
              {status === 'outdated' ? (
                <div class="choice" lang={ctx.locale}>
                  <input type="checkbox" id={`${id}-ok`} name={confirmOf(b.anchor, l)} value="1" />
                  <label for={`${id}-ok`}>{m.stillMatches}</label>
                </div>
              ) : null}
            </>
          ) : b.html[l] !== undefined ? (
            <div class="sbs-text" dangerouslySetInnerHTML={{ __html: b.html[l]! }} />
          ) : null}
        </div>
      );
    });
    return (
      <div class="sbs-row" id={`row-${b.anchor}`} role="group" aria-labelledby={`row-${b.anchor}-label`}>
        <p class="sbs-label" id={`row-${b.anchor}-label`}>
          <a href={docHref(ctx, view, `#${b.anchor}`)}>{label(view, b, ctx.locale)}</a>
        </p>
        <div class="sbs-cells">{cells}</div>
      </div>
    );
  });
  const nav =
    data.pages > 1 ? (
      <nav class="actions" aria-label={m.pageNav}>
        {data.page > 1 ? <a href={link(data.show, data.page - 1)}>{m.previousPage}</a> : null}
        <span>{m.pageN(data.page, data.pages)}</span>
        {data.page < data.pages ? <a href={link(data.show, data.page + 1)}>{m.nextPage}</a> : null}
      </nav>
    ) : null;
  return (
    <Layout ctx={ctx} title={`${m.translateTitle} · ${plain(view.doc.title, ctx.locale)}`} crumbs={documentCrumbs(ctx, view, true)}>
      <h1>{m.translateTitle}</h1>
      <p class="lede">{m.translateIntro}</p>
      <p class="actions">
        {data.show === 'todo' ? (
          <>
            <strong>{m.showTodo}</strong> <a href={link('all')}>{m.showAll}</a>
          </>
        ) : (
          <>
            <a href={link('todo')}>{m.showTodo}</a> <strong>{m.showAll}</strong>
          </>
        )}
      </p>
      <ErrorSummary
        locale={ctx.locale}
        errors={data.errors}
        labels={{
          title_en: m.title,
          title_fr: m.title,
          ...Object.fromEntries(data.blocks.flatMap((b) => view.official.map((l) => [fieldOf(b.anchor, l), `${label(view, b, ctx.locale)}, ${languageName(ctx.locale, l)}`]))),
        }}
      />
      {data.blocks.length === 0 ? <p class="notice">{data.show === 'todo' ? m.nothingToDo : m.emptyDocument}</p> : null}
      {data.editable ? (
        <form method="post" action={docHref(ctx, view, '/translate')} class="sbs" enctype="multipart/form-data" novalidate>
          <CsrfField value={ctx.csrf} />
          <input type="hidden" name="baseVersion" value={String(view.doc.currentVersion)} />
          <input type="hidden" name="show" value={data.show} />
          <input type="hidden" name="page" value={String(data.page)} />
          <LocalizedInputs locale={ctx.locale} name="title" label={m.title} value={data.title} errors={data.errors} maxlength={TITLE_MAX} />
          {nav}
          {rows}
          {nav}
          <button type="submit">{m.saveTranslations}</button>
        </form>
      ) : (
        <div class="sbs">
          {nav}
          {rows}
          {nav}
        </div>
      )}
    </Layout>
  );
}
