import type { DomainEvent } from '../../../kernel/events.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { orderQueue } from './order.ts';
import {
  onFloor,
  POLICIES,
  REASON_MAX,
  TIME_LIMIT_MAX,
  TIME_LIMIT_MIN,
  turnLength,
  type Entry,
  type EntrySource,
  type OrderPolicy,
  type Queue,
  type Speaker,
  type Speech,
} from './queue.ts';

/** The meeting as the queue sees it. */
export type RoomState = {
  /** The meeting is in progress (started, not ended). */
  live: boolean;
  /** The agenda item under discussion now. */
  currentItemId: number | null;
  /** The turns already taken in this meeting. */
  speeches: readonly Speech[];
};

export type StateRefusal =
  | 'meeting-not-live'
  | 'queue-closed'
  | 'already-waiting'
  | 'has-floor'
  | 'not-waiting'
  | 'queue-empty'
  | 'no-floor'
  | 'reason-required'
  | 'reason-too-long'
  | 'bad-time-limit'
  | 'unknown-policy'
  | 'unchanged';

/** What a change decided: the new queue (with any entry it closed), a finished turn to log, and audit events. */
export type Decision = { queue: Queue; speech: Speech | null; events: DomainEvent[] };

const event = (q: Queue, action: string, data: Record<string, unknown> = {}): DomainEvent => ({ action, subjectType: 'meeting', subjectId: String(q.meetingId), data });
// `label` is what the public activity log shows beside the action.
const who = (e: Speaker) => ({ participantId: e.participantId, who: e.displayName, category: e.categoryKey, label: e.displayName });
const bump = (q: Queue, changes: Partial<Queue>): Queue => ({ ...q, ...changes, version: q.version + 1 });
const withEntry = (q: Queue, entry: Entry, changes: Partial<Entry>): Entry[] => q.entries.map((e) => (e === entry ? { ...e, ...changes } : e));

/** Ends the current turn, if any: the speaker's entry is done and the turn goes to the log. */
function closeFloor(q: Queue, now: Date): { queue: Queue; speech: Speech | null; events: DomainEvent[] } {
  const speaker = onFloor(q);
  if (!speaker || !q.floorSince) return { queue: { ...q, floorEntryId: null, floorSince: null, floorItemId: null }, speech: null, events: [] };
  const { endedAt, seconds } = turnLength(q.floorSince, now);
  const speech: Speech = {
    participantId: speaker.participantId,
    displayName: speaker.displayName,
    categoryKey: speaker.categoryKey,
    categoryOther: speaker.categoryOther,
    entryId: speaker.id!,
    agendaItemId: q.floorItemId,
    source: speaker.source,
    startedAt: q.floorSince,
    endedAt,
    seconds,
    timeLimitSeconds: q.timeLimitSeconds,
  };
  const queue = { ...q, entries: withEntry(q, speaker, { status: 'spoke' }), floorEntryId: null, floorSince: null, floorItemId: null };
  return { queue, speech, events: [event(q, 'queue.turn-ended', { ...who(speaker), seconds })] };
}

function checkReason(reason: string | null): 'reason-required' | 'reason-too-long' | null {
  const r = reason?.trim() ?? '';
  if (!r) return 'reason-required';
  return r.length > REASON_MAX ? 'reason-too-long' : null;
}

/** A participant raises their hand online, or the facilitator adds a hand raised in the room. */
export function raiseHand(q: Queue, room: RoomState, speaker: Speaker, source: EntrySource, now: Date): Result<Decision, StateRefusal> {
  if (!room.live) return refuse('meeting-not-live');
  if (!q.open) return refuse('queue-closed');
  const active = q.entries.find((e) => e.participantId === speaker.participantId && (e.status === 'waiting' || e.status === 'speaking'));
  if (active) return refuse(active.status === 'speaking' ? 'has-floor' : 'already-waiting');
  const entry: Entry = { ...speaker, id: null, seq: q.nextSeq, source, raisedAt: now, status: 'waiting', movedRank: null, movedReason: null };
  const queue = bump(q, { nextSeq: q.nextSeq + 1, entries: [...q.entries, entry] });
  return ok({ queue, speech: null, events: [event(q, source === 'in-room' ? 'queue.hand-added' : 'queue.hand-raised', { ...who(speaker), seq: entry.seq })] });
}

/** The person lowers their own hand. */
export function lowerHand(q: Queue, room: RoomState, participantId: number): Result<Decision, StateRefusal> {
  if (!room.live) return refuse('meeting-not-live');
  const entry = q.entries.find((e) => e.participantId === participantId && e.status === 'waiting');
  if (!entry) return refuse('not-waiting');
  return ok({ queue: bump(q, { entries: withEntry(q, entry, { status: 'lowered' }) }), speech: null, events: [event(q, 'queue.hand-lowered', who(entry))] });
}

/** The facilitator takes a hand out of the queue (say, raised by mistake in the room). */
export function removeHand(q: Queue, room: RoomState, entryId: number): Result<Decision, StateRefusal> {
  if (!room.live) return refuse('meeting-not-live');
  const entry = q.entries.find((e) => e.id === entryId && e.status === 'waiting');
  if (!entry) return refuse('not-waiting');
  return ok({ queue: bump(q, { entries: withEntry(q, entry, { status: 'removed' }) }), speech: null, events: [event(q, 'queue.hand-removed', who(entry))] });
}

/**
 * The facilitator gives the floor: to the next in order, or to someone else
 * with a reason, which is logged. The current turn, if any, ends first.
 */
export function giveFloor(q: Queue, room: RoomState, input: { entryId: number | null; reason: string | null }, now: Date): Result<Decision, StateRefusal> {
  if (!room.live) return refuse('meeting-not-live');
  const order = orderQueue(q.entries, room.speeches, q.policy);
  if (order.length === 0) return refuse('queue-empty');
  const target = input.entryId === null ? order[0]! : order.find((p) => p.entry.id === input.entryId);
  if (!target) return refuse('not-waiting');
  const outOfOrder = target !== order[0];
  if (outOfOrder) {
    const problem = checkReason(input.reason);
    if (problem) return refuse(problem);
  }
  const closed = closeFloor(q, now);
  const next = closed.queue;
  const entry = next.entries.find((e) => e.id === target.entry.id)!;
  const queue = bump(next, { entries: withEntry(next, entry, { status: 'speaking' }), floorEntryId: entry.id, floorSince: now, floorItemId: room.currentItemId });
  const events = [...closed.events, event(q, 'queue.floor-given', { ...who(entry), ...(outOfOrder ? { reason: input.reason!.trim() } : {}) })];
  if (outOfOrder)
    events.push(
      event(q, 'queue.override', { ...who(entry), reason: input.reason!.trim(), skipped: who(order[0]!.entry), label: `${entry.displayName} — ${input.reason!.trim()}` }),
    );
  return ok({ queue, speech: closed.speech, events });
}

/** The facilitator ends the current turn without calling anyone yet. */
export function endTurn(q: Queue, room: RoomState, now: Date): Result<Decision, StateRefusal> {
  if (!room.live) return refuse('meeting-not-live');
  if (!onFloor(q)) return refuse('no-floor');
  const closed = closeFloor(q, now);
  return ok({ queue: bump(closed.queue, {}), speech: closed.speech, events: closed.events });
}

/** The facilitator moves a hand to the front, with a reason everyone sees. */
export function moveUp(q: Queue, room: RoomState, entryId: number, reason: string | null): Result<Decision, StateRefusal> {
  if (!room.live) return refuse('meeting-not-live');
  const order = orderQueue(q.entries, room.speeches, q.policy);
  const target = order.find((p) => p.entry.id === entryId);
  if (!target) return refuse('not-waiting');
  if (target === order[0]) return refuse('unchanged');
  const problem = checkReason(reason);
  if (problem) return refuse(problem);
  const ranks = q.entries.filter((e) => e.status === 'waiting' && e.movedRank !== null).map((e) => e.movedRank!);
  const rank = ranks.length ? Math.min(...ranks) - 1 : 0;
  const queue = bump(q, { entries: withEntry(q, target.entry, { movedRank: rank, movedReason: reason!.trim() }) });
  return ok({
    queue,
    speech: null,
    events: [event(q, 'queue.override', { ...who(target.entry), reason: reason!.trim(), moved: true, label: `${target.entry.displayName} — ${reason!.trim()}` })],
  });
}

export function setTimeLimit(q: Queue, room: Pick<RoomState, 'live'> & { ended: boolean }, seconds: number | null): Result<Decision, StateRefusal> {
  if (room.ended) return refuse('meeting-not-live');
  if (seconds !== null && (!Number.isInteger(seconds) || seconds < TIME_LIMIT_MIN || seconds > TIME_LIMIT_MAX)) return refuse('bad-time-limit');
  if (seconds === q.timeLimitSeconds) return refuse('unchanged');
  return ok({ queue: bump(q, { timeLimitSeconds: seconds }), speech: null, events: [event(q, 'queue.time-limit-set', { seconds })] });
}

export function setPolicy(q: Queue, room: { ended: boolean }, policy: string): Result<Decision, StateRefusal> {
  if (room.ended) return refuse('meeting-not-live');
  if (!POLICIES.includes(policy as OrderPolicy)) return refuse('unknown-policy');
  if (policy === q.policy) return refuse('unchanged');
  return ok({ queue: bump(q, { policy: policy as OrderPolicy }), speech: null, events: [event(q, 'queue.policy-set', { policy })] });
}

/** Opening takes a meeting in progress; closing stops new hands, and those already waiting are still heard. */
export function setOpen(q: Queue, room: RoomState, open: boolean): Result<Decision, StateRefusal> {
  if (!room.live) return refuse('meeting-not-live');
  if (q.open === open) return refuse('unchanged');
  return ok({ queue: bump(q, { open }), speech: null, events: [event(q, open ? 'queue.opened' : 'queue.closed')] });
}

/**
 * The meeting ends: the current turn is logged, the queue closes, and hands
 * still waiting are recorded as not heard (named in the log, so the minutes
 * can say who did not get the floor).
 */
export function closeForMeetingEnd(q: Queue, now: Date): Decision {
  const closed = closeFloor(q, now);
  const left = closed.queue.entries.filter((e) => e.status === 'waiting');
  const entries = closed.queue.entries.map((e) => (e.status === 'waiting' ? { ...e, status: 'unheard' as const } : e));
  const events = [...closed.events];
  if (left.length) events.push(event(q, 'queue.unheard', { people: left.map(who), label: left.map((e) => e.displayName).join(', ') }));
  return { queue: bump(closed.queue, { entries, open: false }), speech: closed.speech, events };
}
