import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { bodyById, bodyBySlug, type Body } from '../../groups/index.ts';
import { denied, loadProcess, type Process } from '../../processes/index.ts';
import { consensusAccess } from '../commands/access.ts';
import { proposalById } from '../db/queries.ts';
import { refusalFor, type ConsensusAccess } from '../domain/permissions.ts';
import type { Proposal } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';

export type Loaded = { process: Process; proposal: Proposal; body: Body; access: ConsensusAccess; isAuthor: boolean };

/** The proposal named in the URL; a draft is a 404 to anyone outside its body. */
export async function loadProposal(c: Ctx, deps: Pick<Deps, 'db'>): Promise<Loaded> {
  const { process } = await loadProcess(c, deps);
  const raw = c.req.param('id') ?? '';
  const proposal = /^\d{1,12}$/.test(raw) ? await proposalById(deps.db, process.id, Number(raw)) : null;
  if (!proposal) throw new HttpProblem('not-found');
  const body = await bodyById(deps.db, process.id, proposal.bodyId);
  if (!body) throw new HttpProblem('not-found');
  const actor = c.get('actor');
  const access = await consensusAccess(deps.db, process, body.id, actor);
  const isAuthor = actor.kind === 'user' && proposal.authorUserId === actor.userId;
  if (refusalFor(access, 'view-draft', { status: proposal.status, isAuthor })) throw new HttpProblem('not-found');
  return { process, proposal, body, access, isAuthor };
}

export async function loadBody(c: Ctx, deps: Pick<Deps, 'db'>, bodySlug: string): Promise<{ process: Process; body: Body }> {
  const { process } = await loadProcess(c, deps);
  const body = /^[a-z0-9-]{1,60}$/.test(bodySlug) ? await bodyBySlug(deps.db, process.id, bodySlug) : null;
  if (!body) throw new HttpProblem('not-found');
  return { process, body };
}

/** A refusal as an HTTP answer: sign in, forbidden, or a conflict with its reason in the reader's language. */
export function refusalProblem(c: Ctx, refusal: string): HttpProblem {
  if (refusal === 'not-signed-in') return new HttpProblem('sign-in');
  if (refusal === 'not-found') return new HttpProblem('not-found');
  const m = consensusMessages(c.get('locale'));
  if (refusal === 'not-chair' || refusal === 'not-author' || refusal === 'not-member' || refusal === 'observer' || refusal === 'not-in-minority') {
    return c.get('actor').kind === 'user' ? new HttpProblem('forbidden', m.refusal[refusal]) : denied(c);
  }
  return new HttpProblem('conflict', m.refusal[refusal] ?? m.transitionRefusal[refusal] ?? m.refusal['wrong-status']);
}
