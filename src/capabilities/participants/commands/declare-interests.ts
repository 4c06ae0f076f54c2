import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { latestDeclaration, participantOfUser } from '../db/queries.ts';
import { insertDeclaration, lockParticipant } from '../db/writes.ts';
import { declareInterests as decide, type DeclarationInput, type DeclarationRefusal } from '../domain/declaration.ts';

export async function declareInterests(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  input: DeclarationInput,
): Promise<Result<{ version: number }, DeclarationRefusal | 'unchanged' | 'not-participant'>> {
  if (actor.kind !== 'user') return refuse('not-participant');
  return transact(deps.db, async (trx) => {
    const p = await participantOfUser(trx, process.id, actor.userId);
    if (!p) return refuse('not-participant');
    // Lock before reading the latest declaration, so two declarations at once get distinct versions.
    await lockParticipant(trx, p.id);
    const d = decide(await latestDeclaration(trx, p.id), input);
    if (!d.ok) return d;
    const now = deps.clock.now();
    await insertDeclaration(trx, p.id, d.value, now);
    await appendEvents(
      trx,
      process.id,
      actor,
      [{ action: 'declaration.made', subjectType: 'participant', subjectId: String(p.id), data: { version: d.value.version, hasInterests: d.value.hasInterests } }],
      now,
    );
    return ok({ version: d.value.version });
  });
}
