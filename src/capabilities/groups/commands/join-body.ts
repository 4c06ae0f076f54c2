import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { isUniqueViolation, transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { insertMembership } from '../db/writes.ts';
import type { Body } from '../domain/body.ts';
import { refusalFor, type BodyRefusal } from '../domain/permissions.ts';
import { bodyAccess } from './access.ts';

/** Self-selection: a participant joins an open or self-select body as a member or an observer. */
export async function joinBody(deps: CommandDeps, actor: Actor, process: Process, body: Body, role: 'member' | 'observer'): Promise<Result<null, BodyRefusal>> {
  const access = await bodyAccess(deps.db, process, body, actor);
  const problem = refusalFor(access, body, 'join');
  if (problem) return refuse(problem);
  try {
    await transact(deps.db, async (trx) => {
      const now = deps.clock.now();
      await insertMembership(trx, { bodyId: body.id, participantId: access.participantId!, role, joinedAt: now, addedBy: null });
      await appendEvents(
        trx,
        process.id,
        actor,
        [{ action: 'body.joined', subjectType: 'body', subjectId: body.slug, data: { name: body.name, role, participantId: access.participantId } }],
        now,
      );
    });
  } catch (e) {
    if (isUniqueViolation(e)) return refuse('already-member');
    throw e;
  }
  return ok(null);
}
