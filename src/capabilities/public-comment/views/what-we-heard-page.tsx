import { formatDate, formatNumber, plural } from '../../../kernel/i18n.ts';
import { PostButton } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T } from '../../../platform/views/text.tsx';
import type { WhatWeHeardSnapshot } from '../commands/what-we-heard-draft.ts';
import { answerMessages } from '../messages/answer.ts';
import { AnswerNav, periodBase, periodCrumbs, type PeriodView } from './answer-parts.tsx';

/**
 * The published report (or the staff's draft): figures in captioned tables,
 * every disposition with its reason and the change it made, in the reader's
 * language (reasons given in one language only are marked as such).
 */
export function WhatWeHeardPage(props: {
  ctx: PageCtx;
  v: PeriodView;
  mode: 'published' | 'draft' | 'none';
  report: WhatWeHeardSnapshot | null;
  publishedAt: Date | null;
  editions: { id: number; publishedAt: Date }[];
  currentId: number | null;
  canPublish: boolean;
}) {
  const { ctx, v, report } = props;
  const m = answerMessages(ctx.locale);
  const n = (x: number) => formatNumber(ctx.locale, x);
  const base = `${periodBase(v)}/what-we-heard`;
  const title = props.mode === 'draft' ? m.draftTitle : m.whatWeHeardTitle;
  const docHref = (version: number, anchor: string | null) => href(ctx, `/p/${v.processSlug}/documents/${v.docSlug}/versions/${version}${anchor ? `#${anchor}` : ''}`);
  return (
    <Layout ctx={ctx} title={title} crumbs={periodCrumbs(ctx, v)} wide>
      <h1>{title}</h1>
      <AnswerNav ctx={ctx} v={v} here="report" />
      {props.mode === 'draft' ? <p class="notice">{m.draftNotice}</p> : <p>{m.whatWeHeardIntro}</p>}
      {props.publishedAt ? <p>{m.publishedOn(formatDate(ctx.locale, props.publishedAt, v.timeZone))}</p> : null}
      {props.mode === 'none' ? <p>{m.notPublished}</p> : null}
      {v.staff && props.mode !== 'draft' ? (
        <p>
          <a href={href(ctx, `${base}/draft`)}>{m.preview}</a>
        </p>
      ) : null}
      {props.mode === 'draft' && props.canPublish ? <PostButton action={href(ctx, `${base}/publish`)} csrf={ctx.csrf} label={m.publish} /> : null}
      {props.mode === 'draft' && !props.canPublish ? <p>{m.stillOpen}</p> : null}
      {report ? (
        <>
          <p>
            {m.totals(plural(ctx.locale, report.totals.comments, m.comments), plural(ctx.locale, report.totals.signatories, m.signatories))}{' '}
            {m.totalsGroups(plural(ctx.locale, report.totals.groups, m.groupsCount), plural(ctx.locale, report.totals.distinct, m.distinctCount))}{' '}
            {m.answeredLine(n(report.totals.answered), n(report.totals.comments))}
          </p>
          <div class="table-wrap">
            <table>
              <caption>{m.byCategoryCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.colCategory}</th>
                  <th scope="col">{m.colComments}</th>
                  <th scope="col">{m.colSignatories}</th>
                </tr>
              </thead>
              <tbody>
                {report.byCategory.map((c) => (
                  <tr>
                    <th scope="row">
                      <T value={c.label} locale={ctx.locale} />
                    </th>
                    <td>{n(c.comments)}</td>
                    <td>{n(c.signatories)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="table-wrap">
            <table>
              <caption>{m.bySectionCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.colSection}</th>
                  <th scope="col">{m.colComments}</th>
                  <th scope="col">{m.colSignatories}</th>
                </tr>
              </thead>
              <tbody>
                {report.bySection.flatMap((s) => [
                  <tr class="section-row">
                    <th scope="row">
                      <T value={s.heading} locale={ctx.locale} />
                    </th>
                    <td>{n(s.comments)}</td>
                    <td>{n(s.signatories)}</td>
                  </tr>,
                  ...s.passages.map((p) => (
                    <tr>
                      <th scope="row" class="passage">
                        <a href={docHref(report.version, p.anchor)}>{p.anchor}</a> <T value={p.text} locale={ctx.locale} />
                      </th>
                      <td>{n(p.comments)}</td>
                      <td>{n(p.signatories)}</td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
          </div>
          {report.groups.length ? (
            <div class="table-wrap">
              <table>
                <caption>{m.groupsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.colCommonText}</th>
                    <th scope="col">{m.colComments}</th>
                    <th scope="col">{m.colSignatories}</th>
                    <th scope="col">{m.colDisposition}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.groups.map((g) => (
                    <tr>
                      <th scope="row" lang={g.templateLang}>
                        {g.template}
                      </th>
                      <td>{n(g.comments)}</td>
                      <td>{n(g.signatories)}</td>
                      <td>{g.kind ? m.kind[g.kind] : m.unanswered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {report.dispositions.length ? (
            <div class="table-wrap">
              <table>
                <caption>{m.dispositionsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.colItem}</th>
                    <th scope="col">{m.colSignatories}</th>
                    <th scope="col">{m.colDisposition}</th>
                    <th scope="col">{m.colReason}</th>
                    <th scope="col">{m.colChange}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.dispositions.map((d) => (
                    <tr>
                      <th scope="row">
                        {'cluster' in d.target ? m.group(n(d.target.size)) : m.comment(d.target.comment)}
                        {m.colon}
                        <span lang={d.target.lang}>{d.target.excerpt}</span>
                      </th>
                      <td>{n(d.covers.signatories)}</td>
                      <td>{m.kind[d.kind]}</td>
                      <td>{d.reason.en || d.reason.fr ? <T value={d.reason} locale={ctx.locale} /> : m.noReason}</td>
                      <td>
                        {d.changedVersion ? (
                          <a href={docHref(d.changedVersion, d.changedAnchor)}>{m.changedIn(d.changedVersion) + (d.changedAnchor ? ` · ${d.changedAnchor}` : '')}</a>
                        ) : (
                          m.noChange
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      {props.editions.length > 1 || (props.mode === 'draft' && props.editions.length) ? (
        <>
          <h2>{m.editions}</h2>
          <ul>
            {props.editions.map((e) => (
              <li>
                <a href={href(ctx, `${base}?edition=${e.id}`)} aria-current={e.id === props.currentId ? 'page' : undefined}>
                  {m.edition(formatDate(ctx.locale, e.publishedAt, v.timeZone))}
                </a>
                {e.id === props.currentId ? <> {m.thisEdition}</> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
