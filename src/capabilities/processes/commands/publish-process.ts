import type { Actor } from '../../../kernel/actor.ts';
import { ok, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { editProcess as decideEdit, editSettings as decideSettings, publishProcess as decidePublish, type EditRefusal, type ProcessFields, type ProcessSettings, type PublishRefusal, type SettingsRefusal } from '../domain/edit.ts';
import type { MissingTranslation } from '../domain/publication.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

type WithMissing<T, R extends string> = Result<T, R> & { missing?: MissingTranslation[] };

export async function publishProcess(deps: CommandDeps, actor: Actor, process: Process): Promise<WithMissing<null, PublishRefusal>> {
  const access = await accessTo(deps.db, process, actor);
  const d = decidePublish(access, process, deps.clock.now());
  if (!d.ok) return d;
  await deps.db.transaction().execute(async (trx) => {
    // Guard against a concurrent publish: only a draft becomes published.
    const r = await trx
      .updateTable('processes')
      .set({ status: 'published', publishedAt: d.value.publishedAt, updatedAt: d.value.publishedAt })
      .where('id', '=', process.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) await appendEvents(trx, process.id, actor, d.value.events, d.value.publishedAt);
  });
  return ok(null);
}
