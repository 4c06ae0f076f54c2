import type { Db } from '../../../platform/database/connect.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { Assessment } from '../domain/assessments.ts';
import type { Evaluation } from '../domain/criteria.ts';
import type { Objection } from '../domain/objections.ts';
import type { ProposalStatus } from '../domain/proposal.ts';
import type { NewInformation } from '../domain/reopen.ts';

// The rest of a decision's record: the dissent record, assessments and
// responses, minority statements, new information, decisions and history.

const objectionColumns = [
  'id',
  'proposalId',
  'authorParticipantId',
  'text',
  'status',
  'round',
  'raisedAt',
  'fromPosition',
  'raisedWhere',
  'discussedAt',
  'discussedWhere',
  'resolution',
  'reasoning',
  'closedAt',
] as const;

export async function objectionsOf(db: Db, proposalId: number, opts: { limit?: number } = {}): Promise<Objection[]> {
  return (await db
    .selectFrom('objections')
    .select(objectionColumns)
    .where('proposalId', '=', proposalId)
    .orderBy('id')
    .limit(opts.limit ?? 5000)
    .execute()) as Objection[];
}

export async function objectionById(db: Db, proposalId: number, id: number, opts: { forUpdate?: boolean } = {}): Promise<Objection | null> {
  let q = db.selectFrom('objections').select(objectionColumns).where('proposalId', '=', proposalId).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return ((await q.executeTakeFirst()) as Objection | undefined) ?? null;
}

const assessmentColumns = ['id', 'proposalId', 'round', 'level', 'direction', 'text', 'evaluation', 'revisesId', 'chairUserId', 'chairName', 'assessedAt'] as const;

export async function assessmentsOf(db: Db, proposalId: number): Promise<Assessment[]> {
  return (await db.selectFrom('assessments').select(assessmentColumns).where('proposalId', '=', proposalId).orderBy('id').execute()) as Assessment[];
}

export async function latestAssessment(db: Db, proposalId: number, round: number): Promise<Assessment | null> {
  return (
    ((await db
      .selectFrom('assessments')
      .select(assessmentColumns)
      .where('proposalId', '=', proposalId)
      .where('round', '=', round)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()) as Assessment | undefined) ?? null
  );
}

export type ResponseRow = { id: number; assessmentId: number; participantId: number; text: Localized; respondedAt: Date };

export async function responsesOf(db: Db, proposalId: number): Promise<ResponseRow[]> {
  return db
    .selectFrom('assessmentResponses as r')
    .innerJoin('assessments as a', 'a.id', 'r.assessmentId')
    .select(['r.id', 'r.assessmentId', 'r.participantId', 'r.text', 'r.respondedAt'])
    .where('a.proposalId', '=', proposalId)
    .orderBy('r.id')
    .execute();
}

export type MinorityStatementRow = {
  id: number;
  round: number;
  authorParticipantId: number;
  text: Localized;
  attachedAt: Date;
  signers: Array<{ participantId: number; signedAt: Date }>;
};

export async function minorityStatementsOf(db: Db, proposalId: number): Promise<MinorityStatementRow[]> {
  const [statements, signers] = await Promise.all([
    db.selectFrom('minorityStatements').select(['id', 'round', 'authorParticipantId', 'text', 'attachedAt']).where('proposalId', '=', proposalId).orderBy('id').execute(),
    db
      .selectFrom('minorityStatementSigners as s')
      .innerJoin('minorityStatements as m', 'm.id', 's.statementId')
      .select(['s.statementId', 's.participantId', 's.signedAt'])
      .where('m.proposalId', '=', proposalId)
      .orderBy('s.signedAt')
      .execute(),
  ]);
  return statements.map((s) => ({ ...s, signers: signers.filter((x) => x.statementId === s.id).map(({ participantId, signedAt }) => ({ participantId, signedAt })) }));
}

export async function minorityStatementById(db: Db, proposalId: number, id: number): Promise<MinorityStatementRow | null> {
  return (await minorityStatementsOf(db, proposalId)).find((s) => s.id === id) ?? null;
}

const informationColumns = ['id', 'proposalId', 'round', 'filedByParticipantId', 'whatIsNew', 'whyItMatters', 'links', 'status', 'filedAt', 'answeredAt', 'answer'] as const;

export async function newInformationOf(db: Db, proposalId: number): Promise<NewInformation[]> {
  return (await db.selectFrom('newInformation').select(informationColumns).where('proposalId', '=', proposalId).orderBy('id').execute()) as NewInformation[];
}

export async function informationById(db: Db, proposalId: number, id: number, opts: { forUpdate?: boolean } = {}): Promise<NewInformation | null> {
  let q = db.selectFrom('newInformation').select(informationColumns).where('proposalId', '=', proposalId).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return ((await q.executeTakeFirst()) as NewInformation | undefined) ?? null;
}

export type DecisionRow = {
  id: number;
  round: number;
  outcome: 'decided' | 'closed';
  evaluation: Evaluation;
  assessmentId: number | null;
  decidedAt: Date;
  decidedByName: string | null;
  reopenedAt: Date | null;
  reopenedByInformationId: number | null;
};

export async function decisionsOf(db: Db, proposalId: number): Promise<DecisionRow[]> {
  return db
    .selectFrom('decisions')
    .select(['id', 'round', 'outcome', 'evaluation', 'assessmentId', 'decidedAt', 'decidedByName', 'reopenedAt', 'reopenedByInformationId'])
    .where('proposalId', '=', proposalId)
    .orderBy('round')
    .execute();
}

export type TransitionRow = { id: number; fromStatus: ProposalStatus | null; toStatus: ProposalStatus; round: number; at: Date; byName: string | null };

export async function transitionsOf(db: Db, proposalId: number): Promise<TransitionRow[]> {
  return db.selectFrom('proposalTransitions').select(['id', 'fromStatus', 'toStatus', 'round', 'at', 'byName']).where('proposalId', '=', proposalId).orderBy('id').execute();
}

/** Every position and objection of a round, for the slow reference evaluation (tests, the benchmark, repairs). */
/** Everyone who took part in a proposal's record, for names and declarations. */
export async function peopleOf(db: Db, proposalId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('objections')
    .select('authorParticipantId as id')
    .where('proposalId', '=', proposalId)
    .union(db.selectFrom('minorityStatements').select('authorParticipantId as id').where('proposalId', '=', proposalId))
    .union(
      db
        .selectFrom('minorityStatementSigners as s')
        .innerJoin('minorityStatements as m', 'm.id', 's.statementId')
        .select('s.participantId as id')
        .where('m.proposalId', '=', proposalId),
    )
    .union(db.selectFrom('newInformation').select('filedByParticipantId as id').where('proposalId', '=', proposalId))
    .union(db.selectFrom('assessmentResponses as r').innerJoin('assessments as a', 'a.id', 'r.assessmentId').select('r.participantId as id').where('a.proposalId', '=', proposalId))
    .execute();
  return rows.map((r) => r.id);
}
