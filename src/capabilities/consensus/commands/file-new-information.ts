import type { Actor } from '../../../kernel/actor.ts';
import { cleanLocalized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { insertInformation } from '../db/record-writes.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Proposal } from '../domain/proposal.ts';
import { checkFiling, type FileRefusal, type InformationInput } from '../domain/reopen.ts';
import { consensusAccess } from './access.ts';
import { inProposal } from './in-proposal.ts';

/** Rule 8: anyone taking part may bring new information to the table against a settled decision; the chair answers it. */
export async function fileNewInformation(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId' | 'status'>,
  input: InformationInput,
): Promise<Result<{ id: number }, ConsensusRefusal | FileRefusal>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  const early = refusalFor(access, 'file-information', { status: proposal.status });
  if (early) return refuse(early);
  const clean: InformationInput = { whatIsNew: cleanLocalized(input.whatIsNew), whyItMatters: cleanLocalized(input.whyItMatters), links: input.links };
  return inProposal<{ id: number }, ConsensusRefusal | FileRefusal>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const problem = checkFiling(locked.status, clean);
    if (problem) return refuse(problem);
    const id = await insertInformation(trx, { proposalId: locked.id, round: locked.round, participantId: access.participantId!, input: clean, now });
    return ok({
      value: { id },
      events: [{ action: 'proposal.information-filed', subjectType: 'proposal', subjectId: String(locked.id), data: { informationId: id, participantId: access.participantId } }],
    });
  });
}
