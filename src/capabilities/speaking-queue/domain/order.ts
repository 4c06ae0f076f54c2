import type { Entry, OrderPolicy, Speech } from './queue.ts';

/** Why a person stands where they do in the queue; the view words it. */
export type Why =
  | { k: 'moved'; reason: string }
  | { k: 'order'; seq: number }
  | { k: 'first-time' }
  | { k: 'spoken'; times: number }
  | { k: 'balanced'; category: string; turns: number; round: number };

export type Placed = { entry: Entry; why: Why };

/** Seconds of speaking time and turns per stakeholder category in finished turns. */
export function heardByCategory(speeches: readonly Pick<Speech, 'categoryKey' | 'seconds'>[]): Map<string, { seconds: number; turns: number }> {
  const out = new Map<string, { seconds: number; turns: number }>();
  for (const s of speeches) {
    const x = out.get(s.categoryKey) ?? { seconds: 0, turns: 0 };
    x.seconds += s.seconds;
    x.turns += 1;
    out.set(s.categoryKey, x);
  }
  return out;
}

/**
 * The waiting hands in the order the facilitator will call them, each with
 * its reason. Hands the facilitator moved up come first (their reason is
 * shown); the rest follow the meeting's policy:
 *
 * - fifo: in the order hands were raised;
 * - first-time: people who have not spoken yet in this meeting first, each
 *   group in the order raised;
 * - balanced: categories heard least so far go first. "Heard" counts turns
 *   (the one under way included), so the order does not shift while someone
 *   speaks: what the queue shows is what "next" does. The n-th person waiting
 *   from a category would be its (turns + n)-th turn; lowest first, ties to
 *   the earlier hand. Categories therefore take turns.
 *
 * A turn under way counts as taken, for every policy.
 */
export function orderQueue(entries: readonly Entry[], speeches: readonly Speech[], policy: OrderPolicy): Placed[] {
  const hands = entries.filter((e) => e.status === 'waiting').sort((a, b) => a.seq - b.seq);
  const speaking = entries.filter((e) => e.status === 'speaking');
  const moved = hands.filter((e) => e.movedRank !== null).sort((a, b) => a.movedRank! - b.movedRank! || a.seq - b.seq);
  const rest = hands.filter((e) => e.movedRank === null);
  const placed: Placed[] = moved.map((entry) => ({ entry, why: { k: 'moved', reason: entry.movedReason ?? '' } }));
  switch (policy) {
    case 'fifo':
      for (const entry of rest) placed.push({ entry, why: { k: 'order', seq: entry.seq } });
      break;
    case 'first-time': {
      const turns = new Map<number, number>();
      for (const s of [...speeches, ...speaking]) turns.set(s.participantId, (turns.get(s.participantId) ?? 0) + 1);
      const fresh = rest.filter((e) => !turns.has(e.participantId));
      const again = rest.filter((e) => turns.has(e.participantId));
      for (const entry of fresh) placed.push({ entry, why: { k: 'first-time' } });
      for (const entry of again) placed.push({ entry, why: { k: 'spoken', times: turns.get(entry.participantId)! } });
      break;
    }
    case 'balanced': {
      const turns = new Map<string, number>();
      for (const s of [...speeches, ...speaking]) turns.set(s.categoryKey, (turns.get(s.categoryKey) ?? 0) + 1);
      const round = new Map<Entry, number>();
      const seen = new Map<string, number>();
      for (const e of rest) {
        const r = (seen.get(e.categoryKey) ?? 0) + 1;
        seen.set(e.categoryKey, r);
        round.set(e, r);
      }
      const projected = (e: Entry) => (turns.get(e.categoryKey) ?? 0) + round.get(e)!;
      const sorted = [...rest].sort((a, b) => projected(a) - projected(b) || a.seq - b.seq);
      for (const entry of sorted) placed.push({ entry, why: { k: 'balanced', category: entry.categoryKey, turns: turns.get(entry.categoryKey) ?? 0, round: round.get(entry)! } });
      break;
    }
  }
  return placed;
}

/** Share of speaking time per category, every category listed (government is one row among others). */
export type ShareRow = { key: string; seconds: number; turns: number; share: number };

export function speakingShare(speeches: readonly Pick<Speech, 'categoryKey' | 'seconds'>[], categoryKeys: readonly string[]): { totalSeconds: number; rows: ShareRow[] } {
  const heard = heardByCategory(speeches);
  const total = speeches.reduce((n, s) => n + s.seconds, 0);
  const keys = [...categoryKeys, ...[...heard.keys()].filter((k) => !categoryKeys.includes(k))];
  return {
    totalSeconds: total,
    rows: keys.map((key) => {
      const x = heard.get(key) ?? { seconds: 0, turns: 0 };
      return { key, seconds: x.seconds, turns: x.turns, share: total ? x.seconds / total : 0 };
    }),
  };
}
