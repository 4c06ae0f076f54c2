import type { Actor } from '../../../kernel/actor.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { applyCharter, bodyById } from '../../groups/index.ts';
import type { Process } from '../../processes/index.ts';
import { latestAssessment } from '../db/record-queries.ts';
import { changeStatus, type StatusChange } from '../db/writes.ts';
import { insertDecision } from '../db/record-writes.ts';
import { transition, type CallInput, type Transition, type TransitionRefusal } from '../domain/lifecycle.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Evaluation } from '../domain/criteria.ts';
import type { Proposal } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { evaluationOf, inProposal } from './in-proposal.ts';
import { indexProposal } from './index-proposal.ts';

/**
 * The chair moves a proposal along: opens the discussion (publishing it in
 * every official language), opens the consensus call (online, or in a meeting
 * whose end closes the quiet period), returns it to discussion, records the
 * decision (only when the criteria say consensus and the chair has assessed
 * it so) or closes it without consensus. A decided change of scope applies to
 * the working group's charter in the same transaction.
 */
export async function advanceProposal(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Proposal,
  t: Transition,
  call: CallInput = null,
): Promise<Result<{ evaluation: Evaluation }, ConsensusRefusal | TransitionRefusal>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  const problem = refusalFor(access, 'chair', { status: proposal.status });
  if (problem) return refuse(problem);
  return inProposal<{ evaluation: Evaluation }, ConsensusRefusal | TransitionRefusal>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const [evaluation, assessment] = await Promise.all([evaluationOf(trx, process, locked, now), latestAssessment(trx, locked.id, locked.round)]);
    const d = transition(locked, t, { officialLanguages: process.officialLanguages, evaluation, latestAssessment: assessment, call: t === 'open-call' ? call : null }, now);
    if (!d.ok) return d;
    const change: StatusChange = { status: d.value.to };
    const events: DomainEvent[] = [...d.value.events];
    switch (t) {
      case 'open-discussion':
        change.discussionOpenedAt = now;
        break;
      case 'open-call':
        Object.assign(change, { callOpenedAt: now, callWhere: call?.where ?? null, callEndsAt: call?.endsAt ?? null });
        break;
      case 'return-to-discussion':
        Object.assign(change, { callOpenedAt: null, callWhere: null, callEndsAt: null });
        break;
      case 'decide':
      case 'close':
        change.decidedAt = now;
        await insertDecision(trx, {
          proposalId: locked.id,
          round: locked.round,
          outcome: t === 'decide' ? 'decided' : 'closed',
          evaluation,
          assessmentId: assessment?.id ?? null,
          by: actor,
          now,
        });
        if (t === 'decide' && locked.kind === 'scope' && locked.proposedCharter) {
          const body = await bodyById(trx, process.id, locked.bodyId);
          if (body) events.push(await applyCharter(trx, body, locked.proposedCharter, locked.id, now));
        }
        break;
    }
    await changeStatus(trx, locked.id, locked.status, change, actor, now, locked.round);
    // Leaving drafting makes the proposal searchable (closing a draft keeps it out).
    await indexProposal(trx, process, locked.id);
    return ok({ value: { evaluation }, events });
  });
}
