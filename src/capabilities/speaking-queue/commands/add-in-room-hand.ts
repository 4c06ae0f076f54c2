import type { Actor } from '../../../kernel/actor.ts';
import type { Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import type { PermissionRefusal } from '../domain/permissions.ts';
import { refuse } from '../../../kernel/result.ts';
import { participantById, standingFor } from '../../participants/index.ts';
import { raiseHand as decide, type StateRefusal } from '../domain/transitions.ts';
import { changeQueue } from './change-queue.ts';

/**
 * The facilitator adds a hand raised in the room, by name. The person must
 * be a participant in good standing, as online (rule 6: interests declared
 * before taking part).
 */
export function addInRoomHand(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
  participantId: number,
): Promise<Result<{ eventId: number }, StateRefusal | PermissionRefusal | 'unknown-participant' | 'standing-incomplete'>> {
  return changeQueue(deps, actor, process, meeting, 'add-in-room', async (q, room, _access, trx) => {
    const p = await participantById(trx, process.id, participantId);
    if (!p) return refuse('unknown-participant' as const);
    if (!(await standingFor(trx, process.id, p.id)).mayTakePart) return refuse('standing-incomplete' as const);
    return decide(q, room, { participantId: p.id, displayName: p.displayName, categoryKey: p.categoryKey, categoryOther: p.categoryOther }, 'in-room', deps.clock.now());
  });
}
