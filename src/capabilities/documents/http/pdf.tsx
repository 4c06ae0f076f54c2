import type { Locale } from '../../../kernel/localized.ts';
import type { Deps } from '../../../platform/http/context.ts';
import { assetText } from '../../../platform/http/assets.ts';
import { renderToString } from '../../../platform/http/render.tsx';
import { printToPdf } from '../../../platform/pdf/chromium.ts';
import { storePdf } from '../commands/store-pdf.ts';
import { pdfBytes } from '../db/queries.ts';
import { PrintPage } from '../views/print-page.tsx';
import { docPath } from '../views/model.ts';
import { currentView, type Loaded } from './load.ts';
import type { RecommendationOutcomes } from './ports.ts';

/**
 * PDFs of published documents: printed once per version and language (on
 * publication, or on the first request), then served from the database.
 * Without a Chromium there are none, and no link to them.
 */
export function pdfMaker(deps: Deps, outcomes: RecommendationOutcomes | undefined) {
  const inflight = new Map<string, Promise<Buffer>>();
  const available = deps.config.chromiumPath !== null;
  async function make(l: Loaded, locale: Locale): Promise<Buffer> {
    const view = await currentView(deps, l);
    const found = outcomes ? await outcomes({ process: l.process, documentSlug: l.doc.slug, anchors: view.outline.recommendations }) : null;
    const html = await renderToString(
      <PrintPage
        view={view}
        locale={locale}
        css={assetText('app.css') + '\n@media print {\n' + assetText('print.css') + '\n}'}
        canonicalUrl={`${deps.publicUrl()}/${locale}${docPath(view)}`}
        outcomes={found}
      />,
    );
    const bytes = await printToPdf(html, { chromiumPath: deps.config.chromiumPath! });
    await storePdf(deps.db, l.doc.id, l.doc.currentVersion, locale, bytes);
    return bytes;
  }
  return {
    available,
    async pdfFor(l: Loaded, locale: Locale): Promise<Buffer | null> {
      if (!available || l.doc.state !== 'published') return null;
      const stored = await pdfBytes(deps.db, l.doc.id, l.doc.currentVersion, locale);
      if (stored) return stored;
      const key = `${l.doc.id}:${l.doc.currentVersion}:${locale}`;
      let p = inflight.get(key);
      if (!p) {
        p = make(l, locale).finally(() => inflight.delete(key));
        inflight.set(key, p);
      }
      return p;
    },
  };
}

export type PdfMaker = ReturnType<typeof pdfMaker>;
