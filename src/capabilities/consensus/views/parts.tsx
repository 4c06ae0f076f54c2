import { formatDateTime } from '../../../kernel/i18n.ts';
import { pickText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { CategoryName, DeclarationNote, type ParticipantListing } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import type { Outcome } from '../domain/criteria.ts';
import { isWebAddress, type ProposalStatus, type Stance, type Where } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';

export const decisionPath = (process: Pick<Process, 'slug'>, id: number) => `/p/${process.slug}/decisions/${id}`;

export const when = (ctx: Pick<PageCtx, 'locale'>, process: Pick<Process, 'timeZone'>, d: Date | string) =>
  formatDateTime(ctx.locale, typeof d === 'string' ? new Date(d) : d, process.timeZone);

export function Time(props: { ctx: Pick<PageCtx, 'locale'>; process: Pick<Process, 'timeZone'>; at: Date | string }) {
  const d = typeof props.at === 'string' ? new Date(props.at) : props.at;
  return <time datetime={d.toISOString()}>{when(props.ctx, props.process, d)}</time>;
}

const STATUS_CLASS: Record<ProposalStatus, string> = { drafting: 'badge', discussion: 'badge warn', call: 'badge warn', decided: 'badge good', closed: 'badge bad' };

export function StatusBadge(props: { locale: Locale; status: ProposalStatus }) {
  return <span class={STATUS_CLASS[props.status]}>{consensusMessages(props.locale).status[props.status]}</span>;
}

export function StanceLabel(props: { locale: Locale; stance: Stance }) {
  return <span class={`stance stance-${props.stance}`}>{consensusMessages(props.locale).stance[props.stance]}</span>;
}

const OUTCOME_CLASS: Record<Outcome, string> = { consensus: 'badge good', 'no-consensus': 'badge bad', pending: 'badge warn' };

export function OutcomeBadge(props: { locale: Locale; outcome: Outcome }) {
  return <span class={OUTCOME_CLASS[props.outcome]}>{consensusMessages(props.locale).outcome[props.outcome]}</span>;
}

export function MetBadge(props: { locale: Locale; met: boolean }) {
  const m = consensusMessages(props.locale);
  return <span class={props.met ? 'badge good' : 'badge bad'}>{props.met ? m.met : m.notMet}</span>;
}

/** Stored, sanitized HTML (Markdown rendered when saved), in the reader's language or marked as not yet translated. */
export function RichText(props: { source: Localized; html: Localized; locale: Locale }) {
  const shown = pickText(props.source, props.locale);
  if (!shown) return null;
  const html = props.html[shown.lang] ?? '';
  return (
    <div class="prose" lang={shown.translated ? undefined : shown.lang}>
      {shown.translated ? null : (
        <p class="untranslated" lang={props.locale}>
          {platformMessages(props.locale).notYetTranslated}
        </p>
      )}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

/** A place: a meeting, a thread, elsewhere; linked when it has an address, or when it is a meeting of this process known by id. */
export function WhereNote(props: { where: Where | null | undefined; ctx?: Pick<PageCtx, 'locale'>; process?: Pick<Process, 'slug'> }) {
  const w = props.where;
  if (!w) return null;
  if (w.kind === 'meeting' && typeof w.meetingId === 'number' && props.ctx && props.process)
    return <a href={href(props.ctx, `/p/${props.process.slug}/meetings/${w.meetingId}${typeof w.agendaItemId === 'number' ? `#item-${w.agendaItemId}` : ''}`)}>{w.label}</a>;
  return isWebAddress(w.url) ? <a href={w.url!}>{w.label}</a> : <>{w.label}</>;
}

/** A person as the record names them: name, category, and (when asked) their declaration of interests. */
export function Person(props: { ctx: PageCtx; process: Process; id: number; people: Map<number, ParticipantListing>; declaration?: boolean }) {
  const p = props.people.get(props.id);
  if (!p) return <span>#{props.id}</span>;
  return (
    <>
      <a href={href(props.ctx, `/p/${props.process.slug}/participants/${p.id}`)}>{p.displayName}</a>{' '}
      <span class="muted">
        (<CategoryName process={props.process} participant={p} locale={props.ctx.locale} />)
      </span>
      {props.declaration ? (
        <>
          {' '}
          <DeclarationNote declaration={p.declaration} locale={props.ctx.locale} timeZone={props.process.timeZone} />
        </>
      ) : null}
    </>
  );
}

export const personName = (people: Map<number, ParticipantListing>, id: number) => people.get(id)?.displayName ?? `#${id}`;
