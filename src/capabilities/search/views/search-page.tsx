import type { Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T } from '../../../platform/views/text.tsx';
import { platformMessages } from '../../../platform/messages/index.ts';
import type { SearchHit, SearchResults } from '../db/entries.ts';
import { PAGE_SIZE, QUERY_MAX, SEARCH_TYPES, snippetParts, type QueryProblem, type SearchRequest } from '../domain/query.ts';
import { searchMessages } from '../messages/index.ts';

export type SearchPageData = {
  process: { slug: string; title: Localized };
  request: SearchRequest;
  problem: QueryProblem | null;
  results: SearchResults | null;
  bodies: Array<{ id: number; slug: string; name: Localized }>;
};

function Snippet(props: { hit: SearchHit }) {
  return (
    <p class="snippet" lang={props.hit.snippetLang}>
      {snippetParts(props.hit.snippet).map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}
    </p>
  );
}

export function SearchPage(props: { ctx: PageCtx; data: SearchPageData }) {
  const { ctx, data } = props;
  const m = searchMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const { request: r, results } = data;
  const base = `/p/${data.process.slug}/search`;
  const bodyName = new Map(data.bodies.map((b) => [b.id, b.name]));
  const pageHref = (page: number) => {
    const qs = new URLSearchParams({ q: r.text });
    if (r.type) qs.set('type', r.type);
    if (r.body) qs.set('body', r.body);
    if (page > 1) qs.set('page', String(page));
    return href(ctx, `${base}?${qs.toString()}`);
  };
  const error = data.problem === 'too-long' ? m.tooLong(QUERY_MAX) : null;
  const title = results ? m.results(results.total, r.text, results.capped) : m.searchTitle;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: href(ctx, '/'), label: pm.processes },
        { href: href(ctx, `/p/${data.process.slug}`), label: plain(data.process.title, ctx.locale) },
      ]}
    >
      <h1>{m.searchTitle}</h1>
      <form method="get" action={href(ctx, base)} role="search" class="stack search-form" aria-label={m.search}>
        <div class={`field${error ? ' has-error' : ''}`}>
          <label for="q">{m.searchLabel}</label>
          <p class="hint" id="q-hint">
            {m.searchHint}
          </p>
          {error ? (
            <p class="error" id="q-error">
              {error}
            </p>
          ) : null}
          <input
            type="search"
            id="q"
            name="q"
            value={r.text}
            maxlength={QUERY_MAX}
            aria-describedby={error ? 'q-hint q-error' : 'q-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <div class="search-filters">
          <div class="field">
            <label for="type">{m.typeLabel}</label>
            <select id="type" name="type">
              <option value="">{m.anyType}</option>
              {SEARCH_TYPES.map((t) => (
                <option value={t} selected={r.type === t}>
                  {m.types[t]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="body">{m.bodyLabel}</label>
            <select id="body" name="body">
              <option value="">{m.anyBody}</option>
              {data.bodies.map((b) => (
                <option value={b.slug} selected={r.body === b.slug}>
                  {plain(b.name, ctx.locale)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit">{m.submit}</button>
      </form>
      {data.problem === 'empty' && r.text !== '' ? <p class="notice">{m.empty}</p> : null}
      {results ? (
        <section aria-labelledby="results-h">
          <h2 id="results-h">{title}</h2>
          {results.total === 0 ? <p>{m.noResultsHint}</p> : null}
          <ol class="results plain" start={(r.page - 1) * PAGE_SIZE + 1}>
            {results.hits.map((h) => (
              <li>
                <p class="muted">
                  {m.typeOne[h.type] ?? h.type}
                  {h.bodyId && bodyName.has(h.bodyId) ? (
                    <>
                      {' · '}
                      <T value={bodyName.get(h.bodyId)} locale={ctx.locale} />
                    </>
                  ) : null}
                </p>
                <h3>
                  <a href={href(ctx, h.path)}>
                    <T value={h.title} locale={ctx.locale} />
                  </a>
                </h3>
                {h.snippet ? <Snippet hit={h} /> : null}
                {h.snippetLang !== ctx.locale ? <p class="muted">{m.inOtherLanguage}</p> : null}
              </li>
            ))}
          </ol>
          {r.page > 1 || results.total > r.page * PAGE_SIZE ? (
            <nav aria-label={m.resultsNav} class="actions">
              {r.page > 1 ? <a href={pageHref(r.page - 1)}>{m.previous}</a> : null}
              <span>{m.pageOf(r.page)}</span>
              {results.total > r.page * PAGE_SIZE ? <a href={pageHref(r.page + 1)}>{m.next}</a> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
