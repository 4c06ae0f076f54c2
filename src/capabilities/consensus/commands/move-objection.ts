import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { objectionById } from '../db/record-queries.ts';
import { updateAggregates } from '../db/writes.ts';
import { setObjectionStatus } from '../db/record-writes.ts';
import { objectionStep, recount } from '../domain/objections.ts';
import type { ConsensusRefusal } from '../domain/permissions.ts';
import { isOpenForPositions, type Proposal } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { inProposal } from './in-proposal.ts';

/** Only its author withdraws an objection, or says it still stands once it has been discussed. */
export async function moveObjection(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId'>,
  objectionId: number,
  step: 'withdraw' | 'maintain',
): Promise<Result<null, ConsensusRefusal | 'not-found'>> {
  if (actor.kind !== 'user') return refuse('not-signed-in');
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  return inProposal<null, ConsensusRefusal | 'not-found'>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const objection = await objectionById(trx, locked.id, objectionId, { forUpdate: true });
    if (!objection) return refuse('not-found');
    if (access.participantId === null || objection.authorParticipantId !== access.participantId) return refuse('not-author');
    if (!isOpenForPositions(locked.status)) return refuse('wrong-status');
    const next = objectionStep(objection.status, step);
    if (!next.ok) return next;
    await setObjectionStatus(trx, objection.id, next.value, now);
    await updateAggregates(trx, locked.id, recount(locked.objections, objection.status, next.value), locked.lastArgumentAt);
    return ok({
      value: null,
      events: [
        {
          action: step === 'withdraw' ? 'proposal.objection-withdrawn' : 'proposal.objection-maintained',
          subjectType: 'proposal',
          subjectId: String(locked.id),
          data: { objectionId },
        },
      ],
    });
  });
}
