import type { Localized } from '../../../kernel/localized.ts';
import type { Tally } from './criteria.ts';
import { isOpenForPositions, type ProposalStatus, type Stance, type Where } from './proposal.ts';

/**
 * The sense of the room: in a meeting, the facilitator asks the people there
 * where they stand on one proposal. It is never a vote: the positions are the
 * same positions the criteria are evaluated from, taken in the room.
 */
export type RoomSense = {
  id: number;
  meetingId: number;
  proposalId: number;
  agendaItemId: number | null;
  openedAt: Date;
  closedAt: Date | null;
};

export type SenseAction = 'open' | 'close' | 'record-for-others';

export type SenseRefusal = 'not-signed-in' | 'not-facilitator' | 'meeting-not-live' | 'already-open' | 'not-open' | 'proposal-not-open' | 'other-body' | 'unknown-item';

/** What the command knows when the facilitator acts on the sense of the room. */
export type SenseSituation = {
  signedIn: boolean;
  /** Facilitator of the meeting's body, or a convener. */
  facilitator: boolean;
  meetingLive: boolean;
  open: RoomSense | null;
  /** For "open": the proposal picked, and whether it belongs to the meeting's body. */
  proposal?: { status: ProposalStatus; sameBody: boolean } | null;
  /** For "open": the agenda item named, if any, is one of this meeting's. */
  itemKnown?: boolean;
};

/** Why the facilitator may not do `action` now, or null. Only the facilitator opens, closes, and records for others. */
export function senseRefusal(action: SenseAction, s: SenseSituation): SenseRefusal | null {
  if (!s.signedIn) return 'not-signed-in';
  if (!s.facilitator) return 'not-facilitator';
  if (!s.meetingLive) return 'meeting-not-live';
  switch (action) {
    case 'open':
      if (s.open) return 'already-open';
      if (!s.proposal || !s.proposal.sameBody) return 'other-body';
      if (!isOpenForPositions(s.proposal.status)) return 'proposal-not-open';
      if (s.itemKnown === false) return 'unknown-item';
      return null;
    case 'close':
    case 'record-for-others':
      return s.open ? null : 'not-open';
  }
}

/** Where a position taken in the room was taken: the meeting, and the agenda item under discussion. */
export function senseWhere(meeting: { id: number; title: Localized }, item: { id: number; title: Localized } | null): Where {
  const name = (t: Localized) => t.en ?? t.fr ?? '';
  return {
    kind: 'meeting',
    label: item ? `${name(meeting.title)} — ${name(item.title)}` : name(meeting.title),
    url: null,
    meetingId: meeting.id,
    agendaItemId: item?.id ?? null,
  };
}

export type SenseRow = { stance: Stance; categoryKey: string; n: number };
export type SenseCategory = Tally & { categoryKey: string; total: number };
export type SenseTally = { total: number; stances: Tally; categories: SenseCategory[] };

const FIELD: Record<Stance, keyof Tally> = { agree: 'agree', 'can-live': 'canLive', cannot: 'cannot' };

/**
 * The room's figures: by stance and by stakeholder category, every category
 * of the process shown (an empty one says as much), then any other the rows
 * name. Nobody is weighed: one position, one count.
 */
export function senseTally(rows: readonly SenseRow[], categoryOrder: readonly string[]): SenseTally {
  const zero = (categoryKey: string): SenseCategory => ({ categoryKey, agree: 0, canLive: 0, cannot: 0, total: 0 });
  const byKey = new Map<string, SenseCategory>(categoryOrder.map((k) => [k, zero(k)]));
  const stances: Tally = { agree: 0, canLive: 0, cannot: 0 };
  let total = 0;
  for (const r of rows) {
    if (r.n <= 0) continue;
    const c = byKey.get(r.categoryKey) ?? byKey.set(r.categoryKey, zero(r.categoryKey)).get(r.categoryKey)!;
    c[FIELD[r.stance]] += r.n;
    c.total += r.n;
    stances[FIELD[r.stance]] += r.n;
    total += r.n;
  }
  return { total, stances, categories: [...byKey.values()] };
}
