import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { agendaOf, lockMeeting } from '../db/queries.ts';
import { deleteAgendaItem } from '../db/writes.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';
import { announceMeeting } from './live-state.ts';

/** Items discussed already (the meeting has begun) stay: the speaker log refers to them. */
export async function removeAgendaItem(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  itemId: number,
): Promise<Result<null, 'not-allowed' | 'unknown-item' | 'meeting-over' | 'already-begun'>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  if (!(access.signedIn && chairs(access))) return refuse('not-allowed');
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    if (current.status === 'ended' || current.status === 'cancelled') return refuse('meeting-over');
    if (current.status === 'in-progress') return refuse('already-begun');
    const item = (await agendaOf(trx, meeting.id)).find((i) => i.id === itemId);
    if (!item) return refuse('unknown-item');
    await deleteAgendaItem(trx, itemId);
    await appendEvents(
      trx,
      process.id,
      actor,
      [meetingEvent(meeting, 'meeting.agenda-item-removed', { itemId, title: item.title, label: item.title.en ?? item.title.fr })],
      deps.clock.now(),
    );
    if (current.currentItemId === itemId) await announceMeeting(trx, meeting.id);
    await indexMeeting(trx, process, meeting.id);
    return ok(null);
  });
}
