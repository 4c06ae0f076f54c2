import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { isConvener, participantIdFor } from '../db/queries.ts';
import type { ProcessAccess } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';

/** What the actor is in this process. */
export async function accessTo(db: Db, process: Pick<Process, 'id'>, actor: Actor): Promise<ProcessAccess> {
  if (actor.kind !== 'user') return { actor, isConvener: false, participantId: null };
  const [convener, participant] = await Promise.all([isConvener(db, process.id, actor.userId), participantIdFor(db, process.id, actor.userId)]);
  return { actor, isConvener: convener, participantId: participant };
}
