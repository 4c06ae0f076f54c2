import type { Actor } from '../../../kernel/actor.ts';
import { ok, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { editProcess as decideEdit, editSettings as decideSettings, publishProcess as decidePublish, type EditRefusal, type ProcessFields, type ProcessSettings, type PublishRefusal, type SettingsRefusal } from '../domain/edit.ts';
import type { MissingTranslation } from '../domain/publication.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

export async function editSettings(deps: CommandDeps, actor: Actor, process: Process, settings: ProcessSettings): Promise<Result<null, SettingsRefusal>> {
  const access = await accessTo(deps.db, process, actor);
  const d = decideSettings(access, process, settings);
  if (!d.ok) return d;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('processes')
      .set({
        stakeholderCategories: JSON.stringify(settings.stakeholderCategories),
        bodyTypes: JSON.stringify(settings.bodyTypes),
        consensusSettings: JSON.stringify(settings.consensusSettings),
        updatedAt: deps.clock.now(),
      })
      .where('id', '=', process.id)
      .execute();
    await appendEvents(trx, process.id, actor, d.value.events, deps.clock.now());
  });
  return ok(null);
}
