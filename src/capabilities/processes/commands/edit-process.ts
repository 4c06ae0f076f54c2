import type { Actor } from '../../../kernel/actor.ts';
import { ok } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { lockProcess } from '../db/queries.ts';
import { updateProcessFields } from '../db/writes.ts';
import { editProcess as decideEdit, type EditRefusal, type ProcessFields } from '../domain/edit.ts';
import type { MissingTranslation, WithMissing } from '../domain/publication.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

/** `gaps`: published texts lacking one of the (new) official languages (the caller gathers them). */
export async function editProcess(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  fields: ProcessFields,
  gaps: MissingTranslation[] = [],
): Promise<WithMissing<null, EditRefusal>> {
  return transact(deps.db, async (trx) => {
    const current = (await lockProcess(trx, process.id))!;
    const d = decideEdit(await accessTo(trx, current, actor), current, fields, gaps);
    if (!d.ok) return d;
    await updateProcessFields(trx, process.id, fields, deps.clock.now());
    await appendEvents(trx, process.id, actor, d.value.events, deps.clock.now());
    return ok(null);
  });
}
