import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { roleIn } from '../../groups/index.ts';
import { accessTo, canInProcess, type Process, type ProcessAccess } from '../../processes/index.ts';
import type { InputAccess } from '../domain/permissions.ts';

/** What the actor is for public input on a document of one body (`known`: the actor's process access, when the caller has it). */
export async function inputAccess(db: Db, process: Process, bodyId: number, actor: Actor, known?: ProcessAccess): Promise<InputAccess> {
  const pa = known ?? (await accessTo(db, process, actor));
  const organizer = canInProcess(pa, process, 'manage-bodies');
  if (pa.participantId === null) return { actor, organizer, chair: false };
  const role = await roleIn(db, bodyId, pa.participantId);
  return { actor, organizer, chair: role?.role === 'facilitator' };
}
