import { cleanLocalized, hasText, LOCALES, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { Stance } from './proposal.ts';

export type CurrentPosition = { stance: Stance; reason: Localized | null; categoryKey: string };
export type PositionInput = { stance: Stance; reason: Localized | null };

/** One step of a tally: a category's count for a stance goes up or down by one. */
export type TallyDelta = { categoryKey: string; stance: Stance; delta: 1 | -1 };

export type PositionDecision = {
  stance: Stance;
  reason: Localized | null;
  /** "Cannot live with it" with a (new) reason: the reason becomes an objection. */
  raisesObjection: boolean;
  /** A new objection or a move towards "cannot live with it": someone is arguing. */
  argument: boolean;
  deltas: TallyDelta[];
};

export type PositionRefusal = 'reason-required' | 'unchanged';

const sameText = (a: Localized | null, b: Localized | null) => LOCALES.every((l) => (a?.[l] ?? '') === (b?.[l] ?? ''));

/**
 * A member takes or changes a position. Positions can change until the call
 * closes; the earlier ones stay in the record. The category is the one the
 * person has chosen now: the tally moves with them. `restating`: the same
 * position said again somewhere new (a sense of the room) is recorded there.
 */
export function decidePosition(
  current: CurrentPosition | null,
  input: PositionInput,
  categoryKey: string,
  opts: { restating?: boolean } = {},
): Result<PositionDecision, PositionRefusal> {
  const reason = input.reason ? cleanLocalized(input.reason) : null;
  const hasReason = !!reason && LOCALES.some((l) => hasText(reason, l));
  if (input.stance === 'cannot' && !hasReason) return refuse('reason-required');
  const kept = hasReason ? reason : null;
  if (current && current.stance === input.stance && current.categoryKey === categoryKey && sameText(current.reason, kept)) {
    // Saying the same again in a sense of the room counts there: a new row, nothing else moves (no tally, no objection, no argument).
    if (opts.restating) return ok({ stance: input.stance, reason: kept, raisesObjection: false, argument: false, deltas: [] });
    return refuse('unchanged');
  }
  const raisesObjection = input.stance === 'cannot' && (current?.stance !== 'cannot' || !sameText(current.reason, kept));
  const deltas: TallyDelta[] = [];
  if (!current || current.stance !== input.stance || current.categoryKey !== categoryKey) {
    if (current) deltas.push({ categoryKey: current.categoryKey, stance: current.stance, delta: -1 });
    deltas.push({ categoryKey, stance: input.stance, delta: 1 });
  }
  return ok({ stance: input.stance, reason: kept, raisesObjection, argument: raisesObjection, deltas });
}
