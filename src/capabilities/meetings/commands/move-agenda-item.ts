import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { agendaOf, lockMeeting } from '../db/queries.ts';
import { setItemPositions } from '../db/writes.ts';
import { moveItem } from '../domain/agenda.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';

export async function moveAgendaItem(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  itemId: number,
  direction: 'up' | 'down',
): Promise<Result<null, 'not-allowed' | 'cannot-move' | 'meeting-over'>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  if (!(access.signedIn && chairs(access))) return refuse('not-allowed');
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    if (current.status === 'ended' || current.status === 'cancelled') return refuse('meeting-over');
    const items = await agendaOf(trx, meeting.id);
    const order = moveItem(
      items.map((i) => i.id),
      itemId,
      direction,
    );
    if (!order) return refuse('cannot-move');
    await setItemPositions(trx, order);
    const item = items.find((i) => i.id === itemId)!;
    await appendEvents(trx, process.id, actor, [meetingEvent(meeting, 'meeting.agenda-reordered', { itemId, direction, label: item.title.en ?? item.title.fr })], deps.clock.now());
    return ok(null);
  });
}
