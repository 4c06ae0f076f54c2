import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { isUniqueViolation, transact, type CommandDeps } from '../../../platform/commands.ts';
import { accessTo, canInProcess, type Process } from '../../processes/index.ts';
import { nextBodyPosition } from '../db/queries.ts';
import { insertBody, insertCharterVersion } from '../db/writes.ts';
import { createBody as decide, type BodyInput, type BodyInputRefusal } from '../domain/edit.ts';

export async function createBody(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  slug: string,
  input: BodyInput,
): Promise<Result<{ slug: string }, BodyInputRefusal | 'slug-taken'>> {
  const access = await accessTo(deps.db, process, actor);
  const d = decide(
    {
      organizer: canInProcess(access, process, 'manage-bodies'),
      bodyTypes: process.bodyTypes,
      officialLanguages: process.officialLanguages,
      processPublished: process.status === 'published',
    },
    input,
    slug,
  );
  if (!d.ok) return d;
  try {
    return await transact(deps.db, async (trx) => {
      const now = deps.clock.now();
      const id = await insertBody(trx, process.id, slug, input, await nextBodyPosition(trx, process.id));
      // The charter a body starts with is its first version.
      await insertCharterVersion(trx, { bodyId: id, charter: input.charter, source: 'created', proposalId: null, now });
      await appendEvents(trx, process.id, actor, d.value.events, now);
      return ok({ slug });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return refuse('slug-taken');
    throw e;
  }
}
