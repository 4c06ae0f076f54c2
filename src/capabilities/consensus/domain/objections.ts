import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { whereProblem, type ObjectionCounts, type Where } from './proposal.ts';

export type ObjectionStatus = keyof ObjectionCounts;
export type Resolution = 'accommodated' | 'not-accommodated';

/**
 * The dissent record: open → discussed (where, and how it was addressed) →
 * withdrawn by its author, or still standing. "Addressed" need not mean
 * "accommodated" (RFC 7282).
 */
export type Objection = {
  id: number;
  proposalId: number;
  authorParticipantId: number;
  text: Localized;
  status: ObjectionStatus;
  round: number;
  raisedAt: Date;
  fromPosition: boolean;
  raisedWhere: Where | null;
  discussedAt: Date | null;
  discussedWhere: Where | null;
  resolution: Resolution | null;
  reasoning: Localized | null;
  closedAt: Date | null;
};

export type ObjectionStep = 'discuss' | 'withdraw' | 'maintain';

export function objectionStep(status: ObjectionStatus, step: ObjectionStep): Result<ObjectionStatus, 'wrong-status'> {
  switch (step) {
    case 'discuss':
      return status === 'open' ? ok('discussed') : refuse('wrong-status');
    case 'withdraw':
      return status === 'withdrawn' ? refuse('wrong-status') : ok('withdrawn');
    case 'maintain':
      return status === 'discussed' ? ok('standing') : refuse('wrong-status');
  }
}

/** The counters after one objection moves from one status to another (or is new: from null). */
export function recount(counts: ObjectionCounts, from: ObjectionStatus | null, to: ObjectionStatus): ObjectionCounts {
  const next = { ...counts };
  if (from) next[from] = Math.max(0, next[from] - 1);
  next[to] += 1;
  return next;
}

export type DiscussionInput = { where: Where; resolution: Resolution; reasoning: Localized };
export type DiscussionRefusal = 'where-required' | 'bad-link' | 'missing-translations';

/** The chair records where a dissenting view was discussed and how it was addressed, in every official language. */
export function checkDiscussion(input: DiscussionInput, officialLanguages: readonly Locale[]): DiscussionRefusal | null {
  const place = whereProblem(input.where);
  if (place) return place;
  if (officialLanguages.some((l) => !hasText(input.reasoning, l))) return 'missing-translations';
  return null;
}
