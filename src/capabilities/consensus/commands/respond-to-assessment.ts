import type { Actor } from '../../../kernel/actor.ts';
import { cleanLocalized, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { assessmentsOf } from '../db/record-queries.ts';
import { insertResponse } from '../db/record-writes.ts';
import { hasAnyText } from '../domain/assessments.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Proposal } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { inProposal } from './in-proposal.ts';

/** The group responds to the chair's assessment; the responses stay with it. */
export async function respondToAssessment(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId' | 'status'>,
  assessmentId: number,
  input: { text: Localized },
): Promise<Result<null, ConsensusRefusal | 'text-required' | 'not-found'>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  const early = refusalFor(access, 'respond', { status: proposal.status });
  if (early) return refuse(early);
  const text = cleanLocalized(input.text);
  if (!hasAnyText(text)) return refuse('text-required');
  return inProposal<null, ConsensusRefusal | 'text-required' | 'not-found'>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const problem = refusalFor(access, 'respond', { status: locked.status });
    if (problem) return refuse(problem);
    if (!(await assessmentsOf(trx, locked.id)).some((a) => a.id === assessmentId)) return refuse('not-found');
    await insertResponse(trx, { assessmentId, participantId: access.participantId!, text, now });
    return ok({
      value: null,
      events: [{ action: 'proposal.assessment-answered', subjectType: 'proposal', subjectId: String(locked.id), data: { assessmentId, participantId: access.participantId } }],
    });
  });
}
