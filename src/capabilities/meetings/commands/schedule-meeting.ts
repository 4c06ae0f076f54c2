import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Body } from '../../groups/index.ts';
import type { Process } from '../../processes/index.ts';
import { insertMeetings, insertSeries } from '../db/writes.ts';
import { planMeeting, type MeetingInput, type MeetingInputRefusal, type Repeat } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';

/** A body schedules a meeting, or a weekly series of them (every occurrence is its own meeting, editable or cancelled alone). */
export async function scheduleMeeting(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  body: Body,
  input: MeetingInput,
  repeat: Repeat | null,
): Promise<Result<{ meetingIds: number[] }, MeetingInputRefusal>> {
  const access = await meetingAccess(deps.db, process, body.id, actor);
  const plan = planMeeting(
    {
      allowed: access.signedIn && chairs(access),
      bodyActive: body.status === 'active',
      officialLanguages: process.officialLanguages,
      processPublished: process.status === 'published',
    },
    input,
    repeat,
  );
  if (!plan.ok) return refuse(plan.refusal);
  return transact(deps.db, async (trx) => {
    const seriesId = repeat ? await insertSeries(trx, process.id, body.id, input, repeat) : null;
    const ids = await insertMeetings(trx, process.id, body.id, input, plan.value, seriesId);
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: repeat ? 'meeting.series-scheduled' : 'meeting.scheduled',
          subjectType: 'meeting',
          subjectId: String(ids[0]),
          data: { title: input.title, body: body.slug, startsAt: plan.value[0]!.startsAt.toISOString(), occurrences: ids.length, label: input.title.en ?? input.title.fr },
        },
      ],
      deps.clock.now(),
    );
    for (const id of ids) await indexMeeting(trx, process, id);
    return ok({ meetingIds: ids });
  });
}
