import type { Db } from '../../../platform/database/connect.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { Assessment } from '../domain/assessments.ts';
import type { CategoryTally, Evaluation, RecordedObjection, RecordedPosition } from '../domain/criteria.ts';
import type { Objection } from '../domain/objections.ts';
import type { Proposal, ProposalStatus, Stance, Where } from '../domain/proposal.ts';
import type { NewInformation } from '../domain/reopen.ts';

const proposalColumns = [
  'id',
  'processId',
  'bodyId',
  'kind',
  'title',
  'text',
  'textHtml',
  'proposedCharter',
  'charterBefore',
  'link',
  'status',
  'round',
  'authorUserId',
  'authorParticipantId',
  'createdAt',
  'discussionOpenedAt',
  'callOpenedAt',
  'callWhere',
  'callEndsAt',
  'decidedAt',
  'lastArgumentAt',
  'openObjections',
  'discussedObjections',
  'standingObjections',
  'withdrawnObjections',
] as const;

type ProposalRow = Omit<Proposal, 'objections'> & { openObjections: number; discussedObjections: number; standingObjections: number; withdrawnObjections: number };

function toProposal(r: ProposalRow): Proposal {
  const { openObjections, discussedObjections, standingObjections, withdrawnObjections, ...rest } = r;
  return { ...rest, objections: { open: openObjections, discussed: discussedObjections, standing: standingObjections, withdrawn: withdrawnObjections } };
}

export async function proposalById(db: Db, processId: number, id: number): Promise<Proposal | null> {
  const r = await db.selectFrom('proposals').select(proposalColumns).where('processId', '=', processId).where('id', '=', id).executeTakeFirst();
  return r ? toProposal(r as ProposalRow) : null;
}

/** The proposal, locked for the rest of the transaction: changes to one proposal happen one at a time. */
export async function lockProposal(trx: Db, id: number): Promise<Proposal> {
  const r = await trx.selectFrom('proposals').select(proposalColumns).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return toProposal(r as ProposalRow);
}

export type ProposalSummary = Pick<Proposal, 'id' | 'bodyId' | 'kind' | 'title' | 'status' | 'round' | 'createdAt' | 'decidedAt' | 'objections'>;

export async function proposalsOf(db: Db, processId: number, opts: { bodyId?: number; includeDrafts?: boolean | number[]; limit?: number } = {}): Promise<ProposalSummary[]> {
  let q = db
    .selectFrom('proposals')
    .select(['id', 'bodyId', 'kind', 'title', 'status', 'round', 'createdAt', 'decidedAt', 'openObjections', 'discussedObjections', 'standingObjections', 'withdrawnObjections'])
    .where('processId', '=', processId);
  if (opts.bodyId !== undefined) q = q.where('bodyId', '=', opts.bodyId);
  // Drafts are shown to the bodies working on them (a list of body ids), or to everyone who may see them all.
  if (opts.includeDrafts !== true) {
    const bodies = Array.isArray(opts.includeDrafts) ? opts.includeDrafts : [];
    q = q.where((eb) => (bodies.length ? eb.or([eb('status', '!=', 'drafting'), eb('bodyId', 'in', bodies)]) : eb('status', '!=', 'drafting')));
  }
  const rows = await q
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 500)
    .execute();
  return rows.map((r) => {
    const { openObjections, discussedObjections, standingObjections, withdrawnObjections, ...rest } = r;
    return { ...rest, objections: { open: openObjections, discussed: discussedObjections, standing: standingObjections, withdrawn: withdrawnObjections } };
  });
}

export async function talliesOf(db: Db, proposalId: number): Promise<CategoryTally[]> {
  return db.selectFrom('proposalTallies').select(['categoryKey', 'agree', 'canLive', 'cannot']).where('proposalId', '=', proposalId).execute();
}

export type PositionRow = {
  id: number;
  participantId: number;
  round: number;
  stance: Stance;
  reason: Localized | null;
  objectionId: number | null;
  categoryKey: string;
  categoryOther: string | null;
  takenWhere: Where | null;
  inRoom: boolean;
  takenAt: Date;
  supersededAt: Date | null;
};

const positionColumns = [
  'id',
  'participantId',
  'round',
  'stance',
  'reason',
  'objectionId',
  'categoryKey',
  'categoryOther',
  'takenWhere',
  'inRoom',
  'takenAt',
  'supersededAt',
] as const;

export async function currentPositionOf(db: Db, proposalId: number, participantId: number): Promise<PositionRow | null> {
  return (
    ((await db
      .selectFrom('positions')
      .select(positionColumns)
      .where('proposalId', '=', proposalId)
      .where('participantId', '=', participantId)
      .where('supersededAt', 'is', null)
      .executeTakeFirst()) as PositionRow | undefined) ?? null
  );
}

/** Current positions (or the whole history), newest first, a page at a time. */
export async function positionsOf(db: Db, proposalId: number, opts: { history?: boolean; limit: number; offset?: number }): Promise<{ rows: PositionRow[]; total: number }> {
  let q = db.selectFrom('positions').where('proposalId', '=', proposalId);
  if (!opts.history) q = q.where('supersededAt', 'is', null);
  const [rows, count] = await Promise.all([
    q
      .select(positionColumns)
      .orderBy('id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as PositionRow[], total: Number(count.n) };
}

/** Current positions taken in the room (the sense of the room). */
export async function inRoomCount(db: Db, proposalId: number): Promise<number> {
  const r = await db
    .selectFrom('positions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('proposalId', '=', proposalId)
    .where('supersededAt', 'is', null)
    .where('inRoom', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

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
export async function recordOfRound(db: Db, proposalId: number, round: number): Promise<{ positions: RecordedPosition[]; objections: RecordedObjection[] }> {
  const [positions, objections] = await Promise.all([
    db
      .selectFrom('positions')
      .select(['participantId', 'stance', 'categoryKey', 'takenAt', 'supersededAt'])
      .where('proposalId', '=', proposalId)
      .where('round', '=', round)
      .execute(),
    db.selectFrom('objections').select(['status', 'raisedAt']).where('proposalId', '=', proposalId).execute(),
  ]);
  return {
    positions: positions.map((p) => ({ participantId: p.participantId, stance: p.stance, categoryKey: p.categoryKey, takenAt: p.takenAt, superseded: p.supersededAt !== null })),
    objections,
  };
}

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
