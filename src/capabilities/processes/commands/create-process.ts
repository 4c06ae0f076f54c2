import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { isUniqueViolation, transact, type CommandDeps } from '../../../platform/commands.ts';
import { grantConvener, insertProcess, insertRulesVersion } from '../db/writes.ts';
import { newProcess, type CreateRefusal, type ProcessFields } from '../domain/edit.ts';

export async function createProcess(
  deps: CommandDeps,
  actor: Actor,
  slug: string,
  fields: ProcessFields,
): Promise<Result<{ id: number; slug: string }, CreateRefusal | 'slug-taken'>> {
  const made = newProcess(actor, slug, fields);
  if (!made.ok) return made;
  const p = made.value;
  const userId = actor.kind === 'user' ? actor.userId : null;
  try {
    return await transact(deps.db, async (trx) => {
      const id = await insertProcess(trx, p, userId);
      if (userId) await grantConvener(trx, id, userId);
      await insertRulesVersion(trx, id, { version: 1, rules: p.rules, consensusCriteria: p.consensusCriteria }, userId);
      await appendEvents(trx, id, actor, p.events, deps.clock.now());
      return ok({ id, slug: p.slug });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'processes_slug_key')) return refuse('slug-taken');
    throw e;
  }
}
