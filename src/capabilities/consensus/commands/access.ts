import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { bodyAccess, roleIn } from '../../groups/index.ts';
import { participantById, standingFor } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import type { ConsensusAccess } from '../domain/permissions.ts';

/** What the actor is in the body a proposal belongs to: convener, facilitator, member, observer, or nobody. */
export async function consensusAccess(db: Db, process: Process, bodyId: number, actor: Actor): Promise<ConsensusAccess> {
  const a = await bodyAccess(db, process, { id: bodyId }, actor);
  return { actor, organizer: a.organizer, participantId: a.participantId, mayTakePart: a.mayTakePart, role: a.role };
}

/**
 * What a named participant is in the body, when the facilitator acts for them
 * (a position recorded in the room): the same rules as if they acted
 * themselves, never the facilitator's own rights.
 */
export async function memberAccess(db: Db, process: Process, bodyId: number, participantId: number, actor: Actor): Promise<ConsensusAccess> {
  const p = await participantById(db, process.id, participantId);
  if (!p) return { actor, organizer: false, participantId: null, mayTakePart: false, role: null };
  const [standing, role] = await Promise.all([standingFor(db, process.id, p.id), roleIn(db, bodyId, p.id)]);
  return { actor, organizer: false, participantId: p.id, mayTakePart: standing.mayTakePart, role: role?.role ?? null };
}
