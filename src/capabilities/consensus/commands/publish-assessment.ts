import type { Actor } from '../../../kernel/actor.ts';
import { cleanLocalized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { latestAssessment } from '../db/record-queries.ts';
import { insertAssessment } from '../db/record-writes.ts';
import { checkAssessment, type AssessmentInput } from '../domain/assessments.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Proposal } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { evaluationOf, inProposal } from './in-proposal.ts';

/**
 * The chair characterizes the outcome of the call with a GNSO level and a
 * direction. A later assessment revises the earlier one; every one is kept,
 * with the criteria as they stood when it was made.
 */
export async function publishAssessment(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId' | 'status'>,
  input: AssessmentInput,
): Promise<Result<{ id: number }, ConsensusRefusal | 'missing-translations'>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  const early = refusalFor(access, 'chair', { status: proposal.status });
  if (early) return refuse(early);
  const clean = { ...input, text: cleanLocalized(input.text) };
  if (checkAssessment(clean, process.officialLanguages)) return refuse('missing-translations');
  return inProposal<{ id: number }, ConsensusRefusal | 'missing-translations'>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    if (locked.status !== 'call') return refuse('wrong-status');
    const [evaluation, previous] = await Promise.all([evaluationOf(trx, process, locked, now), latestAssessment(trx, locked.id, locked.round)]);
    const id = await insertAssessment(trx, { proposalId: locked.id, round: locked.round, input: clean, evaluation, revisesId: previous?.id ?? null, chair: actor, now });
    return ok({
      value: { id },
      events: [
        {
          action: previous ? 'proposal.assessment-revised' : 'proposal.assessed',
          subjectType: 'proposal',
          subjectId: String(locked.id),
          data: { assessmentId: id, level: clean.level, direction: clean.direction, outcome: evaluation.outcome },
        },
      ],
    });
  });
}
