import { formatDate, plural } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { Crumb } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import type { Segment } from '../domain/additions.ts';
import { answerMessages } from '../messages/answer.ts';

/** Where the answering pages sit: the process, the document, the period. */
export type PeriodView = { processSlug: string; processTitle: Localized; docSlug: string; docTitle: Localized; periodId: number; timeZone: string; staff: boolean };

export const periodBase = (v: PeriodView) => `/p/${v.processSlug}/input/${v.periodId}`;

export function periodCrumbs(ctx: PageCtx, v: PeriodView): Crumb[] {
  const m = answerMessages(ctx.locale);
  return [
    { href: href(ctx, `/p/${v.processSlug}`), label: v.processTitle },
    { href: href(ctx, `/p/${v.processSlug}/documents/${v.docSlug}`), label: v.docTitle },
    { href: href(ctx, periodBase(v)), label: m.publicInput },
  ];
}

/** The answering pages of a period; the register only for those who answer. */
export function AnswerNav(props: { ctx: PageCtx; v: PeriodView; here: 'groups' | 'register' | 'report' }) {
  const m = answerMessages(props.ctx.locale);
  const items = [
    ['groups', `${periodBase(props.v)}/clusters`, m.links.groups],
    ...(props.v.staff ? [['register', `${periodBase(props.v)}/dispositions`, m.links.register]] : []),
    ['report', `${periodBase(props.v)}/what-we-heard`, m.links.report],
  ] as const;
  return (
    <nav class="subnav" aria-label={m.publicInput}>
      <ul class="inline-list">
        {items.map(([key, path, label]) => (
          <li>
            <a href={href(props.ctx, path)} aria-current={key === props.here ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Pager(props: { ctx: PageCtx; base: string; query?: string; page: number; total: number; size: number }) {
  const pages = Math.max(1, Math.ceil(props.total / props.size));
  if (pages <= 1) return null;
  const m = answerMessages(props.ctx.locale);
  const q = props.query ? `&${props.query}` : '';
  return (
    <nav class="pager" aria-label={m.pageOf(props.page, pages)}>
      {props.page > 1 ? (
        <a href={href(props.ctx, `${props.base}?page=${props.page - 1}${q}`)} rel="prev">
          {m.previous}
        </a>
      ) : null}{' '}
      <span>{m.pageOf(props.page, pages)}</span>{' '}
      {props.page < pages ? (
        <a href={href(props.ctx, `${props.base}?page=${props.page + 1}${q}`)} rel="next">
          {m.next}
        </a>
      ) : null}
    </nav>
  );
}

export const counts = (ctx: PageCtx, comments: number, signatories: number) => {
  const m = answerMessages(ctx.locale);
  return `${plural(ctx.locale, comments, m.comments)}, ${plural(ctx.locale, signatories, m.signatories)}`;
};

/** A member's text against the common text: additions marked in words too, not by colour alone. */
export function Additions(props: { ctx: PageCtx; segments: Segment[]; lang: string }) {
  const m = answerMessages(props.ctx.locale);
  const changed = props.segments.some((s) => s.kind !== 'same');
  if (!changed) return <p class="muted">{m.sameAsCommon}</p>;
  return (
    <p class="additions" lang={props.lang}>
      {props.segments.map((s) =>
        s.kind === 'same' ? (
          s.text
        ) : s.kind === 'added' ? (
          <ins>
            <span class="visually-hidden" lang={props.ctx.locale}>
              {m.addedStart}{' '}
            </span>
            {s.text}
            <span class="visually-hidden" lang={props.ctx.locale}>
              {m.addedEnd}
            </span>
          </ins>
        ) : (
          <del>
            <span class="visually-hidden" lang={props.ctx.locale}>
              {m.removedStart}{' '}
            </span>
            {s.text}
            <span class="visually-hidden" lang={props.ctx.locale}>
              {m.removedEnd}
            </span>
          </del>
        ),
      )}
    </p>
  );
}

export type CommentMeta = {
  id: number;
  name: string | null;
  anonymous: boolean;
  organization: string | null;
  categoryLabel: string;
  anchor: string | null;
  status: string;
  signatories: number;
  createdAt: Date;
};

/** Who, on what, when (and for staff, the status). */
export function CommentByline(props: { ctx: PageCtx; v: PeriodView; c: CommentMeta }) {
  const { ctx, v, c } = props;
  const m = answerMessages(ctx.locale);
  return (
    <p class="byline">
      <strong>{c.anonymous || !c.name ? m.anonymous : c.name}</strong>
      {c.organization ? <> · {c.organization}</> : null} · {c.categoryLabel} ·{' '}
      {c.anchor ? (
        <a href={href(ctx, `/p/${v.processSlug}/documents/${v.docSlug}#${c.anchor}`)}>
          {m.onPassage} {c.anchor}
        </a>
      ) : (
        m.onWholeDocument
      )}{' '}
      · {formatDate(ctx.locale, c.createdAt, v.timeZone)}
      {c.signatories > 1 ? <> · {plural(ctx.locale, c.signatories, m.signatories)}</> : null}
      {v.staff ? (
        <>
          {' '}
          · {m.statusLabel}
          {m.colon}
          <span class={`badge status-${c.status}`}>{m.status[c.status]}</span>
        </>
      ) : null}
    </p>
  );
}
