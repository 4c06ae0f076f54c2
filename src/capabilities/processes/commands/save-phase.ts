import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { nextPhasePosition } from '../db/queries.ts';
import { insertPhase, updatePhase } from '../db/writes.ts';
import { canInProcess } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';
import { checkPhase, type PhaseInput, type PhaseRefusal } from '../domain/timeline.ts';
import { accessTo } from './access.ts';

export async function savePhase(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  phaseId: number | null,
  input: PhaseInput,
): Promise<Result<{ id: number }, PhaseRefusal | 'not-allowed' | 'not-found'>> {
  const access = await accessTo(deps.db, process, actor);
  if (!canInProcess(access, process, 'edit-timeline')) return refuse('not-allowed');
  const problem = checkPhase(input);
  if (problem) return refuse(problem);
  return transact(deps.db, async (trx) => {
    let id: number;
    if (phaseId === null) {
      id = await insertPhase(trx, process.id, await nextPhasePosition(trx, process.id), input);
    } else {
      if (!(await updatePhase(trx, process.id, phaseId, input))) return refuse('not-found');
      id = phaseId;
    }
    await appendEvents(
      trx,
      process.id,
      actor,
      [{ action: phaseId === null ? 'phase.added' : 'phase.updated', subjectType: 'phase', subjectId: String(id), data: { name: input.name } }],
      deps.clock.now(),
    );
    return ok({ id });
  });
}
