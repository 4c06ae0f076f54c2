import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { bodyAccess } from '../../groups/index.ts';
import type { Process } from '../../processes/index.ts';
import type { ConsensusAccess } from '../domain/permissions.ts';

/** What the actor is in the body a proposal belongs to: convener, facilitator, member, observer, or nobody. */
export async function consensusAccess(db: Db, process: Process, bodyId: number, actor: Actor): Promise<ConsensusAccess> {
  const a = await bodyAccess(db, process, { id: bodyId }, actor);
  return { actor, organizer: a.organizer, participantId: a.participantId, mayTakePart: a.mayTakePart, role: a.role };
}
