import type { Actor } from '../../../kernel/actor.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockMeeting } from '../db/queries.ts';
import { setMeetingStatus } from '../db/writes.ts';
import { cancelMeeting as cancel, endMeeting as end, startMeeting as begin, type LifecycleRefusal, type Meeting, type MeetingStatus } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';
import type { MeetingHooks } from './hooks.ts';
import { announceMeeting } from './live-state.ts';

type Transition = 'start' | 'end' | 'cancel';
const decide: Record<Transition, (m: Meeting, allowed: boolean) => Result<DomainEvent[], LifecycleRefusal>> = { start: begin, end, cancel };
const target: Record<Transition, MeetingStatus> = { start: 'in-progress', end: 'ended', cancel: 'cancelled' };

/** Start, end or cancel, under the meeting's lock; ending runs the other capabilities' hooks in the same transaction. */
export async function changeStatus(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  transition: Transition,
  hooks: readonly MeetingHooks[] = [],
): Promise<Result<{ status: MeetingStatus }, LifecycleRefusal>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  const allowed = access.signedIn && chairs(access);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const d = decide[transition](current, allowed);
    if (!d.ok) return refuse(d.refusal);
    const now = deps.clock.now();
    await setMeetingStatus(trx, meeting.id, target[transition], now);
    if (transition === 'end') for (const h of hooks) await h.onMeetingEnded?.(trx, { process, meeting: current, actor, now });
    await appendEvents(
      trx,
      process.id,
      actor,
      d.value.map((e) => ({ ...e, data: { ...e.data, label: current.title.en ?? current.title.fr } })),
      now,
    );
    await announceMeeting(trx, meeting.id);
    if (transition === 'cancel') await indexMeeting(trx, process, meeting.id);
    return ok({ status: target[transition] });
  });
}
