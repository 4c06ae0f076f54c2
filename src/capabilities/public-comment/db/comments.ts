import { sql } from 'kysely';
import type { Locale } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { CommentStatus } from './tables.ts';

export type StoredComment = {
  id: number;
  periodId: number;
  receipt: string;
  anchor: string | null;
  versionNumber: number;
  name: string | null;
  anonymous: boolean;
  organization: string | null;
  categoryKey: string;
  lang: Locale;
  body: string;
  signatories: number;
  status: CommentStatus;
  moderationReason: string | null;
  createdAt: Date;
};

const publicColumns = [
  'id',
  'periodId',
  'receipt',
  'anchor',
  'versionNumber',
  'name',
  'anonymous',
  'organization',
  'categoryKey',
  'lang',
  'body',
  'signatories',
  'status',
  'moderationReason',
  'createdAt',
] as const;

export type NewComment = Omit<StoredComment, 'id' | 'createdAt' | 'moderationReason'> & {
  idempotencyKey: string | null;
  email: string | null;
  verifyTokenHash: string | null;
  ipHash: string | null;
  signatoryNames: string[];
  attachments: { filename: string; size: number; sha256: string; bytes: Buffer }[];
  now: Date;
};

/** Named signatories and attachments of a comment just inserted (same transaction). */
export async function insertExtras(trx: Db, commentId: number, c: Pick<NewComment, 'signatoryNames' | 'attachments' | 'now'>): Promise<void> {
  if (c.signatoryNames.length)
    await trx
      .insertInto('commentSignatories')
      .values(c.signatoryNames.map((name, i) => ({ commentId, position: i + 1, name, organization: null })))
      .execute();
  for (const a of c.attachments)
    await trx.insertInto('commentAttachments').values({ commentId, filename: a.filename, size: a.size, sha256: a.sha256, bytes: a.bytes, createdAt: c.now }).execute();
}

export async function commentByIdempotencyKey(db: Db, periodId: number, key: string): Promise<{ receipt: string; status: CommentStatus } | undefined> {
  return db.selectFrom('publicComments').select(['receipt', 'status']).where('periodId', '=', periodId).where('idempotencyKey', '=', key).executeTakeFirst();
}

export async function commentByReceipt(db: Db, periodId: number, receipt: string): Promise<StoredComment | undefined> {
  return db.selectFrom('publicComments').select(publicColumns).where('periodId', '=', periodId).where('receipt', '=', receipt).executeTakeFirst();
}

export async function commentById(db: Db, periodId: number, id: number): Promise<StoredComment | undefined> {
  return db.selectFrom('publicComments').select(publicColumns).where('periodId', '=', periodId).where('id', '=', id).executeTakeFirst();
}

export async function commentByVerifyToken(db: Db, periodId: number, tokenHash: string): Promise<(StoredComment & { emailVerifiedAt: Date | null }) | undefined> {
  return db
    .selectFrom('publicComments')
    .select([...publicColumns, 'emailVerifiedAt'])
    .where('periodId', '=', periodId)
    .where('verifyTokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Locks a comment for a change of status. */
export async function lockComment(trx: Db, periodId: number, id: number): Promise<StoredComment | undefined> {
  return trx.selectFrom('publicComments').select(publicColumns).where('periodId', '=', periodId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setStatus(trx: Db, id: number, s: { status: CommentStatus; reason?: string | null; by?: number | null; now: Date; verified?: boolean }): Promise<void> {
  await trx
    .updateTable('publicComments')
    .set({
      status: s.status,
      ...(s.reason !== undefined ? { moderationReason: s.reason } : {}),
      ...(s.by !== undefined ? { moderatedBy: s.by, moderatedAt: s.now } : {}),
      ...(s.verified ? { emailVerifiedAt: s.now } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export const PAGE_SIZE = 50;

/** Published and hidden comments, oldest first (hidden ones show only their reason). */
export async function publicComments(db: Db, periodId: number, o: { anchor?: string | null; page: number }): Promise<{ rows: StoredComment[]; total: number }> {
  let q = db.selectFrom('publicComments').where('periodId', '=', periodId).where('status', 'in', ['published', 'hidden']);
  if (o.anchor) q = q.where('anchor', '=', o.anchor);
  else if (o.anchor === null) q = q.where('anchor', 'is', null);
  const [rows, count] = await Promise.all([
    q
      .select(publicColumns)
      .orderBy('id')
      .limit(PAGE_SIZE)
      .offset((o.page - 1) * PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type AttachmentInfo = { id: number; commentId: number; filename: string; size: number };

export async function attachmentsOf(db: Db, commentIds: number[]): Promise<AttachmentInfo[]> {
  if (commentIds.length === 0) return [];
  return db.selectFrom('commentAttachments').select(['id', 'commentId', 'filename', 'size']).where('commentId', 'in', commentIds).orderBy('id').execute();
}

export async function signatoryNamesOf(db: Db, commentIds: number[]): Promise<{ commentId: number; name: string }[]> {
  if (commentIds.length === 0) return [];
  return db.selectFrom('commentSignatories').select(['commentId', 'name']).where('commentId', 'in', commentIds).orderBy('commentId').orderBy('position').execute();
}

/** An attachment with its bytes, only while its comment is published. */
export async function publishedAttachment(db: Db, periodId: number, id: number): Promise<{ filename: string; bytes: Buffer } | undefined> {
  return db
    .selectFrom('commentAttachments as a')
    .innerJoin('publicComments as c', 'c.id', 'a.commentId')
    .select(['a.filename', 'a.bytes'])
    .where('a.id', '=', id)
    .where('c.periodId', '=', periodId)
    .where('c.status', '=', 'published')
    .executeTakeFirst();
}

/** Counts per status and open reports, for the moderation queue. */
export async function statusCounts(db: Db, periodId: number): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('publicComments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('periodId', '=', periodId)
    .groupBy('status')
    .execute();
  const out: Record<CommentStatus, number> = { unverified: 0, pending: 0, published: 0, hidden: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function commentsWithStatus(db: Db, periodId: number, status: CommentStatus, limit = 50): Promise<StoredComment[]> {
  return db.selectFrom('publicComments').select(publicColumns).where('periodId', '=', periodId).where('status', '=', status).orderBy('id').limit(limit).execute();
}

/** The raw single-row insert the intake benchmark compares with (same row, same durability). */
export async function rawInsert(
  db: Db,
  row: { periodId: number; receipt: string; idempotencyKey: string; body: string; name: string; categoryKey: string; lang: Locale; versionNumber: number },
): Promise<void> {
  await sql`INSERT INTO public_comments (period_id, receipt, idempotency_key, body, name, category_key, lang, version_number, status)
    VALUES (${row.periodId}, ${row.receipt}, ${row.idempotencyKey}, ${row.body}, ${row.name}, ${row.categoryKey}, ${row.lang}, ${row.versionNumber}, 'published')`.execute(db);
}
