import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockMeeting, recordingsOf } from '../db/queries.ts';
import { insertRecording } from '../db/writes.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { checkRecording, type RecordingLanguage } from '../domain/minutes.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';

/** Recordings are posted after the meeting (or while it runs), one link per language or for the floor. */
export async function addRecording(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  url: string,
  language: RecordingLanguage,
): Promise<Result<null, 'not-allowed' | 'not-held' | 'too-many'>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const problem = checkRecording(current, access.signedIn && chairs(access), (await recordingsOf(trx, meeting.id)).length);
    if (problem) return refuse(problem);
    await insertRecording(trx, meeting.id, url, language);
    await appendEvents(trx, process.id, actor, [meetingEvent(meeting, 'meeting.recording-added', { url, language, label: url })], deps.clock.now());
    return ok(null);
  });
}
