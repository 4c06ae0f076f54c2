import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { standingFor } from '../../participants/index.ts';
import { accessTo, canInProcess, type Process } from '../../processes/index.ts';
import { roleIn } from '../db/queries.ts';
import type { Body } from '../domain/body.ts';
import type { BodyAccess } from '../domain/permissions.ts';

export async function bodyAccess(db: Db, process: Process, body: Pick<Body, 'id'>, actor: Actor): Promise<BodyAccess & { membershipId: number | null }> {
  const pa = await accessTo(db, process, actor);
  const organizer = canInProcess(pa, process, 'manage-bodies');
  if (pa.participantId === null) return { actor, organizer, participantId: null, mayTakePart: false, role: null, membershipId: null };
  const [standing, role] = await Promise.all([standingFor(db, process.id, pa.participantId), roleIn(db, body.id, pa.participantId)]);
  return { actor, organizer, participantId: pa.participantId, mayTakePart: standing.mayTakePart, role: role?.role ?? null, membershipId: role?.membershipId ?? null };
}
