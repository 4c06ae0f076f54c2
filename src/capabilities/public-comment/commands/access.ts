import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { roleIn } from '../../groups/index.ts';
import { accessTo, canInProcess, type Process } from '../../processes/index.ts';
import type { InputAccess } from '../domain/permissions.ts';

/** What the actor is for public input on a document of one body. */
export async function inputAccess(db: Db, process: Process, bodyId: number, actor: Actor): Promise<InputAccess> {
  const pa = await accessTo(db, process, actor);
  const organizer = canInProcess(pa, process, 'manage-bodies');
  if (pa.participantId === null) return { actor, organizer, chair: false };
  const role = await roleIn(db, bodyId, pa.participantId);
  return { actor, organizer, chair: role?.role === 'facilitator' };
}
