import type { Child } from 'hono/jsx';
import { otherLocale } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T } from '../../../platform/views/text.tsx';
import { processMessages } from '../../processes/index.ts';
import type { PlacedComments } from '../domain/comments.ts';
import type { DocumentAction } from '../domain/permissions.ts';
import { documentMessages } from '../messages/index.ts';
import { CommentForm, ThreadView, type CommentControls } from './comments.tsx';
import { docHref, DocumentText, RecommendationList, TableOfContents } from './document-text.tsx';
import type { DocumentView, Outcome, ShownBlock } from './model.ts';
import { StatePanel, type StatePanelData } from './state-panel.tsx';

export type DocumentPageData = {
  view: DocumentView;
  can: Record<DocumentAction, boolean>;
  state: StatePanelData;
  comments: PlacedComments;
  controls: CommentControls;
  outcomes: Map<string, Outcome> | null;
  pdf: boolean;
  /** Sections other capabilities add after the text (see DocumentSection). */
  sections?: Child[];
};

export function documentCrumbs(ctx: PageCtx, view: DocumentView, self = false) {
  const pm = processMessages(ctx.locale);
  const m = documentMessages(ctx.locale);
  return [
    { href: href(ctx, '/'), label: pm.homeTitle },
    { href: href(ctx, `/p/${view.process.slug}`), label: plain(view.process.title, ctx.locale) },
    { href: href(ctx, `/p/${view.process.slug}/documents`), label: m.documents },
    ...(self ? [{ href: docHref(ctx, view), label: plain(view.doc.title, ctx.locale) }] : []),
  ];
}

/** The document: canonical, accessible HTML. While in review it carries its status, comments and tools; once published it is the report. */
export function DocumentPage(props: { ctx: PageCtx; data: DocumentPageData }) {
  const { ctx, data } = props;
  const { view } = data;
  const m = documentMessages(ctx.locale);
  const published = view.doc.state === 'published';
  const other = otherLocale(ctx.locale);
  const threadsOf = (b: ShownBlock) => data.comments.byAnchor.get(b.anchor) ?? [];
  const after = (b: ShownBlock) => {
    const threads = published ? [] : threadsOf(b);
    const section = b.kind === 'heading' ? view.outline.sectionOf.get(b.anchor) : undefined;
    return (
      <div class="blk-tools">
        <a class="pl" href={docHref(ctx, view, `/at/${b.anchor}`)}>
          #<span class="visually-hidden"> {m.permalink(b.anchor)}</span>
        </a>
        {section && view.official.includes(other) ? (
          <a class="other-lang" href={`/${other}/p/${view.process.slug}/documents/${view.doc.slug}#${b.anchor}`} lang={other}>
            {m.otherLanguageName}
            <span class="visually-hidden"> — {m.sectionInOther(section)}</span>
          </a>
        ) : null}
        {data.can.comment && !published ? <a href={docHref(ctx, view, `/comment?on=${b.anchor}`)}>{m.commentOnParagraph}</a> : null}
        {threads.length ? (
          <details class="threads">
            <summary>{m.commentsOnBlock(threads.length)}</summary>
            {threads.map((t) => (
              <ThreadView ctx={ctx} view={view} thread={t} controls={data.controls} />
            ))}
          </details>
        ) : null}
      </div>
    );
  };
  return (
    <Layout ctx={ctx} title={plain(view.doc.title, ctx.locale)} crumbs={documentCrumbs(ctx, view)}>
      <article class="document" aria-labelledby="doc-title">
        <header>
          <p class="muted">
            {m.types[view.doc.type]} ·{' '}
            <a href={href(ctx, `/p/${view.process.slug}/bodies/${view.body.slug}`)}>
              <T value={view.body.name} locale={ctx.locale} />
            </a>
          </p>
          <h1 id="doc-title">
            <T value={view.doc.title} locale={ctx.locale} />
          </h1>
        </header>
        <StatePanel ctx={ctx} view={view} data={data.state} />
        <div class="actions doc-actions">
          {data.can.edit
            ? view.official.map((l) => (
                <a class="button secondary" href={docHref(ctx, view, `/edit?lang=${l}`)}>
                  {m.edit(l)}
                </a>
              ))
            : null}
          <a class="button secondary" href={docHref(ctx, view, '/translate')}>
            {m.sideBySide}
          </a>
          <a class="button secondary" href={docHref(ctx, view, '/versions')}>
            {m.versions}
          </a>
          <a class="button secondary" href="#comments">
            {m.comments} ({m.openComments(data.comments.open)})
          </a>
          {data.pdf ? (
            <a class="button secondary" href={docHref(ctx, view, '/pdf')} type="application/pdf">
              {m.pdf}
            </a>
          ) : null}
        </div>
        {data.pdf ? <p class="hint no-print">{m.pdfHint(ctx.locale)}</p> : null}
        {published ? <p class="hint no-print">{m.print}</p> : null}
        <TableOfContents view={view} locale={ctx.locale} />
        <RecommendationList view={view} locale={ctx.locale} outcomes={data.outcomes} />
        {view.blocks.length === 0 ? <p class="muted">{m.emptyDocument}</p> : <DocumentText view={view} ctx={ctx} o={{ after, markOutdated: !published }} />}
      </article>
      {data.sections}
      <section id="comments" class="comments" aria-labelledby="comments-h" tabindex={-1}>
        <h2 id="comments-h">{m.commentsTitle}</h2>
        {data.comments.total === 0 ? <p class="muted">{m.noComments}</p> : null}
        {data.comments.general.length ? (
          <>
            <h3>{m.generalComments}</h3>
            {data.comments.general.map((t) => (
              <ThreadView ctx={ctx} view={view} thread={t} controls={data.controls} />
            ))}
          </>
        ) : null}
        {data.comments.removed.length ? (
          <>
            <h3>{m.removedComments}</h3>
            {data.comments.removed.map((t) => (
              <ThreadView ctx={ctx} view={view} thread={t} controls={data.controls} />
            ))}
          </>
        ) : null}
        {data.can.comment ? (
          <>
            <h3>{m.commentOnDocument}</h3>
            <CommentForm ctx={ctx} view={view} anchor={null} parentId={null} id="general-comment" />
          </>
        ) : !published ? (
          <p class="muted">
            {ctx.actor.kind === 'user' ? null : m.signInToComment} {m.whoComments.members}
          </p>
        ) : null}
      </section>
    </Layout>
  );
}
