import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import type { DiffRow } from '../domain/diff.ts';
import { documentMessages } from '../messages/index.ts';
import { documentCrumbs } from './document-page.tsx';
import { docHref } from './document-text.tsx';
import type { DocumentView } from './model.ts';
import { CompareForm } from './versions-page.tsx';

function Words(props: { row: DiffRow; locale: 'en' | 'fr' }) {
  const m = documentMessages(props.locale);
  return (
    <p>
      {(props.row.words ?? []).map((w) =>
        w.op === 'same' ? (
          w.text
        ) : w.op === 'add' ? (
          <ins>
            <span class="visually-hidden">[{m.inserted}: </span>
            {w.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : (
          <del>
            <span class="visually-hidden">[{m.deleted}: </span>
            {w.text}
            <span class="visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  );
}

export type ComparePageData = { view: DocumentView; rows: DiffRow[]; from: number; to: number; lang: 'en' | 'fr'; all: boolean; numbers: number[] };

/** Two versions side by side in time: what was added, removed, moved and changed, word by word. */
export function ComparePage(props: { ctx: PageCtx; data: ComparePageData }) {
  const { ctx, data } = props;
  const { view } = data;
  const m = documentMessages(ctx.locale);
  const shown = data.all ? data.rows : data.rows.filter((r) => r.change !== 'same' || r.moved);
  const hidden = data.rows.length - shown.length;
  const title = m.compareTitle(data.from, data.to);
  const lang = data.lang === ctx.locale ? undefined : data.lang;
  const self = (all: boolean) => docHref(ctx, view, `/compare?from=${data.from}&to=${data.to}&lang=${data.lang}${all ? '&all=1' : ''}`);
  return (
    <Layout ctx={ctx} title={`${title} · ${plain(view.doc.title, ctx.locale)}`} crumbs={documentCrumbs(ctx, view, true)}>
      <h1>{title}</h1>
      <CompareForm ctx={ctx} view={view} numbers={data.numbers} from={data.from} to={data.to} lang={data.lang} />
      <p>
        <a href={self(!data.all)}>{data.all ? m.hideUnchanged : m.showUnchanged}</a>
        {hidden ? <span class="muted"> · {m.unchangedHidden(hidden)}</span> : null}
      </p>
      {shown.length === 0 ? <p class="notice">{m.noDifferences}</p> : null}
      <ol class="plain diff" lang={lang}>
        {shown.map((r) => (
          <li class={`diff-${r.change}`}>
            <p class="diff-label" lang={lang ? ctx.locale : undefined}>
              <span class={`badge ${r.change === 'added' ? 'good' : r.change === 'removed' ? 'bad' : r.change === 'changed' ? 'warn' : ''}`.trim()}>{m.changeNames[r.change]}</span>
              {r.moved ? <span class="badge">{m.movedNote}</span> : null} <span class="muted">{m.kinds[r.kind]}</span>
            </p>
            {r.change === 'changed' ? (
              <Words row={r} locale={ctx.locale} />
            ) : r.change === 'removed' ? (
              <p>
                <del>{r.before}</del>
              </p>
            ) : r.change === 'added' ? (
              <p>
                <ins>{r.after}</ins>
              </p>
            ) : (
              <p>{r.after}</p>
            )}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
