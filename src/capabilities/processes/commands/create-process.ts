import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { isUniqueViolation, type CommandDeps } from '../../../platform/commands.ts';
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
    return await deps.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('processes')
        .values({
          slug: p.slug,
          title: JSON.stringify(p.title),
          summary: JSON.stringify(p.summary),
          scope: JSON.stringify(p.scope),
          convenerName: JSON.stringify(p.convenerName),
          officialLanguages: p.officialLanguages,
          timeZone: p.timeZone,
          stakeholderCategories: JSON.stringify(p.stakeholderCategories),
          bodyTypes: JSON.stringify(p.bodyTypes),
          consensusSettings: JSON.stringify(p.consensusSettings),
          createdBy: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (userId) await trx.insertInto('processRoles').values({ processId: id, userId, role: 'convener' }).execute();
      await trx
        .insertInto('rulesVersions')
        .values({ processId: id, version: 1, rules: JSON.stringify(p.rules), consensusCriteria: JSON.stringify(p.consensusCriteria), createdBy: userId })
        .execute();
      await appendEvents(trx, id, actor, p.events, deps.clock.now());
      return ok({ id, slug: p.slug });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'processes_slug_key')) return refuse('slug-taken');
    throw e;
  }
}
