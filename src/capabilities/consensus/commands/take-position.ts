import type { Actor } from '../../../kernel/actor.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import { participantById } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import { currentPositionOf } from '../db/queries.ts';
import { applyDeltas, insertPosition, supersedePosition, updateAggregates } from '../db/writes.ts';
import { insertObjection } from '../db/record-writes.ts';
import type { Evaluation } from '../domain/criteria.ts';
import { recount } from '../domain/objections.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import { decidePosition, type PositionRefusal } from '../domain/positions.ts';
import type { Proposal, Stance, Where } from '../domain/proposal.ts';
import { consensusAccess, memberAccess } from './access.ts';
import { evaluationOf, inProposal } from './in-proposal.ts';

export type PositionCommandInput = {
  stance: Stance;
  reason: Localized | null;
  /** Taken in a meeting: where (the meeting and agenda item). */
  where?: Where | null;
  /** Shown in the room as part of the sense of the room (not a vote). */
  inRoom?: boolean;
  /** The sense of the room it is part of (the room's tally counts it). */
  senseId?: number | null;
  /** The facilitator records, by name, the position of someone in the room: that member's, under the same rules. */
  forParticipantId?: number;
};

/**
 * A member takes or changes a position: agree, can live with it, cannot live
 * with it (with a reason, which becomes an objection). The tallies, counters
 * and history change in one transaction, and the criteria are re-evaluated
 * from the aggregates before it commits: the answer is the new evaluation.
 */
export async function takePosition(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId' | 'status'>,
  input: PositionCommandInput,
): Promise<Result<{ evaluation: Evaluation; objectionId: number | null }, ConsensusRefusal | PositionRefusal>> {
  const own = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  let access = own;
  if (input.forParticipantId !== undefined && input.forParticipantId !== own.participantId) {
    const chair = refusalFor(own, 'chair', { status: proposal.status });
    if (chair) return refuse(chair);
    access = await memberAccess(deps.db, process, proposal.bodyId, input.forParticipantId, actor);
  }
  const early = refusalFor(access, 'take-position', { status: proposal.status });
  if (early) return refuse(early);
  const participant = (await participantById(deps.db, process.id, access.participantId!))!;
  return inProposal<{ evaluation: Evaluation; objectionId: number | null }, ConsensusRefusal | PositionRefusal>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const problem = refusalFor(access, 'take-position', { status: locked.status });
    if (problem) return refuse(problem);
    const current = await currentPositionOf(trx, locked.id, participant.id);
    const senseId = input.senseId ?? null;
    const restating = senseId !== null && current !== null && current.senseId !== senseId;
    const d = decidePosition(current, { stance: input.stance, reason: input.reason }, participant.categoryKey, { restating });
    if (!d.ok) return d;
    const where = input.where ?? null;
    let objectionId: number | null = null;
    let objections = locked.objections;
    let lastArgumentAt = locked.lastArgumentAt;
    if (d.value.raisesObjection) {
      objectionId = await insertObjection(trx, {
        proposalId: locked.id,
        authorParticipantId: participant.id,
        text: d.value.reason!,
        round: locked.round,
        fromPosition: true,
        where,
        now,
      });
      objections = recount(objections, null, 'open');
    }
    if (d.value.argument) lastArgumentAt = now;
    if (current) await supersedePosition(trx, current.id, now);
    await insertPosition(trx, {
      proposalId: locked.id,
      participantId: participant.id,
      round: locked.round,
      stance: d.value.stance,
      reason: d.value.reason,
      // Said again in the room, a "cannot live with it" keeps the objection it raised.
      objectionId: objectionId ?? (d.value.stance === 'cannot' && !d.value.raisesObjection ? (current?.objectionId ?? null) : null),
      categoryKey: participant.categoryKey,
      categoryOther: participant.categoryOther,
      where,
      inRoom: input.inRoom ?? false,
      senseId,
      now,
    });
    await applyDeltas(trx, locked.id, d.value.deltas);
    if (objectionId !== null || lastArgumentAt !== locked.lastArgumentAt) await updateAggregates(trx, locked.id, objections, lastArgumentAt);
    const events: DomainEvent[] = [
      {
        action: current ? 'proposal.position-changed' : 'proposal.position-taken',
        subjectType: 'proposal',
        subjectId: String(locked.id),
        data: {
          participantId: participant.id,
          stance: d.value.stance,
          from: current?.stance ?? null,
          inRoom: input.inRoom ?? false,
          where,
          ...(senseId !== null ? { senseId } : {}),
          ...(access !== own ? { recordedFor: true } : {}),
        },
      },
    ];
    if (objectionId !== null)
      events.push({ action: 'proposal.objection-raised', subjectType: 'proposal', subjectId: String(locked.id), data: { objectionId, participantId: participant.id } });
    // Read after the writes, under the lock: a fresh statement sees every change committed before ours.
    const evaluation = await evaluationOf(trx, process, { ...locked, objections, lastArgumentAt }, now);
    return ok({ value: { evaluation, objectionId }, events });
  });
}
