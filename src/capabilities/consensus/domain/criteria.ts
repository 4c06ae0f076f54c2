import type { ObjectionCounts, Stance } from './proposal.ts';

/** The process's own definition of "almost none" and of the quiet period (PROCESS.md § Consensus). */
export type ConsensusSettings = { quietPeriodHours: number; almostNonePercent: number; almostNoneMax: number };

export type Tally = { agree: number; canLive: number; cannot: number };
export type CategoryTally = Tally & { categoryKey: string };

/**
 * What the criteria are evaluated from: aggregate figures, kept up to date
 * with every position and objection, never a reload of every position.
 */
export type CriteriaInput = {
  tallies: readonly CategoryTally[];
  objections: ObjectionCounts;
  /** The last new objection or change towards "cannot live with it". */
  lastArgumentAt: Date | null;
  /** When the current deliberation opened: the consensus call if there is one, else the discussion. */
  openedAt: Date | null;
  /** A call made in a meeting ends its quiet period with the meeting. */
  meetingEndsAt: Date | null;
  settings: ConsensusSettings;
  /** The process's categories, for the order of the breakdown. */
  categoryOrder?: readonly string[];
};

export type CriterionKey = 'quiet' | 'dissentDiscussed' | 'support';
export type Outcome = 'consensus' | 'no-consensus' | 'pending';

export type QuietCriterion = {
  met: boolean;
  quietPeriodHours: number;
  openedAt: string | null;
  lastArgumentAt: string | null;
  /** When the quiet period ends (or ended), if the deliberation is open. */
  quietUntil: string | null;
  inMeeting: boolean;
  meetingEndsAt: string | null;
  periodElapsed: boolean;
  openObjections: number;
};

export type DissentCriterion = { met: boolean; total: number; open: number; discussed: number; standing: number; withdrawn: number };

export type SupportCriterion = {
  met: boolean;
  positions: number;
  agree: number;
  canLive: number;
  cannot: number;
  /** More than half of the positions agree. */
  majority: boolean;
  /** The most "cannot live with it" positions "almost none" allows here. */
  cannotAllowed: number;
  almostNonePercent: number;
  almostNoneMax: number;
};

export type CategoryBreakdown = Tally & { categoryKey: string; total: number; flagged: boolean };

export type Evaluation = {
  criteria: { quiet: QuietCriterion; dissentDiscussed: DissentCriterion; support: SupportCriterion };
  categories: CategoryBreakdown[];
  flaggedCategories: string[];
  outcome: Outcome;
  unmet: CriterionKey[];
  settings: ConsensusSettings;
  evaluatedAt: string;
};

const HOUR = 3600_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The three criteria the participants defined, for a proposal at `now`:
 * 1. no one is arguing anymore, 2. all dissenting views have been discussed,
 * 3. a majority agrees, the rest can live with it, none or almost none cannot.
 *
 * Every position counts the same: the input has counts, not people, so no role
 * or category can weigh more. The breakdown by category only flags a category
 * where most cannot live with the proposal; it never changes the outcome.
 */
export function evaluate(input: CriteriaInput, now: Date): Evaluation {
  const { settings, objections } = input;

  // 1. No one is arguing anymore.
  let quietUntil: Date | null = null;
  const inMeeting = input.meetingEndsAt !== null;
  if (input.openedAt) {
    const argued = input.lastArgumentAt !== null && input.lastArgumentAt.getTime() > input.openedAt.getTime();
    const from = argued ? input.lastArgumentAt! : input.openedAt;
    const afterPeriod = new Date(from.getTime() + settings.quietPeriodHours * HOUR);
    // In a meeting the call's quiet period is the rest of the meeting, unless someone argues after the call.
    if (input.meetingEndsAt) quietUntil = argued ? new Date(Math.max(afterPeriod.getTime(), input.meetingEndsAt.getTime())) : input.meetingEndsAt;
    else quietUntil = afterPeriod;
  }
  const periodElapsed = quietUntil !== null && now.getTime() >= quietUntil.getTime();
  const quiet: QuietCriterion = {
    met: periodElapsed && objections.open === 0,
    quietPeriodHours: settings.quietPeriodHours,
    openedAt: iso(input.openedAt),
    lastArgumentAt: iso(input.lastArgumentAt),
    quietUntil: iso(quietUntil),
    inMeeting,
    meetingEndsAt: iso(input.meetingEndsAt),
    periodElapsed,
    openObjections: objections.open,
  };

  // 2. All dissenting views have been discussed.
  const dissentDiscussed: DissentCriterion = {
    met: objections.open === 0,
    total: objections.open + objections.discussed + objections.standing + objections.withdrawn,
    ...objections,
  };

  // 3. The majority agrees, a few can live with it, none or almost none cannot.
  const byCategory = new Map<string, Tally>();
  for (const t of input.tallies) {
    const c = byCategory.get(t.categoryKey) ?? { agree: 0, canLive: 0, cannot: 0 };
    byCategory.set(t.categoryKey, { agree: c.agree + t.agree, canLive: c.canLive + t.canLive, cannot: c.cannot + t.cannot });
  }
  let agree = 0;
  let canLive = 0;
  let cannot = 0;
  for (const t of byCategory.values()) {
    agree += t.agree;
    canLive += t.canLive;
    cannot += t.cannot;
  }
  const positions = agree + canLive + cannot;
  // Integer arithmetic: exactly at the percentage is within it.
  const cannotAllowed = Math.min(settings.almostNoneMax, Math.floor((positions * settings.almostNonePercent) / 100));
  const majority = agree * 2 > positions;
  const support: SupportCriterion = {
    met: positions > 0 && majority && cannot <= cannotAllowed,
    positions,
    agree,
    canLive,
    cannot,
    majority,
    cannotAllowed,
    almostNonePercent: settings.almostNonePercent,
    almostNoneMax: settings.almostNoneMax,
  };

  // Views matter more than numbers: a category where most cannot live with it is flagged.
  const order = [...(input.categoryOrder ?? [])];
  for (const k of [...byCategory.keys()].sort()) if (!order.includes(k)) order.push(k);
  const categories: CategoryBreakdown[] = order
    .filter((k) => byCategory.has(k))
    .map((k) => {
      const t = byCategory.get(k)!;
      const total = t.agree + t.canLive + t.cannot;
      return { categoryKey: k, ...t, total, flagged: total > 0 && t.cannot * 2 > total };
    })
    .filter((c) => c.total > 0);

  const unmet: CriterionKey[] = [];
  if (!quiet.met) unmet.push('quiet');
  if (!dissentDiscussed.met) unmet.push('dissentDiscussed');
  if (!support.met) unmet.push('support');
  // The room is quiet and every view discussed, yet support is lacking: that is an answer, not a wait.
  const outcome: Outcome = unmet.length === 0 ? 'consensus' : quiet.met && dissentDiscussed.met && positions > 0 ? 'no-consensus' : 'pending';

  return {
    criteria: { quiet, dissentDiscussed, support },
    categories,
    flaggedCategories: categories.filter((c) => c.flagged).map((c) => c.categoryKey),
    outcome,
    unmet,
    settings: { ...settings },
    evaluatedAt: now.toISOString(),
  };
}

/** A position as the record keeps it (one row per position ever taken). */
export type RecordedPosition = { participantId: number; stance: Stance; categoryKey: string; takenAt: Date; superseded: boolean };
export type RecordedObjection = { status: keyof ObjectionCounts; raisedAt: Date };

/**
 * The aggregates from the full record, the slow way. The database keeps the
 * same figures incrementally; this is the reference they are checked against.
 */
export function aggregate(
  history: readonly RecordedPosition[],
  objections: readonly RecordedObjection[],
): { tallies: CategoryTally[]; objections: ObjectionCounts; lastArgumentAt: Date | null } {
  const tallies = new Map<string, CategoryTally>();
  let last: Date | null = null;
  const later = (d: Date) => {
    if (!last || d.getTime() > last.getTime()) last = d;
  };
  const previous = new Map<number, Stance>();
  const sorted = [...history].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  for (const p of sorted) {
    if (p.stance === 'cannot' && previous.get(p.participantId) !== 'cannot') later(p.takenAt);
    previous.set(p.participantId, p.stance);
    if (p.superseded) continue;
    const t = tallies.get(p.categoryKey) ?? { categoryKey: p.categoryKey, agree: 0, canLive: 0, cannot: 0 };
    if (p.stance === 'agree') t.agree++;
    else if (p.stance === 'can-live') t.canLive++;
    else t.cannot++;
    tallies.set(p.categoryKey, t);
  }
  const counts: ObjectionCounts = { open: 0, discussed: 0, standing: 0, withdrawn: 0 };
  for (const o of objections) {
    counts[o.status]++;
    later(o.raisedAt);
  }
  return { tallies: [...tallies.values()], objections: counts, lastArgumentAt: last };
}

/** The criteria's input for a proposal, from the aggregates kept with it. */
export function inputFor(
  p: { status: string; discussionOpenedAt: Date | null; callOpenedAt: Date | null; callEndsAt: Date | null; lastArgumentAt: Date | null; objections: ObjectionCounts },
  tallies: readonly CategoryTally[],
  settings: ConsensusSettings,
  categoryOrder: readonly string[],
): CriteriaInput {
  return {
    tallies,
    objections: p.objections,
    lastArgumentAt: p.lastArgumentAt,
    openedAt: p.status === 'drafting' ? null : (p.callOpenedAt ?? p.discussionOpenedAt),
    meetingEndsAt: p.callOpenedAt && p.callEndsAt ? p.callEndsAt : null,
    settings,
    categoryOrder,
  };
}
