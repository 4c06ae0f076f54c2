import type { Actor } from '../../../kernel/actor.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { AssessmentInput } from '../domain/assessments.ts';
import type { Evaluation } from '../domain/criteria.ts';
import type { ObjectionStatus, Resolution } from '../domain/objections.ts';
import type { Where } from '../domain/proposal.ts';
import type { InformationInput, InformationStatus } from '../domain/reopen.ts';
import { userOf } from './writes.ts';

// Writes for the rest of a decision's record: objections, assessments,
// responses, minority statements, new information and decisions.

export async function insertObjection(
  db: Db,
  o: { proposalId: number; authorParticipantId: number; text: Localized; round: number; fromPosition: boolean; where: Where | null; now: Date },
): Promise<number> {
  const r = await db
    .insertInto('objections')
    .values({
      proposalId: o.proposalId,
      authorParticipantId: o.authorParticipantId,
      text: JSON.stringify(o.text),
      round: o.round,
      raisedAt: o.now,
      fromPosition: o.fromPosition,
      raisedWhere: o.where ? JSON.stringify(o.where) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function recordObjectionDiscussion(db: Db, id: number, d: { where: Where; resolution: Resolution; reasoning: Localized; by: Actor; now: Date }): Promise<void> {
  await db
    .updateTable('objections')
    .set({
      status: 'discussed',
      discussedAt: d.now,
      discussedWhere: JSON.stringify(d.where),
      resolution: d.resolution,
      reasoning: JSON.stringify(d.reasoning),
      discussedByUserId: userOf(d.by).id,
    })
    .where('id', '=', id)
    .execute();
}

export async function setObjectionStatus(db: Db, id: number, status: ObjectionStatus, now: Date): Promise<void> {
  await db
    .updateTable('objections')
    .set({ status, ...(status === 'withdrawn' || status === 'standing' ? { closedAt: now } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function insertAssessment(
  db: Db,
  a: { proposalId: number; round: number; input: AssessmentInput; evaluation: Evaluation; revisesId: number | null; chair: Actor; now: Date },
): Promise<number> {
  const u = userOf(a.chair);
  const r = await db
    .insertInto('assessments')
    .values({
      proposalId: a.proposalId,
      round: a.round,
      level: a.input.level,
      direction: a.input.direction,
      text: JSON.stringify(a.input.text),
      evaluation: JSON.stringify(a.evaluation),
      revisesId: a.revisesId,
      chairUserId: u.id,
      chairName: u.name,
      assessedAt: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertResponse(db: Db, r: { assessmentId: number; participantId: number; text: Localized; now: Date }): Promise<void> {
  await db
    .insertInto('assessmentResponses')
    .values({ assessmentId: r.assessmentId, participantId: r.participantId, text: JSON.stringify(r.text), respondedAt: r.now })
    .execute();
}

export async function insertMinorityStatement(db: Db, s: { proposalId: number; round: number; participantId: number; text: Localized; now: Date }): Promise<number> {
  const r = await db
    .insertInto('minorityStatements')
    .values({ proposalId: s.proposalId, round: s.round, authorParticipantId: s.participantId, text: JSON.stringify(s.text), attachedAt: s.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertSigner(db: Db, statementId: number, participantId: number, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('minorityStatementSigners')
    .values({ statementId, participantId, signedAt: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertInformation(db: Db, i: { proposalId: number; round: number; participantId: number; input: InformationInput; now: Date }): Promise<number> {
  const r = await db
    .insertInto('newInformation')
    .values({
      proposalId: i.proposalId,
      round: i.round,
      filedByParticipantId: i.participantId,
      whatIsNew: JSON.stringify(i.input.whatIsNew),
      whyItMatters: JSON.stringify(i.input.whyItMatters),
      links: JSON.stringify(i.input.links),
      filedAt: i.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function answerInformation(db: Db, id: number, a: { status: InformationStatus; answer: Localized; by: Actor; now: Date }): Promise<void> {
  await db
    .updateTable('newInformation')
    .set({ status: a.status, answer: JSON.stringify(a.answer), answeredAt: a.now, answeredByUserId: userOf(a.by).id })
    .where('id', '=', id)
    .execute();
}

export async function insertDecision(
  db: Db,
  d: { proposalId: number; round: number; outcome: 'decided' | 'closed'; evaluation: Evaluation; assessmentId: number | null; by: Actor; now: Date },
): Promise<void> {
  const u = userOf(d.by);
  await db
    .insertInto('decisions')
    .values({
      proposalId: d.proposalId,
      round: d.round,
      outcome: d.outcome,
      evaluation: JSON.stringify(d.evaluation),
      assessmentId: d.assessmentId,
      decidedAt: d.now,
      decidedByUserId: u.id,
      decidedByName: u.name,
    })
    .execute();
}

/**
 * A new round: the decision taken stays in the record, marked reopened; the
 * positions of the earlier round stay in the history but no longer count.
 */
