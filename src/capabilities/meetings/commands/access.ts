import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { roleIn } from '../../groups/index.ts';
import { standingFor } from '../../participants/index.ts';
import { accessTo, canInProcess, type Process, type ProcessAccess } from '../../processes/index.ts';
import type { MeetingAccess } from '../domain/permissions.ts';

/** What the actor is for a body's meetings (`known`: the actor's process access, when the caller has it already): convener, the body's facilitator, a participant (in good standing or not), or the public. */
export async function meetingAccess(db: Db, process: Process, bodyId: number, actor: Actor, known?: ProcessAccess): Promise<MeetingAccess> {
  const pa = known ?? (await accessTo(db, process, actor));
  const organizer = canInProcess(pa, process, 'manage-bodies');
  const signedIn = actor.kind === 'user';
  if (pa.participantId === null) return { signedIn, organizer, facilitator: false, participantId: null, mayTakePart: false };
  const [standing, role] = await Promise.all([standingFor(db, process.id, pa.participantId), roleIn(db, bodyId, pa.participantId)]);
  return { signedIn, organizer, facilitator: role?.role === 'facilitator', participantId: pa.participantId, mayTakePart: standing.mayTakePart };
}
