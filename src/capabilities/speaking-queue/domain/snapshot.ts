import { heardByCategory, orderQueue, type Why } from './order.ts';
import { onFloor, type Entry, type EntrySource, type OrderPolicy, type Queue, type Speech } from './queue.ts';

/** A declaration of interests as the room shows it: null when none was made. */
export type RoomDeclaration = { hasInterests: boolean; text: string | null } | null;

type Person = { e: number; p: number; n: string; c: string; co: string | null; src: EntrySource; d: RoomDeclaration };

/**
 * The speaker queue as every open live room receives it (event "queue"). It
 * is the whole public state, not a change: a client that missed events
 * needs only the latest. Kept compact (short keys, no markup): the same bytes
 * go to thousands of clients, and each page words it in its own language.
 */
export type QueueSnapshot = {
  v: number;
  open: boolean;
  policy: OrderPolicy;
  limit: number | null;
  floor: (Person & { since: number }) | null;
  queue: Array<Person & { why: Why }>;
  /** Speaking time (seconds) and turns per category in finished turns. */
  heard: Record<string, [number, number]>;
};

const person = (e: Entry, declaration: (participantId: number) => RoomDeclaration): Person => ({
  e: e.id!,
  p: e.participantId,
  n: e.displayName,
  c: e.categoryKey,
  co: e.categoryOther,
  src: e.source,
  d: declaration(e.participantId),
});

export function queueSnapshot(q: Queue, speeches: readonly Speech[], declaration: (participantId: number) => RoomDeclaration): QueueSnapshot {
  const floor = onFloor(q);
  return {
    v: q.version,
    open: q.open,
    policy: q.policy,
    limit: q.timeLimitSeconds,
    floor: floor && q.floorSince ? { ...person(floor, declaration), since: q.floorSince.getTime() } : null,
    queue: orderQueue(q.entries, speeches, q.policy).map((p) => ({ ...person(p.entry, declaration), why: p.why })),
    heard: Object.fromEntries([...heardByCategory(speeches)].map(([k, v]) => [k, [v.seconds, v.turns]])),
  };
}

/** Participants whose declarations the snapshot shows. */
export function peopleInRoom(q: Queue): number[] {
  return q.entries.filter((e) => e.status === 'waiting' || e.status === 'speaking').map((e) => e.participantId);
}
