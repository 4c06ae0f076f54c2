import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { deleteRecording } from '../db/writes.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';

export async function removeRecording(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  recordingId: number,
): Promise<Result<null, 'not-allowed' | 'unknown-recording'>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  if (!(access.signedIn && chairs(access))) return refuse('not-allowed');
  return transact(deps.db, async (trx) => {
    if (!(await deleteRecording(trx, meeting.id, recordingId))) return refuse('unknown-recording');
    await appendEvents(trx, process.id, actor, [meetingEvent(meeting, 'meeting.recording-removed', { recordingId })], deps.clock.now());
    return ok(null);
  });
}
