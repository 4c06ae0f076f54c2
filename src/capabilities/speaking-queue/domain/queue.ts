/** How the waiting hands are ordered; chosen per meeting and shown to everyone. */
export type OrderPolicy = 'fifo' | 'first-time' | 'balanced';
export const POLICIES: readonly OrderPolicy[] = ['fifo', 'first-time', 'balanced'];

export type EntrySource = 'online' | 'in-room';
/** waiting → speaking → spoke; or lowered (by the person), removed (by the facilitator), unheard (the meeting ended first). */
export type EntryStatus = 'waiting' | 'speaking' | 'spoke' | 'lowered' | 'removed' | 'unheard';

/** Who a hand belongs to, as they self-identified. */
export type Speaker = { participantId: number; displayName: string; categoryKey: string; categoryOther: string | null };

export type Entry = Speaker & {
  /** null until saved. */
  id: number | null;
  /** Order of raised hands, given under the queue's lock: no clock decides it. */
  seq: number;
  source: EntrySource;
  raisedAt: Date;
  status: EntryStatus;
  /** Set when the facilitator moved this hand up; lower ranks go first. */
  movedRank: number | null;
  movedReason: string | null;
};

export type Queue = {
  meetingId: number;
  open: boolean;
  policy: OrderPolicy;
  nextSeq: number;
  floorEntryId: number | null;
  floorSince: Date | null;
  /** The agenda item current when the floor was given: the turn is logged under it. */
  floorItemId: number | null;
  timeLimitSeconds: number | null;
  version: number;
  /** The hands still in play (waiting or speaking), plus any this decision closed. */
  entries: Entry[];
};

/** A finished turn, as the speaker log keeps it. */
export type Speech = Speaker & {
  entryId: number;
  agendaItemId: number | null;
  source: EntrySource;
  startedAt: Date;
  endedAt: Date;
  seconds: number;
  timeLimitSeconds: number | null;
};

export const TIME_LIMIT_MIN = 15;
export const TIME_LIMIT_MAX = 3600;
export const REASON_MAX = 300;

export function emptyQueue(meetingId: number): Queue {
  return { meetingId, open: false, policy: 'fifo', nextSeq: 1, floorEntryId: null, floorSince: null, floorItemId: null, timeLimitSeconds: null, version: 0, entries: [] };
}

export const waiting = (q: Pick<Queue, 'entries'>): Entry[] => q.entries.filter((e) => e.status === 'waiting');
export const onFloor = (q: Pick<Queue, 'entries' | 'floorEntryId'>): Entry | null =>
  q.floorEntryId === null ? null : (q.entries.find((e) => e.id === q.floorEntryId && e.status === 'speaking') ?? null);

/**
 * A turn's length. Two servers' clocks may disagree by a little: a turn never
 * lasts less than nothing, and never ends before it began.
 */
export function turnLength(since: Date, now: Date): { endedAt: Date; seconds: number } {
  const ms = now.getTime() - since.getTime();
  return ms <= 0 ? { endedAt: new Date(since.getTime()), seconds: 0 } : { endedAt: now, seconds: Math.round(ms / 1000) };
}
