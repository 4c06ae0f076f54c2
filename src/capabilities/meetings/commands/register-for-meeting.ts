import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockMeeting, registrationCounts, registrationOf } from '../db/queries.ts';
import { endRegistration, saveRegistration } from '../db/writes.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { meetingPermission } from '../domain/permissions.ts';
import { cancelRegistration as decideCancel, register, type RegistrationMode, type RegistrationRefusal } from '../domain/registration.ts';
import { meetingAccess } from './access.ts';

/**
 * Registering (in the room or online), changing how, or cancelling
 * (mode null). Seats are counted under the meeting's lock, so two people
 * cannot take the last seat.
 */
export async function registerForMeeting(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Meeting,
  mode: RegistrationMode | null,
): Promise<Result<{ mode: RegistrationMode | null }, RegistrationRefusal>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  const problem = meetingPermission(access, 'register');
  if (problem === 'not-signed-in' || problem === 'not-participant') return refuse(problem);
  const participantId = access.participantId!;
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const existing = await registrationOf(trx, meeting.id, participantId);
    const now = deps.clock.now();
    if (mode === null) {
      const d = decideCancel(current, existing?.mode ?? null);
      if (!d.ok) return refuse(d.refusal);
      await endRegistration(trx, meeting.id, participantId, now);
      await appendEvents(trx, process.id, actor, [meetingEvent(meeting, 'meeting.registration-cancelled', { participantId })], now);
      return ok({ mode: null });
    }
    const counts = await registrationCounts(trx, meeting.id);
    const d = register(current, existing?.mode ?? null, counts.inPerson, mode);
    if (!d.ok) return refuse(d.refusal);
    await saveRegistration(trx, meeting.id, participantId, mode, now);
    await appendEvents(trx, process.id, actor, [meetingEvent(meeting, d.value.changed ? 'meeting.registration-changed' : 'meeting.registered', { participantId, mode })], now);
    return ok({ mode });
  });
}
