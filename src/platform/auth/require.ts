import type { Actor } from '../../kernel/actor.ts';
import type { Ctx } from '../http/context.ts';
import { HttpProblem } from '../http/problem.ts';

/** The signed-in actor, or a 401 page inviting the person to sign in. */
export function requireUser(c: Ctx): Actor & { kind: 'user' } {
  const actor = c.get('actor');
  if (actor.kind !== 'user') throw new HttpProblem('sign-in');
  return actor;
}
