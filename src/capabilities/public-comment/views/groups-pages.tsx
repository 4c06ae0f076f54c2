import { plural } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import type { Segment } from '../domain/additions.ts';
import { answerMessages } from '../messages/answer.ts';
import { Additions, AnswerNav, CommentByline, Pager, counts, periodBase, periodCrumbs, type CommentMeta, type PeriodView } from './answer-parts.tsx';

export type GroupSummary = { key: number; comments: number; signatories: number; template: string; templateLang: Locale };
export type DistinctComment = CommentMeta & { body: string; lang: Locale };

/** Every group once with its counts and common text, then the distinct comments, paged. */
export function GroupsPage(props: { ctx: PageCtx; v: PeriodView; groups: GroupSummary[]; distinct: DistinctComment[]; page: number; total: number; size: number }) {
  const { ctx, v } = props;
  const m = answerMessages(ctx.locale);
  const base = `${periodBase(v)}/clusters`;
  return (
    <Layout ctx={ctx} title={m.groupsTitle} crumbs={periodCrumbs(ctx, v)}>
      <h1>{m.groupsTitle}</h1>
      <AnswerNav ctx={ctx} v={v} here="groups" />
      <p>{m.groupsIntro}</p>
      {v.staff ? <p class="notice">{m.staffNotice}</p> : null}
      <h2>{m.groupsHeading}</h2>
      {props.groups.length === 0 ? <p>{m.noGroups}</p> : null}
      <ul class="groups">
        {props.groups.map((g) => (
          <li id={`group-${g.key}`}>
            <h3>{counts(ctx, g.comments, g.signatories)}</h3>
            <p class="label">{m.commonText}</p>
            <blockquote class="quote" lang={g.templateLang}>
              <p>{g.template}</p>
            </blockquote>
            <p>
              <a href={href(ctx, `${base}/${g.key}`)}>
                {m.readGroup} ({plural(ctx.locale, g.comments, m.comments)})
              </a>
            </p>
          </li>
        ))}
      </ul>
      <h2 id="distinct">{m.distinctHeading}</h2>
      {props.total === 0 ? <p>{m.noDistinct}</p> : null}
      <ul class="comments">
        {props.distinct.map((c) => (
          <li id={`comment-${c.id}`}>
            <CommentByline ctx={ctx} v={v} c={c} />
            <p lang={c.lang} class="comment-text">
              {c.body}
            </p>
          </li>
        ))}
      </ul>
      <Pager ctx={ctx} base={base} page={props.page} total={props.total} size={props.size} />
    </Layout>
  );
}

export type MemberView = CommentMeta & { lang: Locale; segments: Segment[] };

/** One group: its common text, then each member with what it added, paged. */
export function GroupPage(props: { ctx: PageCtx; v: PeriodView; group: GroupSummary; members: MemberView[]; page: number; total: number; size: number }) {
  const { ctx, v, group } = props;
  const m = answerMessages(ctx.locale);
  return (
    <Layout
      ctx={ctx}
      title={`${m.groupTitle} · ${counts(ctx, group.comments, group.signatories)}`}
      crumbs={[...periodCrumbs(ctx, v), { href: href(ctx, `${periodBase(v)}/clusters`), label: m.groupsTitle }]}
    >
      <h1>{m.groupTitle}</h1>
      <AnswerNav ctx={ctx} v={v} here="groups" />
      <p>{counts(ctx, group.comments, group.signatories)}</p>
      <h2>{m.commonText}</h2>
      <blockquote class="quote" lang={group.templateLang}>
        <p>{group.template}</p>
      </blockquote>
      <h2>{m.membersHeading}</h2>
      <p class="hint">{m.additionsLegend}</p>
      <ul class="comments">
        {props.members.map((c) => (
          <li id={`comment-${c.id}`}>
            <CommentByline ctx={ctx} v={v} c={c} />
            <Additions ctx={ctx} segments={c.segments} lang={c.lang} />
            {v.staff ? (
              <p>
                <a href={href(ctx, `${periodBase(v)}/dispositions/comment/${c.id}`)}>{m.answerOwn}</a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager ctx={ctx} base={`${periodBase(v)}/clusters/${group.key}`} page={props.page} total={props.total} size={props.size} />
    </Layout>
  );
}
