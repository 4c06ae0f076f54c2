import { formatDate } from '../../../kernel/i18n.ts';
import { plain } from '../../../platform/views/text.tsx';
import { documentMessages } from '../messages/index.ts';
import { DocumentText, RecommendationList, TableOfContents } from './document-text.tsx';
import type { DocumentView, Outcome } from './model.ts';

/**
 * The published document as one self-contained page for Chromium to print:
 * same HTML as the web page (headings, lists, tables: a tagged PDF), the
 * document's language on <html>, styles inline since no server is involved.
 */
export function PrintPage(props: { view: DocumentView; locale: 'en' | 'fr'; css: string; canonicalUrl: string; outcomes: Map<string, Outcome> | null }) {
  const { view, locale } = props;
  const m = documentMessages(locale);
  const title = plain(view.doc.title, locale);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        {/* Printed from a file: nothing may load or run, whatever the text contains. */}
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: props.css }} />
      </head>
      <body class="print-document">
        <main>
          <article class="document">
            <p class="muted">
              {plain(view.process.title, locale)} · {m.types[view.doc.type]}
            </p>
            <h1>{title}</h1>
            <p class="muted">
              {m.states[view.doc.state]} · {m.version(view.version.number)} · {formatDate(locale, view.doc.publishedAt ?? view.version.createdAt, view.process.timeZone)}
            </p>
            <p class="muted">{props.canonicalUrl}</p>
            <TableOfContents view={view} locale={locale} />
            <RecommendationList view={view} locale={locale} outcomes={props.outcomes} />
            <DocumentText view={view} ctx={{ locale }} o={{ markOutdated: false }} />
          </article>
        </main>
      </body>
    </html>
  );
}
