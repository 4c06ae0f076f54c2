import type { Db } from '../../../platform/database/connect.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { CategoryTally, RecordedObjection, RecordedPosition } from '../domain/criteria.ts';
import type { Link, Proposal, Stance, Where } from '../domain/proposal.ts';

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

/** Proposals of a process by id, their stage only (those of another process are not found). */
export async function proposalsByIds(db: Db, processId: number, ids: readonly number[]): Promise<Array<Pick<Proposal, 'id' | 'bodyId' | 'title' | 'status'>>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('proposals')
    .select(['id', 'bodyId', 'title', 'status'])
    .where('processId', '=', processId)
    .where('id', 'in', [...ids])
    .execute();
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
  senseId: number | null;
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
  'senseId',
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

/** Settled proposals of a process that link somewhere (for the outcomes of report recommendations). */
export async function settledLinkedProposals(db: Db, processId: number): Promise<Array<{ id: number; status: 'decided' | 'closed'; link: Link }>> {
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'status', 'link'])
    .where('processId', '=', processId)
    .where('status', 'in', ['decided', 'closed'])
    .where('link', 'is not', null)
    .orderBy('id')
    .execute();
  return rows as Array<{ id: number; status: 'decided' | 'closed'; link: Link }>;
}
