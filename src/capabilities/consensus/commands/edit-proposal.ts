import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { WORKING_GROUP, type Body } from '../../groups/index.ts';
import type { Process } from '../../processes/index.ts';
import { updateDraft } from '../db/writes.ts';
import { checkProposalInput, type ProposalInputRefusal } from '../domain/lifecycle.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Proposal, ProposalInput } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { renderText } from './render-text.ts';
import { inProposal } from './in-proposal.ts';
import { indexProposal } from './index-proposal.ts';

/** A draft is edited by its author or the chair. Once in discussion, the text people take positions on no longer changes. */
export async function editProposal(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  body: Body,
  proposal: Proposal,
  input: Omit<ProposalInput, 'kind'>,
): Promise<Result<null, ConsensusRefusal | ProposalInputRefusal>> {
  const access = await consensusAccess(deps.db, process, body.id, actor);
  const isAuthor = actor.kind === 'user' && proposal.authorUserId === actor.userId;
  const full: ProposalInput = { ...input, kind: proposal.kind };
  const inputProblem = checkProposalInput(full, { isWorkingGroup: body.typeKey === WORKING_GROUP });
  return inProposal<null, ConsensusRefusal | ProposalInputRefusal>(deps, actor, process, proposal.id, async (trx, locked) => {
    const problem = refusalFor(access, 'edit-draft', { status: locked.status, isAuthor });
    if (problem) return refuse(problem);
    if (inputProblem) return refuse(inputProblem);
    await updateDraft(trx, locked.id, full, renderText(full.text));
    await indexProposal(trx, process, locked.id);
    return ok({
      value: null,
      events: [
        { action: 'proposal.edited', subjectType: 'proposal', subjectId: String(locked.id), data: { title: full.title, before: { title: locked.title, text: locked.text } } },
      ],
    });
  });
}
