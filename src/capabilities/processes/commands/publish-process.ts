import type { Actor } from '../../../kernel/actor.ts';
import { ok } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { lockProcess } from '../db/queries.ts';
import { markPublished } from '../db/writes.ts';
import { publishProcess as decidePublish, type PublishRefusal } from '../domain/edit.ts';
import type { MissingTranslation, WithMissing } from '../domain/publication.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

/** `gaps`: the other texts published with the process that lack an official language (the caller gathers them). */
export async function publishProcess(deps: CommandDeps, actor: Actor, process: Process, gaps: MissingTranslation[] = []): Promise<WithMissing<null, PublishRefusal>> {
  return transact(deps.db, async (trx) => {
    // Decide on the row as it is now, locked: not on what the page showed a moment ago.
    const current = (await lockProcess(trx, process.id))!;
    const d = decidePublish(await accessTo(trx, current, actor), current, deps.clock.now(), gaps);
    if (!d.ok) return d;
    await markPublished(trx, process.id, d.value.publishedAt);
    await appendEvents(trx, process.id, actor, d.value.events, d.value.publishedAt);
    return ok(null);
  });
}
