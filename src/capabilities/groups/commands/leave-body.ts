import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { endMembership } from '../db/writes.ts';
import type { Body } from '../domain/body.ts';
import { refusalFor, type BodyRefusal } from '../domain/permissions.ts';
import { bodyAccess } from './access.ts';

export async function leaveBody(deps: CommandDeps, actor: Actor, process: Process, body: Body): Promise<Result<null, BodyRefusal>> {
  const access = await bodyAccess(deps.db, process, body, actor);
  const problem = refusalFor(access, body, 'leave');
  if (problem) return refuse(problem);
  const now = deps.clock.now();
  await transact(deps.db, async (trx) => {
    // Only the click that ended the membership is recorded.
    if (!(await endMembership(trx, access.membershipId!, now))) return;
    await appendEvents(
      trx,
      process.id,
      actor,
      [{ action: 'body.left', subjectType: 'body', subjectId: body.slug, data: { name: body.name, participantId: access.participantId } }],
      now,
    );
  });
  return ok(null);
}
