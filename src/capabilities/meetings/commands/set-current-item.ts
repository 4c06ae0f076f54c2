import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { agendaOf, lockMeeting } from '../db/queries.ts';
import { setCurrentItemId } from '../db/writes.ts';
import { setCurrentItem as decide, type LifecycleRefusal, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';
import { announceMeeting } from './live-state.ts';

/** The facilitator moves the room to an agenda item (or to none). */
export async function setCurrentItem(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  itemId: number | null,
): Promise<Result<{ eventId: number }, LifecycleRefusal | 'unknown-item' | 'unchanged'>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const items = await agendaOf(trx, meeting.id);
    const d = decide(
      current,
      access.signedIn && chairs(access),
      items.map((i) => i.id),
      itemId,
    );
    if (!d.ok) return refuse(d.refusal);
    await setCurrentItemId(trx, meeting.id, itemId);
    const item = items.find((i) => i.id === itemId);
    const label = item ? (item.title.en ?? item.title.fr) : undefined;
    await appendEvents(
      trx,
      process.id,
      actor,
      d.value.map((e) => ({ ...e, data: { ...e.data, label } })),
      deps.clock.now(),
    );
    return ok({ eventId: await announceMeeting(trx, meeting.id) });
  });
}
