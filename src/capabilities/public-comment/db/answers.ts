import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { CommentStatus } from './tables.ts';
import type { Disposition, DispositionKind, DispositionTarget } from '../domain/disposition.ts';

/** What the register and the report count: one light row per comment. */
export type LightComment = { id: number; clusterKey: number | null; anchor: string | null; categoryKey: string; signatories: number; status: CommentStatus };

export async function lightComments(db: Db, periodId: number, statuses: readonly CommentStatus[]): Promise<LightComment[]> {
  return db
    .selectFrom('publicComments as p')
    .leftJoin('commentClusters as g', 'g.id', 'p.clusterId')
    .select(['p.id', 'g.keyCommentId as clusterKey', 'p.anchor', 'p.categoryKey', 'p.signatories', 'p.status'])
    .where('p.periodId', '=', periodId)
    .where('p.status', 'in', [...statuses])
    .orderBy('p.id')
    .execute();
}

export type GroupRow = { id: number; key: number; size: number; signatories: number; template: string; templateLang: Locale };

export async function groupsOf(db: Db, periodId: number): Promise<GroupRow[]> {
  return db
    .selectFrom('commentClusters')
    .select(['id', 'keyCommentId as key', 'size', 'signatories', 'template', 'templateLang'])
    .where('periodId', '=', periodId)
    .orderBy('keyCommentId')
    .execute();
}

export type ShownComment = {
  id: number;
  body: string;
  lang: Locale;
  name: string | null;
  anonymous: boolean;
  organization: string | null;
  categoryKey: string;
  anchor: string | null;
  status: CommentStatus;
  signatories: number;
  createdAt: Date;
  clusterKey: number | null;
};

const shown = (db: Db) =>
  db
    .selectFrom('publicComments as p')
    .leftJoin('commentClusters as g', 'g.id', 'p.clusterId')
    .select([
      'p.id',
      'p.body',
      'p.lang',
      'p.name',
      'p.anonymous',
      'p.organization',
      'p.categoryKey',
      'p.anchor',
      'p.status',
      'p.signatories',
      'p.createdAt',
      'g.keyCommentId as clusterKey',
    ]);

export async function commentsByIds(db: Db, periodId: number, ids: readonly number[]): Promise<ShownComment[]> {
  if (ids.length === 0) return [];
  return shown(db)
    .where('p.periodId', '=', periodId)
    .where('p.id', 'in', [...ids])
    .orderBy('p.id')
    .execute();
}

export async function commentById(db: Db, periodId: number, id: number): Promise<ShownComment | null> {
  return (await commentsByIds(db, periodId, [id]))[0] ?? null;
}

export async function groupByKey(db: Db, periodId: number, key: number): Promise<GroupRow | null> {
  const r = await db
    .selectFrom('commentClusters')
    .select(['id', 'keyCommentId as key', 'size', 'signatories', 'template', 'templateLang'])
    .where('periodId', '=', periodId)
    .where('keyCommentId', '=', key)
    .executeTakeFirst();
  return r ?? null;
}

/** Members of a group (or, with key null, the distinct comments), a page at a time. */
export async function membersPage(
  db: Db,
  periodId: number,
  groupId: number | null,
  statuses: readonly CommentStatus[],
  offset: number,
  limit: number,
): Promise<{ rows: ShownComment[]; total: number }> {
  const base = db
    .selectFrom('publicComments as p')
    .where('p.periodId', '=', periodId)
    .where('p.status', 'in', [...statuses])
    .where('p.processedAt', 'is not', null)
    .where('p.clusterId', groupId === null ? 'is' : '=', groupId);
  const [rows, count] = await Promise.all([
    shown(db)
      .where('p.periodId', '=', periodId)
      .where('p.status', 'in', [...statuses])
      .where('p.processedAt', 'is not', null)
      .where('p.clusterId', groupId === null ? 'is' : '=', groupId)
      .orderBy('p.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

type DispositionRow = {
  commentId: number | null;
  clusterKey: number | null;
  kind: DispositionKind;
  reason: Localized;
  changedAnchor: string | null;
  changedVersion: number | null;
  decidedByName: string | null;
  decidedAt: Date;
};

const toDisposition = (r: DispositionRow): Disposition => ({
  target: r.commentId !== null ? { comment: r.commentId } : { cluster: r.clusterKey! },
  kind: r.kind,
  reason: r.reason,
  changedAnchor: r.changedAnchor,
  changedVersion: r.changedVersion,
  decidedByName: r.decidedByName,
  decidedAt: r.decidedAt,
});

export async function dispositionsOf(db: Db, periodId: number): Promise<Disposition[]> {
  const rows = await db
    .selectFrom('commentDispositions')
    .select(['commentId', 'clusterKey', 'kind', 'reason', 'changedAnchor', 'changedVersion', 'decidedByName', 'decidedAt'])
    .where('periodId', '=', periodId)
    .orderBy('id')
    .execute();
  return rows.map(toDisposition);
}

export async function dispositionOf(db: Db, periodId: number, target: DispositionTarget): Promise<Disposition | null> {
  const q = db
    .selectFrom('commentDispositions')
    .select(['commentId', 'clusterKey', 'kind', 'reason', 'changedAnchor', 'changedVersion', 'decidedByName', 'decidedAt'])
    .where('periodId', '=', periodId);
  const r = await ('comment' in target ? q.where('commentId', '=', target.comment) : q.where('clusterKey', '=', target.cluster)).executeTakeFirst();
  return r ? toDisposition(r) : null;
}

/** One current disposition per target: a new one replaces the old (the audit log keeps the history). */
export async function saveDisposition(trx: Db, periodId: number, d: Omit<Disposition, 'decidedByName'> & { decidedBy: number; decidedByName: string }): Promise<void> {
  const values = {
    periodId,
    commentId: 'comment' in d.target ? d.target.comment : null,
    clusterKey: 'cluster' in d.target ? d.target.cluster : null,
    kind: d.kind,
    reason: JSON.stringify(d.reason),
    changedAnchor: d.changedAnchor,
    changedVersion: d.changedVersion,
    decidedBy: d.decidedBy,
    decidedByName: d.decidedByName,
    decidedAt: d.decidedAt,
  };
  const set = {
    kind: values.kind,
    reason: values.reason,
    changedAnchor: values.changedAnchor,
    changedVersion: values.changedVersion,
    decidedBy: values.decidedBy,
    decidedByName: values.decidedByName,
    decidedAt: values.decidedAt,
  };
  await trx
    .insertInto('commentDispositions')
    .values(values)
    .onConflict((oc) => oc.columns(['periodId', 'commentId' in d.target ? 'commentId' : 'clusterKey']).doUpdateSet(set))
    .execute();
}

export type ReportListing = { id: number; publishedAt: Date };

export async function reportsOf(db: Db, periodId: number): Promise<ReportListing[]> {
  return db.selectFrom('whatWeHeardReports').select(['id', 'publishedAt']).where('periodId', '=', periodId).orderBy('id', 'desc').execute();
}

export async function reportById(db: Db, periodId: number, id: number): Promise<{ id: number; publishedAt: Date; snapshot: Record<string, unknown> } | null> {
  const r = await db.selectFrom('whatWeHeardReports').select(['id', 'publishedAt', 'snapshot']).where('periodId', '=', periodId).where('id', '=', id).executeTakeFirst();
  return r ?? null;
}

export async function insertReport(trx: Db, periodId: number, snapshot: unknown, by: number, at: Date): Promise<number> {
  const r = await trx
    .insertInto('whatWeHeardReports')
    .values({ periodId, snapshot: JSON.stringify(snapshot), publishedBy: by, publishedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Visible members per group: how many comments and signatories each group shows to this reader. */
export async function groupCounts(db: Db, periodId: number, statuses: readonly CommentStatus[]): Promise<Map<number, { comments: number; signatories: number }>> {
  const rows = await db
    .selectFrom('publicComments as p')
    .innerJoin('commentClusters as g', 'g.id', 'p.clusterId')
    .select(['g.keyCommentId as key'])
    .select((eb) => [eb.fn.countAll<number>().as('comments'), eb.fn.sum<number>('p.signatories').as('signatories')])
    .where('p.periodId', '=', periodId)
    .where('p.status', 'in', [...statuses])
    .groupBy('g.keyCommentId')
    .execute();
  return new Map(rows.map((r) => [r.key, { comments: Number(r.comments), signatories: Number(r.signatories) }]));
}
