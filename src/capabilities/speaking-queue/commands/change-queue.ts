import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { appendLiveEvent } from '../../../platform/live/event-log.ts';
import { chairs, liveRowOf, meetingAccess, meetingStream, type Meeting } from '../../meetings/index.ts';
import { listParticipants } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import { lockQueue, readQueue, speechesOf } from '../db/queries.ts';
import { saveQueue } from '../db/writes.ts';
import { queuePermission, type PermissionRefusal, type QueueAccess, type QueueAction } from '../domain/permissions.ts';
import { emptyQueue, type Queue, type Speech } from '../domain/queue.ts';
import { peopleInRoom, queueSnapshot } from '../domain/snapshot.ts';
import type { Decision, RoomState } from '../domain/transitions.ts';

export async function queueAccess(db: Db, process: Process, meeting: Pick<Meeting, 'bodyId'>, actor: Actor): Promise<QueueAccess> {
  const a = await meetingAccess(db, process, meeting.bodyId, actor);
  return { signedIn: a.signedIn, participantId: a.participantId, mayTakePart: a.mayTakePart, facilitator: a.signedIn && chairs(a) };
}

export type Room = RoomState & { ended: boolean };

/**
 * Every change to a queue: check who may, then, under the queue's lock,
 * decide, save, log (audit), and append the new public state to the
 * meeting's live stream, all in one transaction. Returns the live event's id.
 */
export async function changeQueue<R extends string>(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
  action: QueueAction,
  decide: (q: Queue, room: Room, access: QueueAccess, trx: Db) => Promise<Result<Decision, R>> | Result<Decision, R>,
): Promise<Result<{ eventId: number }, R | PermissionRefusal>> {
  const access = await queueAccess(deps.db, process, meeting, actor);
  const problem = queuePermission(access, action);
  if (problem) return refuse(problem);
  return transact(deps.db, async (trx) => {
    const q = await lockQueue(trx, meeting.id);
    const m = await liveRowOf(trx, meeting.id);
    const room: Room = {
      live: m.status === 'in-progress',
      ended: m.status === 'ended' || m.status === 'cancelled',
      currentItemId: m.currentItemId,
      speeches: await speechesOf(trx, meeting.id),
    };
    const d = await decide(q, room, access, trx);
    if (!d.ok) return refuse(d.refusal);
    const now = deps.clock.now();
    const saved = await saveQueue(trx, q, d.value.queue, d.value.speech, actor.kind === 'user' ? actor.userId : null, now);
    await appendEvents(trx, process.id, actor, d.value.events, now);
    // The new state is in hand: announce it without reading it back.
    const speeches = d.value.speech ? [...room.speeches, d.value.speech] : room.speeches;
    return ok({ eventId: await announceQueue(trx, process.id, meeting.id, { queue: active(saved), speeches }) });
  });
}

const active = (q: Queue): Queue => ({ ...q, entries: q.entries.filter((e) => e.status === 'waiting' || e.status === 'speaking') });

/** Appends the queue's public state (event "queue") to the meeting's live stream, in the caller's transaction. */
export async function announceQueue(trx: Db, processId: number, meetingId: number, known?: { queue: Queue; speeches: readonly Speech[] }): Promise<number> {
  const q = known?.queue ?? (await readQueue(trx, meetingId)) ?? emptyQueue(meetingId);
  const speeches = known?.speeches ?? (await speechesOf(trx, meetingId));
  const people = await listParticipants(trx, processId, peopleInRoom(q));
  const declarations = new Map(people.map((p) => [p.id, p.declaration]));
  const snapshot = queueSnapshot(q, speeches, (pid) => {
    const d = declarations.get(pid);
    return d ? { hasInterests: d.hasInterests, text: d.text } : null;
  });
  return appendLiveEvent(trx, meetingStream(meetingId), 'queue', snapshot);
}
