import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { isUniqueViolation, transact, type CommandDeps } from '../../../platform/commands.ts';
import { participantById } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import { roleIn } from '../db/queries.ts';
import { changeRole, insertMembership } from '../db/writes.ts';
import type { Body, MembershipRole } from '../domain/body.ts';
import { refusalFor, type BodyRefusal } from '../domain/permissions.ts';
import { bodyAccess } from './access.ts';

/**
 * The convener appoints a participant (appointed bodies), or sets anyone's
 * role (e.g. names the facilitator). Every appointment is in the public log.
 */
export async function appointMember(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  body: Body,
  participantId: number,
  role: MembershipRole,
): Promise<Result<null, BodyRefusal | 'unknown-participant' | 'unchanged'>> {
  const access = await bodyAccess(deps.db, process, body, actor);
  const problem = refusalFor(access, body, 'appoint');
  if (problem) return refuse(problem);
  const participant = await participantById(deps.db, process.id, participantId);
  if (!participant) return refuse('unknown-participant');
  try {
    return await transact(deps.db, async (trx) => {
      const now = deps.clock.now();
      const existing = await roleIn(trx, body.id, participantId);
      if (existing?.role === role) return refuse('unchanged');
      if (existing) await changeRole(trx, existing.membershipId, role);
      else await insertMembership(trx, { bodyId: body.id, participantId, role, joinedAt: now, addedBy: actor.kind === 'user' ? actor.userId : null });
      await appendEvents(
        trx,
        process.id,
        actor,
        [
          {
            action: existing ? 'body.role-changed' : 'body.appointed',
            subjectType: 'body',
            subjectId: body.slug,
            data: { name: body.name, participantId, who: participant.displayName, role, from: existing?.role ?? null },
          },
        ],
        now,
      );
      return ok(null);
    });
  } catch (e) {
    // Their own join won the race: the membership exists; appointing again is for the next click.
    if (isUniqueViolation(e)) return refuse('unchanged');
    throw e;
  }
}
