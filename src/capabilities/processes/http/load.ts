import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { accessTo } from '../commands/access.ts';
import { findProcessBySlug } from '../db/queries.ts';
import { canInProcess, type ProcessAccess } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';

/** The process named in the URL, if the actor may see it; a draft is a 404 to everyone else. */
export async function loadProcess(c: Ctx, deps: Pick<Deps, 'db'>): Promise<{ process: Process; access: ProcessAccess }> {
  const slug = c.req.param('slug') ?? '';
  const process = /^[a-z0-9-]{1,60}$/.test(slug) ? await findProcessBySlug(deps.db, slug) : null;
  if (!process) throw new HttpProblem('not-found');
  const access = await accessTo(deps.db, process, c.get('actor'));
  if (!canInProcess(access, process, 'view')) throw new HttpProblem('not-found');
  return { process, access };
}

/** A refused permission: sign in first if anonymous, else 403. */
export function denied(c: Ctx): HttpProblem {
  return new HttpProblem(c.get('actor').kind === 'user' ? 'forbidden' : 'sign-in');
}

export async function formBody(c: Ctx): Promise<Record<string, unknown>> {
  const body = await c.req.parseBody();
  // Repeated fields arrive as arrays; forms here never repeat one, so keep the last.
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : v]));
}
