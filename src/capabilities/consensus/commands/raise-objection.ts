import type { Actor } from '../../../kernel/actor.ts';
import { cleanLocalized, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { updateAggregates } from '../db/writes.ts';
import { insertObjection } from '../db/record-writes.ts';
import { hasAnyText } from '../domain/assessments.ts';
import { recount } from '../domain/objections.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Proposal, Where } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { inProposal } from './in-proposal.ts';

/** A dissenting view raised in discussion, without a position. It is tracked until discussed, like any objection. */
export async function raiseObjection(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId' | 'status'>,
  input: { text: Localized; where?: Where | null },
): Promise<Result<{ id: number }, ConsensusRefusal | 'text-required'>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  const early = refusalFor(access, 'raise-objection', { status: proposal.status });
  if (early) return refuse(early);
  const text = cleanLocalized(input.text);
  if (!hasAnyText(text)) return refuse('text-required');
  return inProposal<{ id: number }, ConsensusRefusal | 'text-required'>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const problem = refusalFor(access, 'raise-objection', { status: locked.status });
    if (problem) return refuse(problem);
    const id = await insertObjection(trx, {
      proposalId: locked.id,
      authorParticipantId: access.participantId!,
      text,
      round: locked.round,
      fromPosition: false,
      where: input.where ?? null,
      now,
    });
    await updateAggregates(trx, locked.id, recount(locked.objections, null, 'open'), now);
    return ok({
      value: { id },
      events: [{ action: 'proposal.objection-raised', subjectType: 'proposal', subjectId: String(locked.id), data: { objectionId: id, participantId: access.participantId } }],
    });
  });
}
