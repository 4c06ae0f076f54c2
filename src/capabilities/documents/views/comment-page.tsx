import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { documentMessages } from '../messages/index.ts';
import { CommentForm } from './comments.tsx';
import { documentCrumbs } from './document-page.tsx';
import { docHref } from './document-text.tsx';
import type { DocumentView, ShownBlock } from './model.ts';

/** Commenting on one passage: the passage, then the form (also where a refused comment comes back with its error). */
export function CommentPage(props: { ctx: PageCtx; view: DocumentView; block: ShownBlock | null; value?: string; error?: string | null }) {
  const { ctx, view, block } = props;
  const m = documentMessages(ctx.locale);
  const lang = block && block.html[ctx.locale] === undefined ? view.official.find((l) => block.html[l] !== undefined) : undefined;
  return (
    <Layout ctx={ctx} title={`${m.commentPageTitle} · ${plain(view.doc.title, ctx.locale)}`} crumbs={documentCrumbs(ctx, view, true)}>
      <h1>{block ? m.commentPageTitle : m.commentOnDocument}</h1>
      {block ? (
        <>
          <h2>{m.thePassage}</h2>
          <blockquote class="quote" lang={lang}>
            <div dangerouslySetInnerHTML={{ __html: block.html[ctx.locale] ?? (lang ? block.html[lang]! : '') }} />
          </blockquote>
          <p>
            <a href={docHref(ctx, view, `#${block.anchor}`)}>{plain(view.doc.title, ctx.locale)}</a>
          </p>
        </>
      ) : null}
      {props.error ? (
        <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="comment-error-h">
          <h2 id="comment-error-h">{props.error}</h2>
        </div>
      ) : null}
      <CommentForm ctx={ctx} view={view} anchor={block?.anchor ?? null} parentId={null} id="comment" value={props.value} error={props.error} />
    </Layout>
  );
}
