import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { answerMessages } from '../messages/answer.ts';
import { intakeMessages } from '../messages/index.ts';
import { CommentCard, PhaseLine, periodCrumbs, periodHref, type CommentView, type Passage, type PeriodView } from './parts.tsx';

export type PeriodPageData = {
  v: PeriodView;
  comments: CommentView[];
  total: number;
  page: number;
  pages: number;
  /** undefined: all; null: on the whole document; else a paragraph. */
  anchor: string | null | undefined;
  passages: Passage[];
  can: { submit: boolean; moderate: boolean; change: boolean };
};

/** The period: its state in words, how to comment, and the published comments, 50 a page. */
export function PeriodPage(props: { ctx: PageCtx; data: PeriodPageData }) {
  const { ctx, data } = props;
  const { v } = data;
  const m = intakeMessages(ctx.locale);
  const title = m.periodTitle(plain(v.doc.title, ctx.locale));
  const filterValue = data.anchor === undefined ? '' : data.anchor === null ? 'document' : data.anchor;
  const pageLink = (p: number) => periodHref(ctx, v, `?${new URLSearchParams({ ...(filterValue ? { on: filterValue } : {}), page: String(p) })}#comments`);
  return (
    <Layout ctx={ctx} title={title} crumbs={periodCrumbs(ctx, v, false)}>
      <h1>{title}</h1>
      <PhaseLine ctx={ctx} v={v} />
      <ul class="actions">
        {data.can.submit ? (
          <li>
            <a class="button" href={periodHref(ctx, v, '/comment')}>
              {m.commentOnDocument}
            </a>
          </li>
        ) : null}
        <li>
          <a href={periodHref(ctx, v, '/policy')}>{m.moderationPolicy}</a>
        </li>
        {data.can.moderate ? (
          <li>
            <a href={periodHref(ctx, v, '/moderation')}>{m.moderationQueue}</a>
          </li>
        ) : null}
        {data.can.change ? (
          <li>
            <a href={periodHref(ctx, v, '/change')}>{m.changePeriod}</a>
          </li>
        ) : null}
        {/* Answering (issue 6): the groups, the register (for those who moderate and answer), the report. */}
        <li>
          <a href={periodHref(ctx, v, '/clusters')}>{answerMessages(ctx.locale).links.groups}</a>
        </li>
        {data.can.moderate ? (
          <li>
            <a href={periodHref(ctx, v, '/dispositions')}>{answerMessages(ctx.locale).links.register}</a>
          </li>
        ) : null}
        <li>
          <a href={periodHref(ctx, v, '/what-we-heard')}>{answerMessages(ctx.locale).links.report}</a>
        </li>
      </ul>
      {data.can.submit && data.passages.length ? (
        <details class="passages">
          <summary>{m.commentOnAParagraph}</summary>
          <ul>
            {data.passages.map((p) => (
              <li>
                <a href={periodHref(ctx, v, `/comment?anchor=${p.anchor}`)}>
                  {p.anchor}: {(plain(p.text, ctx.locale) || '').slice(0, 90)}
                </a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <section aria-labelledby="comments" class="period-comments">
        <h2 id="comments">{m.comments}</h2>
        <form method="get" action={periodHref(ctx, v)} class="filters">
          <label for="on">{m.filterLabel}</label>{' '}
          <select id="on" name="on">
            <option value="" selected={filterValue === ''}>
              {m.allComments}
            </option>
            <option value="document" selected={filterValue === 'document'}>
              {m.onWholeDocument}
            </option>
            {data.passages.map((p) => (
              <option value={p.anchor} selected={filterValue === p.anchor}>
                {m.onParagraph(p.anchor)}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{m.filter}</button>
        </form>
        <p>{m.commentCount(data.total)}</p>
        {data.comments.length === 0 ? <p>{m.noComments}</p> : data.comments.map((c) => <CommentCard ctx={ctx} v={v} c={c} />)}
        {data.pages > 1 ? (
          <nav aria-label={m.pageOf(data.page, data.pages)} class="pager">
            {data.page > 1 ? <a href={pageLink(data.page - 1)}>{m.previous}</a> : null} <span>{m.pageOf(data.page, data.pages)}</span>{' '}
            {data.page < data.pages ? <a href={pageLink(data.page + 1)}>{m.next}</a> : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}
