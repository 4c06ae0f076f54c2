import type { Actor } from '../../../kernel/actor.ts';
import { cleanLocalized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { objectionById } from '../db/record-queries.ts';
import { updateAggregates } from '../db/writes.ts';
import { recordObjectionDiscussion } from '../db/record-writes.ts';
import { checkDiscussion, objectionStep, recount, type DiscussionInput, type DiscussionRefusal } from '../domain/objections.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import { isOpenForPositions, type Proposal } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { inProposal } from './in-proposal.ts';

/** The chair records that a dissenting view was discussed: where, and how it was addressed (accommodated or not, and why). */
export async function recordDiscussion(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId' | 'status'>,
  objectionId: number,
  input: DiscussionInput,
): Promise<Result<null, ConsensusRefusal | DiscussionRefusal | 'not-found'>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  const early = refusalFor(access, 'chair', { status: proposal.status });
  if (early) return refuse(early);
  const clean = { ...input, reasoning: cleanLocalized(input.reasoning), where: { ...input.where, label: input.where.label.trim() } };
  const invalid = checkDiscussion(clean, process.officialLanguages);
  if (invalid) return refuse(invalid);
  return inProposal<null, ConsensusRefusal | DiscussionRefusal | 'not-found'>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    if (!isOpenForPositions(locked.status)) return refuse('wrong-status');
    const objection = await objectionById(trx, locked.id, objectionId, { forUpdate: true });
    if (!objection) return refuse('not-found');
    const step = objectionStep(objection.status, 'discuss');
    if (!step.ok) return step;
    await recordObjectionDiscussion(trx, objection.id, { ...clean, by: actor, now });
    await updateAggregates(trx, locked.id, recount(locked.objections, objection.status, step.value), locked.lastArgumentAt);
    return ok({
      value: null,
      events: [
        {
          action: 'proposal.objection-discussed',
          subjectType: 'proposal',
          subjectId: String(locked.id),
          data: { objectionId, resolution: clean.resolution, where: clean.where },
        },
      ],
    });
  });
}
