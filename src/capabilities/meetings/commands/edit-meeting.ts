import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Body } from '../../groups/index.ts';
import type { Process } from '../../processes/index.ts';
import { lockMeeting } from '../db/queries.ts';
import { updateMeeting } from '../db/writes.ts';
import { editMeeting as decide, type Meeting, type MeetingInput, type MeetingInputRefusal } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';
import { announceMeeting } from './live-state.ts';

/** Edits one meeting; an occurrence of a series is then marked as differing from it (iCalendar RECURRENCE-ID). */
export async function editMeeting(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  body: Body,
  meeting: Meeting,
  input: MeetingInput,
): Promise<Result<null, MeetingInputRefusal | 'cancelled'>> {
  const access = await meetingAccess(deps.db, process, body.id, actor);
  const rules = {
    allowed: access.signedIn && chairs(access),
    bodyActive: body.status === 'active',
    officialLanguages: process.officialLanguages,
    processPublished: process.status === 'published',
  };
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const d = decide(current, rules, input);
    if (!d.ok) return refuse(d.refusal);
    const now = deps.clock.now();
    await updateMeeting(trx, meeting.id, input, d.value.occurrence, now, current.seriesId !== null);
    await appendEvents(
      trx,
      process.id,
      actor,
      d.value.events.map((e) => ({ ...e, data: { ...e.data, label: input.title.en ?? input.title.fr } })),
      now,
    );
    if (current.status === 'in-progress') await announceMeeting(trx, meeting.id);
    await indexMeeting(trx, process, meeting.id);
    return ok(null);
  });
}
