import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import type { TranslationReport } from '../domain/translation.ts';
import { documentMessages } from '../messages/index.ts';
import { documentCrumbs } from './document-page.tsx';
import { docHref } from './document-text.tsx';
import { languageName } from './labels.tsx';
import type { DocumentView } from './model.ts';

/** Why a document cannot go to public input, final or published yet: every passage still to translate, each with a link. */
export function GatePage(props: { ctx: PageCtx; view: DocumentView; report: TranslationReport; empty: boolean }) {
  const { ctx, view, report } = props;
  const m = documentMessages(ctx.locale);
  const byAnchor = new Map(view.blocks.map((b) => [b.anchor, b]));
  const labelOf = (anchor: string) => {
    const b = byAnchor.get(anchor);
    if (!b) return anchor;
    if (b.kind === 'heading') return `${m.kinds.heading} ${view.outline.sectionOf.get(anchor) ?? ''}`.trim();
    if (b.kind === 'recommendation') return m.recommendation(view.outline.recommendationNumber.get(anchor) ?? 0);
    return `${m.kinds[b.kind]} (${anchor})`;
  };
  return (
    <Layout ctx={ctx} title={m.refusal['translations-incomplete']!} crumbs={documentCrumbs(ctx, view, true)}>
      <h1>{m.refusal[props.empty ? 'empty' : 'translations-incomplete']}</h1>
      {props.empty ? (
        <p>{m.gateEmpty}</p>
      ) : (
        <>
          <p>{m.gateRefused}</p>
          <ul>
            {report.missingTitle.map((l) => (
              <li>{m.titleMissingIn(languageName(ctx.locale, l))}</li>
            ))}
            {report.problems.map((p) => (
              <li>
                <a href={docHref(ctx, view, `/translate?show=todo#row-${p.anchor}`)}>
                  {m.problemLine(labelOf(p.anchor), languageName(ctx.locale, p.lang), m.statusNames[p.status]!)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={docHref(ctx, view)}>{plain(view.doc.title, ctx.locale)}</a>
      </p>
    </Layout>
  );
}
