import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { chairs, liveRowOf, meetingAccess, type Meeting, type MeetingHooks } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import { closeSense, lockSensesOf, openSenseOf } from '../db/sense.ts';
import { senseRefusal, type SenseRefusal } from '../domain/sense.ts';
import { announceSense } from './announce-sense.ts';

async function close(trx: Db, process: Process, meetingId: number, actor: Actor, now: Date): Promise<number | null> {
  const open = await openSenseOf(trx, meetingId);
  if (!open) return null;
  await closeSense(trx, open.id, now);
  await appendEvents(
    trx,
    process.id,
    actor,
    [{ action: 'proposal.sense-closed', subjectType: 'proposal', subjectId: String(open.proposalId), data: { senseId: open.id, meetingId } }],
    now,
  );
  return announceSense(trx, process, meetingId);
}

/** The facilitator closes the sense of the room; its figures stay on the room's page and in the record. */
export async function closeSenseOfRoom(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
): Promise<Result<{ eventId: number }, SenseRefusal>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    await lockSensesOf(trx, meeting.id);
    const [row, open] = await Promise.all([liveRowOf(trx, meeting.id), openSenseOf(trx, meeting.id)]);
    const problem = senseRefusal('close', { signedIn: access.signedIn, facilitator: chairs(access), meetingLive: row.status === 'in-progress', open });
    if (problem) return refuse(problem);
    return ok({ eventId: (await close(trx, process, meeting.id, actor, deps.clock.now()))! });
  });
}

/** A meeting that ends closes its sense of the room, in the same transaction. */
export const senseHooks: MeetingHooks = {
  async onMeetingEnded(trx, { process, meeting, actor, now }) {
    await lockSensesOf(trx, meeting.id);
    await close(trx, process, meeting.id, actor, now);
  },
};
