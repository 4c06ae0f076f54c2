import type { Actor } from '../../../kernel/actor.ts';
import type { Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import type { PermissionRefusal } from '../domain/permissions.ts';
import { setPolicy as decide, type StateRefusal } from '../domain/transitions.ts';
import { changeQueue } from './change-queue.ts';

export function setPolicy(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId'>,
  policy: string,
): Promise<Result<{ eventId: number }, StateRefusal | PermissionRefusal>> {
  return changeQueue(deps, actor, process, meeting, 'set-policy', (q, room) => decide(q, room, policy));
}
