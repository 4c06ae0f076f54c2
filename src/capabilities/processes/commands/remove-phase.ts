import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { deletePhase } from '../db/writes.ts';
import { canInProcess } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

export async function removePhase(deps: CommandDeps, actor: Actor, process: Process, phaseId: number): Promise<Result<null, 'not-allowed' | 'not-found'>> {
  const access = await accessTo(deps.db, process, actor);
  if (!canInProcess(access, process, 'edit-timeline')) return refuse('not-allowed');
  return transact(deps.db, async (trx) => {
    const removed = await deletePhase(trx, process.id, phaseId);
    if (!removed) return refuse('not-found');
    await appendEvents(trx, process.id, actor, [{ action: 'phase.removed', subjectType: 'phase', subjectId: String(phaseId), data: { name: removed.name } }], deps.clock.now());
    return ok(null);
  });
}
