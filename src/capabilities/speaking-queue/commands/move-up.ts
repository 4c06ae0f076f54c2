import type { Actor } from '../../../kernel/actor.ts';
import type { Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import type { PermissionRefusal } from '../domain/permissions.ts';
import { moveUp as decide, type StateRefusal } from '../domain/transitions.ts';
import { changeQueue } from './change-queue.ts';

/** A facilitator's override: a hand moved to the front, with its reason shown to all and logged. */
export function moveUp(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
  entryId: number,
  reason: string | null,
): Promise<Result<{ eventId: number }, StateRefusal | PermissionRefusal>> {
  return changeQueue(deps, actor, process, meeting, 'move-up', (q, room) => decide(q, room, entryId, reason));
}
