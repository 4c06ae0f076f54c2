import type { Actor } from '../../../kernel/actor.ts';
import type { Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import type { PermissionRefusal } from '../domain/permissions.ts';
import { removeHand as decide, type StateRefusal } from '../domain/transitions.ts';
import { changeQueue } from './change-queue.ts';

export function removeHand(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
  entryId: number,
): Promise<Result<{ eventId: number }, StateRefusal | PermissionRefusal>> {
  return changeQueue(deps, actor, process, meeting, 'remove-hand', (q, room) => decide(q, room, entryId));
}
