import type { Actor } from '../../../kernel/actor.ts';
import type { Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import type { PermissionRefusal } from '../domain/permissions.ts';
import { giveFloor as decide, type StateRefusal } from '../domain/transitions.ts';
import { changeQueue } from './change-queue.ts';

/** Only the facilitator gives the floor: to the next in order (entryId null), or to another hand with a logged reason. */
export function giveFloor(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
  input: { entryId: number | null; reason: string | null },
): Promise<Result<{ eventId: number }, StateRefusal | PermissionRefusal>> {
  return changeQueue(deps, actor, process, meeting, 'give-floor', (q, room) => decide(q, room, input, deps.clock.now()));
}
