import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { isUniqueViolation, transact, type CommandDeps } from '../../../platform/commands.ts';
import { accessTo, canInProcess, currentRules, type Process } from '../../processes/index.ts';
import { insertAcceptance, insertDeclaration, insertParticipant, insertProfileHistory } from '../db/writes.ts';
import { joinProcess as decideJoin, type JoinInput, type JoinRefusal } from '../domain/join.ts';

export async function joinProcess(deps: CommandDeps, actor: Actor, process: Process, input: JoinInput): Promise<Result<{ participantId: number }, JoinRefusal | 'not-signed-in'>> {
  if (actor.kind !== 'user') return refuse('not-signed-in');
  const access = await accessTo(deps.db, process, actor);
  const rules = await currentRules(deps.db, process.id);
  const d = decideJoin(
    {
      processStatus: process.status,
      mayJoinDraft: canInProcess(access, process, 'edit'),
      alreadyParticipant: access.participantId !== null,
      categories: process.stakeholderCategories,
      currentRules: rules ? { id: rules.id, version: rules.version } : null,
    },
    input,
  );
  if (!d.ok) return d;
  const now = deps.clock.now();
  try {
    return await transact(deps.db, async (trx) => {
      const id = await insertParticipant(trx, process.id, actor.userId, d.value.profile, now);
      await insertProfileHistory(trx, id, d.value.profile, now);
      await insertAcceptance(trx, id, d.value.rulesVersionId, now);
      await insertDeclaration(trx, id, { version: 1, ...d.value.declaration }, now);
      await appendEvents(
        trx,
        process.id,
        actor,
        d.value.events.map((e) => ({ ...e, subjectId: String(id) })),
        now,
      );
      return ok({ participantId: id });
    });
  } catch (e) {
    // Two joins at once from the same person: the second one finds the first.
    if (isUniqueViolation(e)) return refuse('already-joined');
    throw e;
  }
}
