import type { Actor } from '../../../kernel/actor.ts';
import type { Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import type { PermissionRefusal } from '../domain/permissions.ts';
import { participantById } from '../../participants/index.ts';
import { raiseHand as decide, type StateRefusal } from '../domain/transitions.ts';
import { changeQueue } from './change-queue.ts';

/** A participant in good standing raises their hand online. Their own, never someone else's. */
export function raiseHand(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
): Promise<Result<{ eventId: number }, StateRefusal | PermissionRefusal>> {
  return changeQueue(deps, actor, process, meeting, 'raise-hand', async (q, room, access, trx) => {
    const p = (await participantById(trx, process.id, access.participantId!))!;
    return decide(q, room, { participantId: p.id, displayName: p.displayName, categoryKey: p.categoryKey, categoryOther: p.categoryOther }, 'online', deps.clock.now());
  });
}
