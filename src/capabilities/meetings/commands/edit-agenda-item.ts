import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { agendaOf, lockMeeting } from '../db/queries.ts';
import { updateAgendaItem } from '../db/writes.ts';
import { checkAgendaItem, type AgendaInput, type AgendaRefusal } from '../domain/agenda.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { replaceAgendaSubjects } from '../db/subjects.ts';
import { subjectsOf } from '../domain/subjects.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';
import { announceMeeting } from './live-state.ts';

export async function editAgendaItem(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  itemId: number,
  input: AgendaInput,
): Promise<Result<null, AgendaRefusal | 'unknown-item'>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const items = await agendaOf(trx, meeting.id);
    const before = items.find((i) => i.id === itemId);
    const rules = {
      allowed: access.signedIn && chairs(access),
      officialLanguages: process.officialLanguages,
      processPublished: process.status === 'published',
      meetingOver: current.status === 'ended' || current.status === 'cancelled',
      itemCount: items.length,
      adding: false,
    };
    const problem = checkAgendaItem(rules, input);
    if (problem) return refuse(problem);
    if (!before) return refuse('unknown-item');
    await updateAgendaItem(trx, itemId, input);
    await replaceAgendaSubjects(trx, { id: itemId, meetingId: meeting.id, processId: process.id }, subjectsOf(input.links, process.slug));
    await appendEvents(
      trx,
      process.id,
      actor,
      [meetingEvent(meeting, 'meeting.agenda-item-edited', { itemId, before: before.title, title: input.title, label: input.title.en ?? input.title.fr })],
      deps.clock.now(),
    );
    if (current.status === 'in-progress' && current.currentItemId === itemId) await announceMeeting(trx, meeting.id);
    await indexMeeting(trx, process, meeting.id);
    return ok(null);
  });
}
