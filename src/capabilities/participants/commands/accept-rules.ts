import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { currentRules, type Process } from '../../processes/index.ts';
import { participantOfUser } from '../db/queries.ts';
import { insertAcceptanceOnce } from '../db/writes.ts';

/** Accepting the rules in force; accepting a version that is no longer current is refused (the page was stale). */
export async function acceptRules(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  version: number,
): Promise<Result<null, 'not-participant' | 'not-current' | 'already-accepted'>> {
  if (actor.kind !== 'user') return refuse('not-participant');
  return transact(deps.db, async (trx) => {
    const p = await participantOfUser(trx, process.id, actor.userId);
    if (!p) return refuse('not-participant');
    const rules = await currentRules(trx, process.id);
    if (!rules || rules.version !== version) return refuse('not-current');
    if (!(await insertAcceptanceOnce(trx, p.id, rules.id, deps.clock.now()))) return refuse('already-accepted');
    await appendEvents(trx, process.id, actor, [{ action: 'rules.accepted', subjectType: 'participant', subjectId: String(p.id), data: { version } }], deps.clock.now());
    return ok(null);
  });
}
