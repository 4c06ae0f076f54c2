import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { currentRules, lockProcess } from '../db/queries.ts';
import { insertRulesVersion } from '../db/writes.ts';
import { canInProcess } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';
import { reviseRules as decideRules, type RulesInput, type RulesRefusal } from '../domain/rules.ts';
import { accessTo } from './access.ts';

export async function reviseRules(deps: CommandDeps, actor: Actor, process: Process, input: RulesInput): Promise<Result<{ version: number }, RulesRefusal | 'not-allowed'>> {
  const access = await accessTo(deps.db, process, actor);
  if (!canInProcess(access, process, 'edit-rules')) return refuse('not-allowed');
  return transact(deps.db, async (trx) => {
    // Two conveners revising at once: the second waits, then builds on the first's version.
    const locked = (await lockProcess(trx, process.id))!;
    const current = await currentRules(trx, process.id);
    const d = decideRules(current, input, locked.officialLanguages);
    if (!d.ok) return d;
    await insertRulesVersion(
      trx,
      process.id,
      { version: d.value.version, rules: d.value.rules, consensusCriteria: d.value.consensusCriteria, note: d.value.note, adoptedOn: d.value.adoptedOn },
      actor.kind === 'user' ? actor.userId : null,
    );
    await appendEvents(trx, process.id, actor, [{ action: 'rules.revised', subjectType: 'rules', subjectId: String(d.value.version) }], deps.clock.now());
    return ok({ version: d.value.version });
  });
}
