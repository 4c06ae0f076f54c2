import type { Actor } from '../../../kernel/actor.ts';
import { ok, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { accessTo, canInProcess, type Process } from '../../processes/index.ts';
import { updateBodyStatus } from '../db/writes.ts';
import type { Body, BodyStatus } from '../domain/body.ts';
import { setStatus } from '../domain/edit.ts';

/** Fluid, but not without structure: bodies close and reopen, and the record says so. */
export async function setBodyStatus(deps: CommandDeps, actor: Actor, process: Process, body: Body, next: BodyStatus): Promise<Result<null, 'not-allowed' | 'unchanged'>> {
  const access = await accessTo(deps.db, process, actor);
  const d = setStatus(canInProcess(access, process, 'manage-bodies'), body.status, next);
  if (!d.ok) return d;
  await transact(deps.db, async (trx) => {
    if (!(await updateBodyStatus(trx, body.id, next))) return;
    await appendEvents(
      trx,
      process.id,
      actor,
      d.value.map((e) => ({ ...e, subjectId: body.slug, data: { name: body.name } })),
      deps.clock.now(),
    );
  });
  return ok(null);
}
