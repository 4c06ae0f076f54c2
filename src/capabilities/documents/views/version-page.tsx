import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { plain, T } from '../../../platform/views/text.tsx';
import { documentMessages } from '../messages/index.ts';
import { documentCrumbs } from './document-page.tsx';
import { docHref, DocumentText, TableOfContents } from './document-text.tsx';
import type { DocumentView } from './model.ts';

/** An earlier version, read as it was. */
export function VersionPage(props: { ctx: PageCtx; view: DocumentView; current: number; removedNotice?: number | null }) {
  const { ctx, view } = props;
  const m = documentMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={`${m.version(view.version.number)} · ${plain(view.doc.title, ctx.locale)}`} crumbs={documentCrumbs(ctx, view, true)}>
      <article class="document" aria-labelledby="doc-title">
        <h1 id="doc-title">
          <T value={view.version.title} locale={ctx.locale} />
        </h1>
        <p class="notice">
          {props.removedNotice ? `${m.passageRemoved(props.removedNotice)} ` : ''}
          {m.oldVersionNotice(view.version.number, props.current)} <a href={docHref(ctx, view)}>{m.currentVersionLink}</a>
        </p>
        <TableOfContents view={view} locale={ctx.locale} />
        {view.blocks.length === 0 ? <p class="muted">{m.emptyDocument}</p> : <DocumentText view={view} ctx={ctx} o={{ markOutdated: true }} />}
      </article>
    </Layout>
  );
}
