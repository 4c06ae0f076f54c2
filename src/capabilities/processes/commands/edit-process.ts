import type { Actor } from '../../../kernel/actor.ts';
import { ok, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { updateProcessFields } from '../db/writes.ts';
import { editProcess as decideEdit, type EditRefusal, type ProcessFields } from '../domain/edit.ts';
import type { MissingTranslation } from '../domain/publication.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

type WithMissing<T, R extends string> = Result<T, R> & { missing?: MissingTranslation[] };

export async function editProcess(deps: CommandDeps, actor: Actor, process: Process, fields: ProcessFields): Promise<WithMissing<null, EditRefusal>> {
  const access = await accessTo(deps.db, process, actor);
  const d = decideEdit(access, process, fields);
  if (!d.ok) return d;
  await deps.db.transaction().execute(async (trx) => {
    await updateProcessFields(trx, process.id, fields, deps.clock.now());
    await appendEvents(trx, process.id, actor, d.value.events, deps.clock.now());
  });
  return ok(null);
}
