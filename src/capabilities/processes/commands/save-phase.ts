import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { currentRules } from '../db/queries.ts';
import { canInProcess } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';
import { reviseRules as decideRules, type RulesInput, type RulesRefusal } from '../domain/rules.ts';
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
  const values = {
    kind: input.kind,
    name: JSON.stringify(input.name),
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    bufferDays: input.bufferDays,
    actualEnd: input.actualEnd,
    forecastEnd: input.forecastEnd,
  };
  return deps.db.transaction().execute(async (trx) => {
    let id: number;
    if (phaseId === null) {
      const max = await trx.selectFrom('phases').select((eb) => eb.fn.max('position').as('m')).where('processId', '=', process.id).executeTakeFirst();
      id = (
        await trx
          .insertInto('phases')
          .values({ ...values, processId: process.id, position: Number(max?.m ?? 0) + 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const r = await trx.updateTable('phases').set(values).where('id', '=', phaseId).where('processId', '=', process.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return refuse('not-found');
      id = phaseId;
    }
    await appendEvents(trx, process.id, actor, [{ action: phaseId === null ? 'phase.added' : 'phase.updated', subjectType: 'phase', subjectId: String(id), data: { name: input.name } }], deps.clock.now());
    return ok({ id });
  });
}
