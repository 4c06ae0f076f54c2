import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockMeeting, minutesOf } from '../db/queries.ts';
import { markMinutesApproved } from '../db/writes.ts';
import { approveMinutes as decideApproval, type MinutesRefusal } from '../domain/minutes.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';

/** Approval publishes the minutes as the meeting's record, in every official language. */
export async function approveMinutes(deps: CommandDeps, actor: Actor, process: Process, meeting: Meeting): Promise<Result<null, MinutesRefusal>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const d = decideApproval(current, access.signedIn && chairs(access), await minutesOf(trx, meeting.id), process.officialLanguages);
    if (!d.ok) return refuse(d.refusal);
    const now = deps.clock.now();
    await markMinutesApproved(trx, meeting.id, now);
    await appendEvents(trx, process.id, actor, [meetingEvent(meeting, 'meeting.minutes-approved')], now);
    await indexMeeting(trx, process, meeting.id);
    return ok(null);
  });
}
