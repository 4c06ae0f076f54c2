import type { Db } from '../../../platform/database/connect.ts';
import type { ReportStatus } from './tables.ts';

export type StoredReport = { id: number; commentId: number; reporterName: string; reason: string; status: ReportStatus; createdAt: Date };

export async function insertReport(trx: Db, r: { commentId: number; reporterName: string; reporterEmail: string; reason: string; now: Date }): Promise<number> {
  const row = await trx
    .insertInto('commentReports')
    .values({ commentId: r.commentId, reporterName: r.reporterName, reporterEmail: r.reporterEmail, reason: r.reason, createdAt: r.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function lockReport(trx: Db, periodId: number, id: number): Promise<StoredReport | undefined> {
  return trx
    .selectFrom('commentReports as r')
    .innerJoin('publicComments as c', 'c.id', 'r.commentId')
    .select(['r.id', 'r.commentId', 'r.reporterName', 'r.reason', 'r.status', 'r.createdAt'])
    .where('r.id', '=', id)
    .where('c.periodId', '=', periodId)
    .forUpdate()
    .executeTakeFirst();
}

export async function closeReport(trx: Db, id: number, s: { status: 'upheld' | 'dismissed'; note: string | null; by: number; now: Date }): Promise<void> {
  await trx.updateTable('commentReports').set({ status: s.status, note: s.note, handledBy: s.by, handledAt: s.now }).where('id', '=', id).execute();
}

export async function openReports(db: Db, periodId: number): Promise<(StoredReport & { receipt: string })[]> {
  return db
    .selectFrom('commentReports as r')
    .innerJoin('publicComments as c', 'c.id', 'r.commentId')
    .select(['r.id', 'r.commentId', 'r.reporterName', 'r.reason', 'r.status', 'r.createdAt', 'c.receipt'])
    .where('c.periodId', '=', periodId)
    .where('r.status', '=', 'open')
    .orderBy('r.id')
    .execute();
}
