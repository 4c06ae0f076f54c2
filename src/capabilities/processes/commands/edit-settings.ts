import type { Actor } from '../../../kernel/actor.ts';
import { ok, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { updateProcessSettings } from '../db/writes.ts';
import { editSettings as decideSettings, type ProcessSettings, type SettingsRefusal } from '../domain/edit.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

export async function editSettings(deps: CommandDeps, actor: Actor, process: Process, settings: ProcessSettings): Promise<Result<null, SettingsRefusal>> {
  const access = await accessTo(deps.db, process, actor);
  const d = decideSettings(access, process, settings);
  if (!d.ok) return d;
  await transact(deps.db, async (trx) => {
    await updateProcessSettings(trx, process.id, settings, deps.clock.now());
    await appendEvents(trx, process.id, actor, d.value.events, deps.clock.now());
  });
  return ok(null);
}
