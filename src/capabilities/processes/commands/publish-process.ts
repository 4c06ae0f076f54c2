import type { Actor } from '../../../kernel/actor.ts';
import { ok, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { markPublished } from '../db/writes.ts';
import { publishProcess as decidePublish, type PublishRefusal } from '../domain/edit.ts';
import type { MissingTranslation } from '../domain/publication.ts';
import type { Process } from '../domain/process.ts';
import { accessTo } from './access.ts';

type WithMissing<T, R extends string> = Result<T, R> & { missing?: MissingTranslation[] };

export async function publishProcess(deps: CommandDeps, actor: Actor, process: Process): Promise<WithMissing<null, PublishRefusal>> {
  const access = await accessTo(deps.db, process, actor);
  const d = decidePublish(access, process, deps.clock.now());
  if (!d.ok) return d;
  await deps.db.transaction().execute(async (trx) => {
    // Of two concurrent publishes, only the one that changed the row records the event.
    if (await markPublished(trx, process.id, d.value.publishedAt)) await appendEvents(trx, process.id, actor, d.value.events, d.value.publishedAt);
  });
  return ok(null);
}
