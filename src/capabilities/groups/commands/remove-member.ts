import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { roleIn } from '../db/queries.ts';
import { endMembership } from '../db/writes.ts';
import type { Body } from '../domain/body.ts';
import type { BodyRefusal } from '../domain/permissions.ts';
import { bodyAccess } from './access.ts';

/** The convener ends someone's membership; the record stays. */
export async function removeMember(deps: CommandDeps, actor: Actor, process: Process, body: Body, participantId: number): Promise<Result<null, BodyRefusal>> {
  const access = await bodyAccess(deps.db, process, body, actor);
  if (!access.organizer) return refuse('not-allowed');
  return transact(deps.db, async (trx) => {
    const existing = await roleIn(trx, body.id, participantId);
    if (!existing) return refuse('not-member');
    const now = deps.clock.now();
    if (!(await endMembership(trx, existing.membershipId, now))) return refuse('not-member');
    await appendEvents(trx, process.id, actor, [{ action: 'body.member-removed', subjectType: 'body', subjectId: body.slug, data: { name: body.name, participantId } }], now);
    return ok(null);
  });
}
