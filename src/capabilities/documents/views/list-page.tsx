import { formatDate } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T, TableWrap } from '../../../platform/views/text.tsx';
import { processMessages } from '../../processes/index.ts';
import type { DocumentRecord } from '../domain/document.ts';
import { documentMessages } from '../messages/index.ts';
import { StateBadge } from './labels.tsx';

export type DocumentListing = DocumentRecord & { bodyName: Localized; bodySlug: string; openThreads: number };

/** Documents as a table: on the documents page and, shorter, on the process and body pages. */
export function DocumentTable(props: { ctx: PageCtx; processSlug: string; timeZone: string; docs: DocumentListing[]; caption: string; showBody?: boolean }) {
  const { ctx } = props;
  const m = documentMessages(ctx.locale);
  return (
    <TableWrap label={props.caption}>
      <table class="doc-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.title}</th>
            <th scope="col">{m.type}</th>
            {props.showBody !== false ? <th scope="col">{m.body}</th> : null}
            <th scope="col">{m.status}</th>
            <th scope="col">{m.versions}</th>
          </tr>
        </thead>
        <tbody>
          {props.docs.map((d) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, `/p/${props.processSlug}/documents/${d.slug}`)}>
                  <T value={d.title} locale={ctx.locale} />
                </a>
                {d.openThreads ? <span class="muted"> · {m.openComments(d.openThreads)}</span> : null}
              </th>
              <td>{m.types[d.type]}</td>
              {props.showBody !== false ? (
                <td>
                  <T value={d.bodyName} locale={ctx.locale} />
                </td>
              ) : null}
              <td>
                <StateBadge state={d.state} locale={ctx.locale} />
              </td>
              <td>
                {m.version(d.currentVersion)}, {formatDate(ctx.locale, d.updatedAt, props.timeZone)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function DocumentListPage(props: { ctx: PageCtx; process: { slug: string; title: Localized; timeZone: string }; docs: DocumentListing[]; canStart: boolean }) {
  const { ctx, process } = props;
  const m = documentMessages(ctx.locale);
  const pm = processMessages(ctx.locale);
  return (
    <Layout
      ctx={ctx}
      title={m.documents}
      crumbs={[
        { href: href(ctx, '/'), label: pm.homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
      ]}
    >
      <h1>{m.documents}</h1>
      {props.canStart ? (
        <p>
          <a class="button" href={href(ctx, `/p/${process.slug}/documents/new`)}>
            {m.newDocument}
          </a>
        </p>
      ) : null}
      {props.docs.length === 0 ? (
        <p class="muted">{m.noDocuments}</p>
      ) : (
        <DocumentTable ctx={ctx} processSlug={process.slug} timeZone={process.timeZone} docs={props.docs} caption={m.documents} />
      )}
    </Layout>
  );
}
