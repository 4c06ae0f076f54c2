import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { agendaOf, lockMeeting, nextItemPosition } from '../db/queries.ts';
import { insertAgendaItem } from '../db/writes.ts';
import { checkAgendaItem, type AgendaInput, type AgendaRefusal } from '../domain/agenda.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { replaceAgendaSubjects } from '../db/subjects.ts';
import { subjectsOf } from '../domain/subjects.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';

export async function addAgendaItem(deps: CommandDeps, actor: Actor, process: Process, meeting: Meeting, input: AgendaInput): Promise<Result<{ itemId: number }, AgendaRefusal>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const items = await agendaOf(trx, meeting.id);
    const problem = checkAgendaItem(
      {
        allowed: access.signedIn && chairs(access),
        officialLanguages: process.officialLanguages,
        processPublished: process.status === 'published',
        meetingOver: current.status === 'ended' || current.status === 'cancelled',
        itemCount: items.length,
        adding: true,
      },
      input,
    );
    if (problem) return refuse(problem);
    const itemId = await insertAgendaItem(trx, meeting.id, await nextItemPosition(trx, meeting.id), input);
    await replaceAgendaSubjects(trx, { id: itemId, meetingId: meeting.id, processId: process.id }, subjectsOf(input.links, process.slug));
    await appendEvents(
      trx,
      process.id,
      actor,
      [meetingEvent(meeting, 'meeting.agenda-item-added', { itemId, title: input.title, label: input.title.en ?? input.title.fr })],
      deps.clock.now(),
    );
    await indexMeeting(trx, process, meeting.id);
    return ok({ itemId });
  });
}
