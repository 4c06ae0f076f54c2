import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { participantOfUser } from '../db/queries.ts';
import { insertProfileHistory, updateParticipantProfile } from '../db/writes.ts';
import { reviseProfile, type Profile, type ProfileRefusal } from '../domain/participant.ts';

export async function updateProfile(deps: CommandDeps, actor: Actor, process: Process, input: Profile): Promise<Result<null, ProfileRefusal | 'unchanged' | 'not-participant'>> {
  if (actor.kind !== 'user') return refuse('not-participant');
  return transact(deps.db, async (trx) => {
    const current = await participantOfUser(trx, process.id, actor.userId);
    if (!current) return refuse('not-participant');
    const next = reviseProfile(current, input, process.stakeholderCategories);
    if (typeof next === 'string') return refuse(next);
    const now = deps.clock.now();
    await updateParticipantProfile(trx, current.id, next, now);
    await insertProfileHistory(trx, current.id, next, now);
    await appendEvents(
      trx,
      process.id,
      actor,
      [{ action: 'participant.profile-updated', subjectType: 'participant', subjectId: String(current.id), data: { category: next.categoryKey } }],
      now,
    );
    return ok(null);
  });
}
