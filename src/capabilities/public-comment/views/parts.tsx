import { formatNumber } from '../../../kernel/i18n.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Crumb } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { dateFormat } from '../../../kernel/i18n.ts';
import { effectiveEnd, effectiveStart, type Period, type PeriodPhase } from '../domain/period.ts';
import { IMPERSONATION_REASON } from '../domain/moderation.ts';
import { intakeMessages } from '../messages/index.ts';

export type Passage = { anchor: string; kind: string; text: Partial<Record<Locale, string>> };

/** What every intake page shows of its period. */
export type PeriodView = {
  process: { slug: string; title: Localized; officialLanguages: Locale[] };
  period: Period;
  doc: { slug: string; title: Localized };
  phase: PeriodPhase;
};

export type CommentView = {
  id: number;
  receipt: string;
  anchor: string | null;
  name: string | null;
  anonymous: boolean;
  organization: string | null;
  category: Localized;
  lang: Locale;
  body: string;
  signatories: number;
  status: 'unverified' | 'pending' | 'published' | 'hidden';
  moderationReason: string | null;
  createdAt: Date;
  attachments: { id: number; filename: string; size: number }[];
  signatoryNames: string[];
};

export const periodHref = (ctx: Pick<PageCtx, 'locale'>, v: Pick<PeriodView, 'process' | 'period'>, rest = '') => href(ctx, `/p/${v.process.slug}/input/${v.period.id}${rest}`);

export function periodCrumbs(ctx: PageCtx, v: PeriodView, self = true): Crumb[] {
  const m = intakeMessages(ctx.locale);
  const crumbs: Crumb[] = [
    { href: href(ctx, `/p/${v.process.slug}`), label: v.process.title },
    { href: href(ctx, `/p/${v.process.slug}/documents/${v.doc.slug}`), label: v.doc.title },
  ];
  if (self) crumbs.push({ href: periodHref(ctx, v), label: m.publicInput });
  return crumbs;
}

const tag = (l: Locale) => (l === 'fr' ? 'fr-CA' : 'en-CA');

/** "March 2, 2026, 9:00 a.m. EST" in the period's own zone. */
export function momentText(locale: Locale, d: Date, timeZone: string): string {
  return dateFormat(tag(locale), { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(d);
}

/** The period's state in words: "Opens on …", "Open until …", "Closed on …", "Waiting for the French text". */
export function phaseText(locale: Locale, v: Pick<PeriodView, 'period' | 'phase' | 'process'>, missing: Locale[] = []): string {
  const m = intakeMessages(locale);
  const p = v.period;
  const tz = p.timeZone;
  switch (v.phase) {
    case 'scheduled':
      return m.phase.scheduled(momentText(locale, effectiveStart(p) ?? p.startsAt, tz));
    case 'waiting-for-languages': {
      const langs = (missing.length ? missing : v.process.officialLanguages).map((l) => m.languageAdjective[l]).join(', ');
      return m.phase['waiting-for-languages'](langs);
    }
    case 'open':
      return m.phase.open(momentText(locale, effectiveEnd(p), tz));
    case 'closed':
      return m.phase.closed(momentText(locale, p.closedAt ?? effectiveEnd(p), tz));
  }
}

export function PhaseLine(props: { ctx: PageCtx; v: PeriodView }) {
  const m = intakeMessages(props.ctx.locale);
  return (
    <p class={`period-phase phase-${props.v.phase}`}>
      <strong>{phaseText(props.ctx.locale, props.v)}</strong> <span class="hint">{m.timeZoneNote(props.v.period.timeZone)}</span>
    </p>
  );
}

/** One public comment: who, in which language, on what; a hidden one shows only why. */
/** A heading of the level the page needs (axe: levels increase by one). */
function H(props: { level: 2 | 3 | 4; id?: string; children?: unknown }) {
  if (props.level === 2) return <h2 id={props.id}>{props.children}</h2>;
  if (props.level === 3) return <h3 id={props.id}>{props.children}</h3>;
  return <h4 id={props.id}>{props.children}</h4>;
}

export function CommentCard(props: { ctx: PageCtx; v: PeriodView; c: CommentView; link?: boolean; level?: 2 | 3 }) {
  const level = props.level ?? 3;
  const { ctx, v, c } = props;
  const m = intakeMessages(ctx.locale);
  const langName = intakeMessages(ctx.locale).languageAdjective[c.lang];
  const id = `c-${c.receipt}`;
  if (c.status === 'hidden') {
    const reason = c.moderationReason === IMPERSONATION_REASON ? m.impersonation : (c.moderationReason ?? '');
    return (
      <article class="public-comment hidden-comment" id={id} aria-labelledby={`${id}-h`}>
        <H level={level} id={`${id}-h`}>
          {m.receiptLabel} {c.receipt}
        </H>
        <p>{m.hiddenBecause(reason)}</p>
      </article>
    );
  }
  return (
    <article class="public-comment" id={id} aria-labelledby={`${id}-h`}>
      <H level={level} id={`${id}-h`}>
        {props.link === false ? c.anonymous ? m.anonymous : c.name : <a href={periodHref(ctx, v, `/comments/${c.id}`)}>{c.anonymous ? m.anonymous : c.name}</a>}
        {c.organization ? <span class="org"> · {c.organization}</span> : null}
      </H>
      <p class="meta">
        <span>{plain(c.category, ctx.locale)}</span> ·{' '}
        <span>
          {c.anchor ? (
            <a href={href(ctx, `/p/${v.process.slug}/documents/${v.doc.slug}/versions/${v.period.versionNumber}#${c.anchor}`)}>{m.onParagraph(c.anchor)}</a>
          ) : (
            m.onWholeDocument
          )}
        </span>{' '}
        · <span>{m.writtenIn(langName)}</span> ·{' '}
        <span>
          {m.receiptLabel} {c.receipt}
        </span>
        {c.signatories > 1 ? (
          <>
            {' '}
            · <strong>{m.signatories(formatNumber(ctx.locale, c.signatories))}</strong>
          </>
        ) : null}
      </p>
      <div class="prose" lang={c.lang}>
        {c.body
          .split(/\n\s*\n/)
          .filter((p) => p.trim())
          .map((p) => (
            <p>{p}</p>
          ))}
      </div>
      {c.signatoryNames.length ? (
        <details>
          <summary>{m.signatoryNames}</summary>
          <ul class="signatories">
            {c.signatoryNames.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {c.attachments.length ? (
        <>
          <H level={level === 2 ? 3 : 4}>{m.attachments}</H>
          <ul>
            {c.attachments.map((a) => (
              <li>
                <a href={periodHref(ctx, v, `/attachments/${a.id}`)} type="application/pdf">
                  {a.filename}
                </a>{' '}
                <span class="hint">(PDF, {formatNumber(ctx.locale, Math.max(1, Math.round(a.size / 1024)))} KB)</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
