import type { Child } from 'hono/jsx';
import type { Locale } from '../../../kernel/localized.ts';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import type { TocEntry } from '../domain/outline.ts';
import { documentMessages } from '../messages/index.ts';
import type { DocumentView, Outcome, ShownBlock } from './model.ts';

type Shown = { html: string; lang: Locale; translated: boolean };

/** The reader's language, else another with its own lang and a visible notice. */
function pick(b: ShownBlock, locale: Locale, official: readonly Locale[]): Shown | null {
  if (b.html[locale] !== undefined) return { html: b.html[locale]!, lang: locale, translated: true };
  for (const l of official) if (b.html[l] !== undefined) return { html: b.html[l]!, lang: l, translated: false };
  return null;
}

function Inline(props: { shown: Shown; locale: Locale; outdated: boolean }) {
  const m = documentMessages(props.locale);
  if (props.shown.translated) {
    return (
      <>
        <span dangerouslySetInnerHTML={{ __html: props.shown.html }} />
        {props.outdated ? (
          <>
            {' '}
            <span class="untranslated">{m.translationOutdated}</span>
          </>
        ) : null}
      </>
    );
  }
  return (
    <>
      <span lang={props.shown.lang} dangerouslySetInnerHTML={{ __html: props.shown.html }} /> <span class="untranslated">{m.notYetTranslated}</span>
    </>
  );
}

function Flow(props: { shown: Shown; locale: Locale; outdated: boolean }) {
  const m = documentMessages(props.locale);
  return (
    <>
      <div lang={props.shown.translated ? undefined : props.shown.lang} dangerouslySetInnerHTML={{ __html: props.shown.html }} />
      {props.shown.translated ? null : <p class="untranslated">{m.notYetTranslated}</p>}
      {props.shown.translated && props.outdated ? <p class="untranslated">{m.translationOutdated}</p> : null}
    </>
  );
}

export type TextOptions = {
  /** Controls shown after a block (links, comments); none in the PDF. */
  after?: (b: ShownBlock) => Child;
  /** Mark translations being updated (working views; a published text is in step anyway). */
  markOutdated: boolean;
};

function BlockView(props: { b: ShownBlock; view: DocumentView; ctx: Pick<PageCtx, 'locale'>; o: TextOptions }) {
  const { b, view, ctx, o } = props;
  const m = documentMessages(ctx.locale);
  const shown = pick(b, ctx.locale, view.official);
  if (!shown) return null;
  const outdated = o.markOutdated && b.status[ctx.locale] === 'outdated';
  const tools = o.after?.(b) ?? null;
  switch (b.kind) {
    case 'heading': {
      const H = `h${Math.min(6, Math.max(2, b.level ?? 2))}` as 'h2';
      const n = view.outline.sectionOf.get(b.anchor);
      return (
        <div class="blk blk-heading" id={b.anchor}>
          <H>
            {n ? <span class="secnum">{n}</span> : null} <Inline shown={shown} locale={ctx.locale} outdated={outdated} />
          </H>
          {tools}
        </div>
      );
    }
    case 'recommendation': {
      const n = view.outline.recommendationNumber.get(b.anchor) ?? 0;
      return (
        <div class="blk rec" id={b.anchor}>
          <p>
            <strong class="rec-label">{m.recommendation(n)}</strong> <Inline shown={shown} locale={ctx.locale} outdated={outdated} />
          </p>
          {tools}
        </div>
      );
    }
    case 'paragraph':
      return (
        <div class="blk" id={b.anchor}>
          <p>
            <Inline shown={shown} locale={ctx.locale} outdated={outdated} />
          </p>
          {tools}
        </div>
      );
    case 'item':
      return (
        <li class="blk" id={b.anchor}>
          <Flow shown={shown} locale={ctx.locale} outdated={outdated} />
          {tools}
        </li>
      );
    case 'other':
      return (
        <div class="blk blk-other" id={b.anchor}>
          <Flow shown={shown} locale={ctx.locale} outdated={outdated} />
          {tools}
        </div>
      );
  }
}

/** The text of a version: consecutive list items become one list again. */
export function DocumentText(props: { view: DocumentView; ctx: Pick<PageCtx, 'locale'>; o: TextOptions }) {
  const { view } = props;
  const out: Child[] = [];
  let i = 0;
  const blocks = view.blocks;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind !== 'item') {
      out.push(<BlockView b={b} view={view} ctx={props.ctx} o={props.o} />);
      i++;
      continue;
    }
    const items: ShownBlock[] = [b];
    i++;
    while (i < blocks.length && blocks[i]!.kind === 'item' && !blocks[i]!.listStart && !!blocks[i]!.ordered === !!b.ordered) items.push(blocks[i++]!);
    const children = items.map((x) => <BlockView b={x} view={view} ctx={props.ctx} o={props.o} />);
    out.push(b.ordered ? <ol start={b.start && b.start !== 1 ? b.start : undefined}>{children}</ol> : <ul>{children}</ul>);
  }
  return <div class="doc-text">{out}</div>;
}

type TocNode = { entry: TocEntry; children: TocNode[] };

function tree(entries: readonly TocEntry[]): TocNode[] {
  const root: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const entry of entries) {
    const node = { entry, children: [] };
    while (stack.length && stack[stack.length - 1]!.entry.depth >= entry.depth) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : root).push(node);
    stack.push(node);
  }
  return root;
}

function TocList(props: { nodes: TocNode[]; view: DocumentView; locale: Locale }) {
  const byAnchor = new Map(props.view.blocks.map((b) => [b.anchor, b]));
  return (
    <ol>
      {props.nodes.map((n) => {
        const b = byAnchor.get(n.entry.anchor)!;
        const shown = pick(b, props.locale, props.view.official);
        return (
          <li>
            <a href={`#${n.entry.anchor}`}>
              <span class="secnum">{n.entry.number}</span>{' '}
              {shown ? <span lang={shown.translated ? undefined : shown.lang} dangerouslySetInnerHTML={{ __html: stripLinks(shown.html) }} /> : null}
            </a>
            {n.children.length ? <TocList nodes={n.children} view={props.view} locale={props.locale} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A heading's HTML inside a table-of-contents link may not hold links itself. */
function stripLinks(html: string): string {
  return html.replace(/<\/?a\b[^>]*>/g, '');
}

export function TableOfContents(props: { view: DocumentView; locale: Locale }) {
  const m = documentMessages(props.locale);
  if (props.view.outline.toc.length < 2) return null;
  return (
    <nav class="toc" aria-labelledby="toc-h">
      <h2 id="toc-h">{m.contents}</h2>
      <TocList nodes={tree(props.view.outline.toc)} view={props.view} locale={props.locale} />
    </nav>
  );
}

/** Every recommendation with its number, and its consensus outcome when a decision exists. */
export function RecommendationList(props: { view: DocumentView; locale: Locale; outcomes: Map<string, Outcome> | null; ctx?: Pick<PageCtx, 'locale'> }) {
  const { view, locale } = props;
  const m = documentMessages(locale);
  if (view.outline.recommendations.length === 0) return null;
  const byAnchor = new Map(view.blocks.map((b) => [b.anchor, b]));
  return (
    <section class="rec-list" aria-labelledby="recs-h">
      <h2 id="recs-h">{m.recommendations}</h2>
      <p class="muted">{m.recommendationsIntro}</p>
      <ol class="plain">
        {view.outline.recommendations.map((anchor, i) => {
          const b = byAnchor.get(anchor)!;
          const text = b.plain[locale] ?? view.official.map((l) => b.plain[l]).find(Boolean) ?? '';
          const lang = b.plain[locale] !== undefined ? undefined : view.official.find((l) => b.plain[l] !== undefined);
          const outcome = props.outcomes?.get(anchor);
          return (
            <li>
              <a href={`#${anchor}`}>{m.recommendation(i + 1)}</a>
              {' — '}
              <span lang={lang}>{text.length > 220 ? text.slice(0, 217) + '…' : text}</span>
              {props.outcomes ? (
                <span class="outcome">
                  {' '}
                  {m.outcome}:{' '}
                  {outcome ? (
                    outcome.href ? (
                      <a href={outcome.href}>{outcome.label[locale] ?? outcome.label.en ?? outcome.label.fr}</a>
                    ) : (
                      (outcome.label[locale] ?? outcome.label.en ?? outcome.label.fr)
                    )
                  ) : (
                    m.noDecision
                  )}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export const docHref = (ctx: Pick<PageCtx, 'locale'>, view: Pick<DocumentView, 'process' | 'doc'>, rest = '') =>
  href(ctx, `/p/${view.process.slug}/documents/${view.doc.slug}${rest}`);
