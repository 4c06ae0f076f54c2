import { sql } from 'kysely';
import type { Locale } from '../../../kernel/localized.ts';
import { CHANGES_CHANNEL } from '../../../platform/audit/audit-log.ts';
import type { Db } from '../../../platform/database/connect.ts';

// Advisory lock namespace for "processing this period" (the second key is the period id).
const PROCESS_LOCK = 640_001;

/** Serializes processing of one period until the transaction ends: two runs never re-cluster at once. */
export async function lockPeriodProcessing(trx: Db, periodId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${PROCESS_LOCK}, ${periodId}::int)`.execute(trx);
}

/** The next comments still to be processed. */
export async function unprocessedComments(db: Db, periodId: number, afterId: number, limit: number): Promise<{ id: number; body: string; signatories: number }[]> {
  return db
    .selectFrom('publicComments')
    .select(['id', 'body', 'signatories'])
    .where('periodId', '=', periodId)
    .where('processedAt', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** When the oldest comment still to be processed came in (null: none waits). */
export async function oldestUnprocessedAt(db: Db, periodId: number): Promise<Date | null> {
  const r = await db.selectFrom('publicComments').select('createdAt').where('periodId', '=', periodId).where('processedAt', 'is', null).orderBy('id').limit(1).executeTakeFirst();
  return r?.createdAt ?? null;
}

/** Comments processed by earlier runs, with their stored signature and group. */
export async function processedComments(db: Db, periodId: number): Promise<{ id: number; signature: Buffer; signatories: number; clusterId: number | null }[]> {
  const rows = await db
    .selectFrom('publicComments')
    .select(['id', 'signature', 'signatories', 'clusterId'])
    .where('periodId', '=', periodId)
    .where('processedAt', 'is not', null)
    .where('signature', 'is not', null)
    .execute();
  return rows as { id: number; signature: Buffer; signatories: number; clusterId: number | null }[];
}

export async function textsOf(db: Db, ids: readonly number[]): Promise<Map<number, { body: string; lang: Locale }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('publicComments').select(['id', 'body', 'lang']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { body: r.body, lang: r.lang }]));
}

export async function clusterKeys(db: Db, periodId: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('commentClusters').select(['id', 'keyCommentId']).where('periodId', '=', periodId).execute();
  return new Map(rows.map((r) => [r.keyCommentId, r.id]));
}

export type ClusterRow = { key: number; size: number; signatories: number; template: string; templateLang: Locale };

/** Inserts or updates clusters by their key; returns key → cluster id. */
export async function upsertClusters(trx: Db, periodId: number, rows: readonly ClusterRow[], now: Date): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const out = await trx
      .insertInto('commentClusters')
      .values(chunk.map((r) => ({ periodId, keyCommentId: r.key, size: r.size, signatories: r.signatories, template: r.template, templateLang: r.templateLang, updatedAt: now })))
      .onConflict((oc) =>
        oc.columns(['periodId', 'keyCommentId']).doUpdateSet((eb) => ({
          size: eb.ref('excluded.size'),
          signatories: eb.ref('excluded.signatories'),
          template: eb.ref('excluded.template'),
          templateLang: eb.ref('excluded.templateLang'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .returning(['id', 'keyCommentId'])
      .execute();
    for (const r of out) ids.set(r.keyCommentId, r.id);
  }
  return ids;
}

/**
 * One write per changed comment: its group, and for a new comment its
 * signature and the moment it was processed (a comment is rewritten once, not
 * once per step).
 */
export async function writeProcessing(trx: Db, rows: { ids: number[]; clusterIds: (number | null)[]; sigs: (Buffer | null)[] }, now: Date): Promise<void> {
  for (let i = 0; i < rows.ids.length; i += 10_000) {
    const j = i + 10_000;
    await sql`UPDATE public_comments p
              SET cluster_id = v.cid, signature = COALESCE(v.sig, p.signature), processed_at = COALESCE(p.processed_at, ${now}::timestamptz)
              FROM unnest(${rows.ids.slice(i, j)}::bigint[], ${rows.clusterIds.slice(i, j)}::bigint[], ${rows.sigs.slice(i, j)}::bytea[]) AS v(id, cid, sig)
              WHERE p.id = v.id`.execute(trx);
  }
}

export async function deleteClusters(trx: Db, ids: readonly number[]): Promise<void> {
  if (ids.length) await trx.deleteFrom('commentClusters').where('id', 'in', ids).execute();
}

/** Dispositions given to whole clusters, by cluster key. */
export async function clusterDispositionKeys(db: Db, periodId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('commentDispositions').select('clusterKey').where('periodId', '=', periodId).where('clusterKey', 'is not', null).execute();
  return new Set(rows.map((r) => r.clusterKey!));
}

export async function moveClusterDisposition(trx: Db, periodId: number, fromKey: number, toKey: number): Promise<void> {
  await trx.updateTable('commentDispositions').set({ clusterKey: toKey }).where('periodId', '=', periodId).where('clusterKey', '=', fromKey).execute();
}

/** Tells every node the period's process changed (new groups), on commit, so shared public pages are rebuilt. */
export async function announceRegrouped(trx: Db, periodId: number): Promise<void> {
  await sql`SELECT pg_notify(${CHANGES_CHANNEL}, process_id::text) FROM comment_periods WHERE id = ${periodId}`.execute(trx);
}
