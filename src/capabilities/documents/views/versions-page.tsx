import { formatDateTime } from '../../../kernel/i18n.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { plain, TableWrap } from '../../../platform/views/text.tsx';
import type { VersionListing } from '../db/queries.ts';
import { documentMessages } from '../messages/index.ts';
import { documentCrumbs } from './document-page.tsx';
import { docHref } from './document-text.tsx';
import { languageLabel, StateBadge } from './labels.tsx';
import type { DocumentView } from './model.ts';

export function CompareForm(props: { ctx: PageCtx; view: DocumentView; numbers: number[]; from: number; to: number; lang: 'en' | 'fr' }) {
  const { ctx, view } = props;
  const m = documentMessages(ctx.locale);
  const select = (name: string, label: string, value: number) => (
    <div class="field">
      <label for={`cmp-${name}`}>{label}</label>
      <select id={`cmp-${name}`} name={name}>
        {props.numbers.map((n) => (
          <option value={String(n)} selected={n === value}>
            {m.version(n)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={docHref(ctx, view, '/compare')} class="compare-form">
      {select('from', m.compareFrom, props.from)}
      {select('to', m.compareTo, props.to)}
      <div class="field">
        <label for="cmp-lang">{m.compareLanguage}</label>
        <select id="cmp-lang" name="lang">
          {view.official.map((l) => (
            <option value={l} selected={l === props.lang}>
              {languageLabel(ctx.locale, l)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{m.compare}</button>
    </form>
  );
}

export function VersionsPage(props: { ctx: PageCtx; view: DocumentView; versions: VersionListing[] }) {
  const { ctx, view, versions } = props;
  const m = documentMessages(ctx.locale);
  const numbers = versions.map((v) => v.number);
  return (
    <Layout ctx={ctx} title={`${m.versionsTitle} · ${plain(view.doc.title, ctx.locale)}`} crumbs={documentCrumbs(ctx, view, true)}>
      <h1>{m.versionsTitle}</h1>
      <p class="lede">{m.versionsIntro}</p>
      {numbers.length > 1 ? (
        <CompareForm ctx={ctx} view={view} numbers={numbers} from={numbers[1]!} to={numbers[0]!} lang={view.official.includes(ctx.locale) ? ctx.locale : view.official[0]!} />
      ) : null}
      <TableWrap label={m.versionsTitle}>
        <table>
          <caption class="visually-hidden">{m.versionsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.versionCol}</th>
              <th scope="col">{m.dateCol}</th>
              <th scope="col">{m.byCol}</th>
              <th scope="col">{m.whatCol}</th>
              <th scope="col">{m.stateCol}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <th scope="row">
                  <a href={docHref(ctx, view, `/versions/${v.number}`)}>{m.version(v.number)}</a>
                </th>
                <td>{formatDateTime(ctx.locale, v.createdAt, view.process.timeZone)}</td>
                <td>{v.authorName ?? ''}</td>
                <td>
                  {m.editKinds[v.editKind](v.language ?? ctx.locale)} ({m.summary(v.summary)}){v.note ? <span class="muted"> — {v.note}</span> : null}
                  {v.number > 1 ? (
                    <>
                      {' '}
                      <a href={docHref(ctx, view, `/compare?from=${v.number - 1}&to=${v.number}&lang=${v.language ?? ctx.locale}`)}>{m.compare}</a>
                    </>
                  ) : null}
                </td>
                <td>
                  <StateBadge state={v.state} locale={ctx.locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}
