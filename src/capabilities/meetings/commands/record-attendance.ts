import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { listParticipants } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import { attendanceOf, lockMeeting } from '../db/queries.ts';
import { markAttendance } from '../db/writes.ts';
import { attendanceChanges, checkAttendance, type AttendanceMark, type AttendanceRefusal } from '../domain/attendance.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';

/** The facilitator takes attendance, person by person: in the room, online, or absent. Only what changes is recorded. */
export async function recordAttendance(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  marks: ReadonlyArray<{ participantId: number; mark: AttendanceMark }>,
): Promise<Result<{ changed: number }, AttendanceRefusal | 'unknown-participant'>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const d = checkAttendance(current, access.signedIn && chairs(access), marks);
    if (!d.ok) return refuse(d.refusal);
    const known = new Set((await listParticipants(trx, process.id, [...new Set(marks.map((m) => m.participantId))])).map((p) => p.id));
    if (marks.some((m) => !known.has(m.participantId))) return refuse('unknown-participant');
    const recorded = new Map((await attendanceOf(trx, meeting.id)).map((r) => [r.participantId, r.mode]));
    const changes = attendanceChanges(recorded, marks);
    const now = deps.clock.now();
    for (const c of changes) await markAttendance(trx, meeting.id, c.participantId, c.mark, actor.kind === 'user' ? actor.userId : null, now);
    if (changes.length) await appendEvents(trx, process.id, actor, [meetingEvent(meeting, 'meeting.attendance-recorded', { changes })], now);
    return ok({ changed: changes.length });
  });
}
