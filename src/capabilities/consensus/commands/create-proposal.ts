import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { WORKING_GROUP, type Body } from '../../groups/index.ts';
import type { Process } from '../../processes/index.ts';
import { insertProposal, insertTransition } from '../db/writes.ts';
import { checkProposalInput, type ProposalInputRefusal } from '../domain/lifecycle.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { ProposalInput } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { renderText } from './render-text.ts';

/** A member of a body (or the convener) drafts a proposal: a decision to take, or a change of the working group's scope. */
export async function createProposal(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  body: Body,
  input: ProposalInput,
): Promise<Result<{ id: number }, ConsensusRefusal | ProposalInputRefusal>> {
  const access = await consensusAccess(deps.db, process, body.id, actor);
  const problem = refusalFor(access, 'propose', { status: null, bodyClosed: body.status === 'closed' });
  if (problem) return refuse(problem);
  const inputProblem = checkProposalInput(input, { isWorkingGroup: body.typeKey === WORKING_GROUP });
  if (inputProblem) return refuse(inputProblem);
  const id = await transact(deps.db, async (trx) => {
    const now = deps.clock.now();
    const id = await insertProposal(trx, {
      processId: process.id,
      bodyId: body.id,
      input,
      textHtml: renderText(input.text),
      charterBefore: input.kind === 'scope' ? body.charter : null,
      authorUserId: actor.kind === 'user' ? actor.userId : null,
      authorParticipantId: access.participantId,
      now,
    });
    await insertTransition(trx, id, null, 'drafting', 1, actor, now);
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: input.kind === 'scope' ? 'proposal.scope-drafted' : 'proposal.drafted',
          subjectType: 'proposal',
          subjectId: String(id),
          data: { title: input.title, body: body.slug },
        },
      ],
      now,
    );
    return id;
  });
  return ok({ id });
}
