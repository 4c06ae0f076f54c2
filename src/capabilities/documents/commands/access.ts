import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { roleIn } from '../../groups/index.ts';
import { standingFor } from '../../participants/index.ts';
import { accessTo, canInProcess, type Process, type ProcessAccess } from '../../processes/index.ts';
import type { DocumentAccess } from '../domain/permissions.ts';

/** What the actor is for documents of one body: convener, member of the drafting body, participant, or public (`known`: the actor's process access, when the caller has it). */
export async function documentAccess(db: Db, process: Process, bodyId: number, actor: Actor, known?: ProcessAccess): Promise<DocumentAccess> {
  const pa = known ?? (await accessTo(db, process, actor));
  const organizer = canInProcess(pa, process, 'manage-bodies');
  if (pa.participantId === null) return { actor, organizer, participantId: null, mayTakePart: false, bodyRole: null };
  const [standing, role] = await Promise.all([standingFor(db, process.id, pa.participantId), roleIn(db, bodyId, pa.participantId)]);
  return { actor, organizer, participantId: pa.participantId, mayTakePart: standing.mayTakePart, bodyRole: role?.role ?? null };
}
