import { sql } from 'kysely';
import type { Actor } from '../../../kernel/actor.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { TallyDelta } from '../domain/positions.ts';
import type { ObjectionCounts, ProposalInput, ProposalStatus, Stance, Where } from '../domain/proposal.ts';

export const userOf = (actor: Actor) => (actor.kind === 'user' ? { id: actor.userId, name: actor.name } : { id: null, name: null });

export async function insertProposal(
  db: Db,
  p: {
    processId: number;
    bodyId: number;
    input: ProposalInput;
    textHtml: Localized;
    charterBefore: Localized | null;
    authorUserId: number | null;
    authorParticipantId: number | null;
    now: Date;
  },
): Promise<number> {
  const r = await db
    .insertInto('proposals')
    .values({
      processId: p.processId,
      bodyId: p.bodyId,
      kind: p.input.kind,
      title: JSON.stringify(p.input.title),
      text: JSON.stringify(p.input.text),
      textHtml: JSON.stringify(p.textHtml),
      proposedCharter: p.input.proposedCharter ? JSON.stringify(p.input.proposedCharter) : null,
      charterBefore: p.charterBefore ? JSON.stringify(p.charterBefore) : null,
      link: p.input.link ? JSON.stringify(p.input.link) : null,
      authorUserId: p.authorUserId,
      authorParticipantId: p.authorParticipantId,
      createdAt: p.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDraft(db: Db, id: number, input: ProposalInput, textHtml: Localized): Promise<void> {
  await db
    .updateTable('proposals')
    .set({
      title: JSON.stringify(input.title),
      text: JSON.stringify(input.text),
      textHtml: JSON.stringify(textHtml),
      proposedCharter: input.proposedCharter ? JSON.stringify(input.proposedCharter) : null,
      link: input.link ? JSON.stringify(input.link) : null,
    })
    .where('id', '=', id)
    .execute();
}

export type StatusChange = {
  status: ProposalStatus;
  discussionOpenedAt?: Date;
  callOpenedAt?: Date | null;
  callWhere?: Where | null;
  callEndsAt?: Date | null;
  decidedAt?: Date | null;
  round?: number;
};

export async function changeStatus(db: Db, id: number, from: ProposalStatus | null, change: StatusChange, actor: Actor, now: Date, round: number): Promise<void> {
  const { callWhere, ...rest } = change;
  await db
    .updateTable('proposals')
    .set({ ...rest, ...(callWhere !== undefined ? { callWhere: callWhere ? JSON.stringify(callWhere) : null } : {}) })
    .where('id', '=', id)
    .execute();
  await insertTransition(db, id, from, change.status, round, actor, now);
}

export async function insertTransition(db: Db, proposalId: number, from: ProposalStatus | null, to: ProposalStatus, round: number, actor: Actor, now: Date): Promise<void> {
  const u = userOf(actor);
  await db.insertInto('proposalTransitions').values({ proposalId, fromStatus: from, toStatus: to, round, at: now, byUserId: u.id, byName: u.name }).execute();
}

export async function insertPosition(
  db: Db,
  p: {
    proposalId: number;
    participantId: number;
    round: number;
    stance: Stance;
    reason: Localized | null;
    objectionId: number | null;
    categoryKey: string;
    categoryOther: string | null;
    where: Where | null;
    inRoom: boolean;
    senseId?: number | null;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('positions')
    .values({
      proposalId: p.proposalId,
      participantId: p.participantId,
      round: p.round,
      stance: p.stance,
      reason: p.reason ? JSON.stringify(p.reason) : null,
      objectionId: p.objectionId,
      categoryKey: p.categoryKey,
      categoryOther: p.categoryOther,
      takenWhere: p.where ? JSON.stringify(p.where) : null,
      inRoom: p.inRoom,
      senseId: p.senseId ?? null,
      takenAt: p.now,
    })
    .execute();
}

export async function supersedePosition(db: Db, positionId: number, at: Date): Promise<void> {
  await db.updateTable('positions').set({ supersededAt: at }).where('id', '=', positionId).execute();
}

/**
 * The tallies move with each position: one statement per touched category.
 * A category losing a position already has its row (so it is updated); one
 * only gaining may not (so it is upserted). CHECK constraints are tested on
 * the row an upsert proposes, so a decrement never goes through one.
 */
export async function applyDeltas(db: Db, proposalId: number, deltas: readonly TallyDelta[]): Promise<void> {
  const by = new Map<string, { agree: number; canLive: number; cannot: number }>();
  for (const d of deltas) {
    const row = by.get(d.categoryKey) ?? { agree: 0, canLive: 0, cannot: 0 };
    if (d.stance === 'agree') row.agree += d.delta;
    else if (d.stance === 'can-live') row.canLive += d.delta;
    else row.cannot += d.delta;
    by.set(d.categoryKey, row);
  }
  for (const [categoryKey, t] of by) {
    if (t.agree === 0 && t.canLive === 0 && t.cannot === 0) continue;
    if (t.agree < 0 || t.canLive < 0 || t.cannot < 0) {
      await db
        .updateTable('proposalTallies')
        .set((eb) => ({ agree: eb('agree', '+', t.agree), canLive: eb('canLive', '+', t.canLive), cannot: eb('cannot', '+', t.cannot) }))
        .where('proposalId', '=', proposalId)
        .where('categoryKey', '=', categoryKey)
        .execute();
    } else {
      await db
        .insertInto('proposalTallies')
        .values({ proposalId, categoryKey, ...t })
        .onConflict((oc) =>
          oc.columns(['proposalId', 'categoryKey']).doUpdateSet((eb) => ({
            agree: eb('proposalTallies.agree', '+', eb.ref('excluded.agree')),
            canLive: eb('proposalTallies.canLive', '+', eb.ref('excluded.canLive')),
            cannot: eb('proposalTallies.cannot', '+', eb.ref('excluded.cannot')),
          })),
        )
        .execute();
    }
  }
}

/** Rebuilds a proposal's tallies from its current positions (after a bulk load, or to repair). */
export async function rebuildTallies(db: Db, proposalId: number): Promise<void> {
  await db.deleteFrom('proposalTallies').where('proposalId', '=', proposalId).execute();
  await sql`
    INSERT INTO proposal_tallies (proposal_id, category_key, agree, can_live, cannot)
    SELECT proposal_id, category_key,
      count(*) FILTER (WHERE stance = 'agree'), count(*) FILTER (WHERE stance = 'can-live'), count(*) FILTER (WHERE stance = 'cannot')
    FROM positions WHERE proposal_id = ${proposalId} AND superseded_at IS NULL
    GROUP BY proposal_id, category_key`.execute(db);
}

const COUNT_COLUMN = { open: 'openObjections', discussed: 'discussedObjections', standing: 'standingObjections', withdrawn: 'withdrawnObjections' } as const;

/** The objection counters and the time of the last argument, kept on the proposal. */
export async function updateAggregates(db: Db, proposalId: number, counts: ObjectionCounts, lastArgumentAt: Date | null): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const k of Object.keys(COUNT_COLUMN) as Array<keyof ObjectionCounts>) set[COUNT_COLUMN[k]] = counts[k];
  await db
    .updateTable('proposals')
    .set({ ...(set as object), lastArgumentAt })
    .where('id', '=', proposalId)
    .execute();
}

export async function startNewRound(db: Db, proposalId: number, round: number, informationId: number, now: Date): Promise<void> {
  await db.updateTable('decisions').set({ reopenedAt: now, reopenedByInformationId: informationId }).where('proposalId', '=', proposalId).where('round', '=', round).execute();
  await db.updateTable('positions').set({ supersededAt: now }).where('proposalId', '=', proposalId).where('supersededAt', 'is', null).execute();
  await db.deleteFrom('proposalTallies').where('proposalId', '=', proposalId).execute();
}
