import type { DomainEvent } from '../../../kernel/events.ts';
import { hasText, type Locale } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { Direction, Level } from './assessments.ts';
import type { Evaluation } from './criteria.ts';
import { isWebAddress, whereProblem, type Proposal, type ProposalInput, type ProposalStatus, type Where } from './proposal.ts';

export type Transition = 'open-discussion' | 'open-call' | 'return-to-discussion' | 'decide' | 'close';

export type TransitionRefusal = 'wrong-status' | 'missing-translations' | 'criteria-unmet' | 'assessment-needed' | 'meeting-ended' | 'where-required' | 'bad-link';

export const TARGET: Record<Transition, ProposalStatus> = {
  'open-discussion': 'discussion',
  'open-call': 'call',
  'return-to-discussion': 'discussion',
  decide: 'decided',
  close: 'closed',
};

const FROM: Record<Transition, readonly ProposalStatus[]> = {
  'open-discussion': ['drafting'],
  'open-call': ['discussion'],
  'return-to-discussion': ['call'],
  decide: ['call'],
  close: ['drafting', 'discussion', 'call'],
};

export type ProposalInputRefusal = 'no-title' | 'no-charter' | 'not-working-group' | 'bad-link';

/** What a proposal needs while it is drafted: a title in some language, and for a change of scope the new scope. */
export function checkProposalInput(input: ProposalInput, ctx: { isWorkingGroup: boolean }): ProposalInputRefusal | null {
  if (!hasText(input.title, 'en') && !hasText(input.title, 'fr')) return 'no-title';
  if (input.kind === 'scope') {
    if (!ctx.isWorkingGroup) return 'not-working-group';
    if (!input.proposedCharter || (!hasText(input.proposedCharter, 'en') && !hasText(input.proposedCharter, 'fr'))) return 'no-charter';
  }
  if (input.link && !isWebAddress(input.link.url)) return 'bad-link';
  return null;
}

/** Leaving drafting publishes the proposal: every official language is required. */
export function missingLanguages(
  p: Pick<Proposal, 'kind' | 'title' | 'text' | 'proposedCharter'>,
  officialLanguages: readonly Locale[],
): Array<{ field: 'title' | 'text' | 'proposedCharter'; language: Locale }> {
  const out: Array<{ field: 'title' | 'text' | 'proposedCharter'; language: Locale }> = [];
  for (const l of officialLanguages) {
    if (!hasText(p.title, l)) out.push({ field: 'title', language: l });
    if (!hasText(p.text, l)) out.push({ field: 'text', language: l });
    if (p.kind === 'scope' && !hasText(p.proposedCharter, l)) out.push({ field: 'proposedCharter', language: l });
  }
  return out;
}

export type CallInput = { where: Where; endsAt: Date } | null;

export type TransitionContext = {
  officialLanguages: readonly Locale[];
  /** The criteria now, from the aggregates (needed to decide). */
  evaluation: Evaluation | null;
  latestAssessment: { level: Level; direction: Direction } | null;
  call?: CallInput;
};

/**
 * The life of a proposal: drafting → discussion → consensus call → decided
 * (consensus reached) or closed without consensus. A proposal is decided only
 * when the criteria say consensus and the chair has assessed it as such.
 */
export function transition(
  p: Pick<Proposal, 'id' | 'status' | 'kind' | 'title' | 'text' | 'proposedCharter' | 'round'>,
  t: Transition,
  ctx: TransitionContext,
  now: Date,
): Result<{ to: ProposalStatus; events: DomainEvent[] }, TransitionRefusal> {
  if (!FROM[t].includes(p.status)) return refuse('wrong-status');
  if (t === 'open-discussion' && missingLanguages(p, ctx.officialLanguages).length > 0) return refuse('missing-translations');
  if (t === 'open-call' && ctx.call) {
    const place = whereProblem(ctx.call.where);
    if (place) return refuse(place);
    if (ctx.call.endsAt.getTime() <= now.getTime()) return refuse('meeting-ended');
  }
  if (t === 'decide') {
    if (ctx.evaluation?.outcome !== 'consensus') return refuse('criteria-unmet');
    const a = ctx.latestAssessment;
    if (!a || a.direction !== 'for' || (a.level !== 'full-consensus' && a.level !== 'consensus')) return refuse('assessment-needed');
  }
  const to = TARGET[t];
  const action = {
    'open-discussion': 'proposal.discussion-opened',
    'open-call': 'proposal.call-opened',
    'return-to-discussion': 'proposal.returned-to-discussion',
    decide: 'proposal.decided',
    close: 'proposal.closed',
  }[t];
  const data: Record<string, unknown> = { title: p.title, from: p.status, to, round: p.round };
  if (t === 'open-call' && ctx.call) Object.assign(data, { where: ctx.call.where, endsAt: ctx.call.endsAt.toISOString() });
  if ((t === 'decide' || t === 'close') && ctx.evaluation) data.outcome = ctx.evaluation.outcome;
  return ok({ to, events: [{ action, subjectType: 'proposal', subjectId: String(p.id), data }] });
}
