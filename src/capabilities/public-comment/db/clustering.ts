import { sql } from 'kysely';
import type { Locale } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';

// Advisory lock namespace for "processing this period" (the second key is the period id).
const PROCESS_LOCK = 640_001;

/** Serializes processing of one period until the transaction ends: two runs never re-cluster at once. */
export async function lockPeriodProcessing(trx: Db, periodId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${PROCESS_LOCK}, ${periodId}::int)`.execute(trx);
}

/** The next comments whose signature is still to be computed. */
export async function unsignedComments(db: Db, periodId: number, afterId: number, limit: number): Promise<{ id: number; body: string }[]> {
  return db
    .selectFrom('publicComments')
    .select(['id', 'body'])
    .where('periodId', '=', periodId)
    .where('processedAt', 'is', null)
    .where('signature', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function storeSignatures(trx: Db, ids: readonly number[], sigs: readonly Buffer[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE public_comments p SET signature = v.sig
            FROM unnest(${ids}::bigint[], ${sigs}::bytea[]) AS v(id, sig) WHERE p.id = v.id`.execute(trx);
}

/** Every signed comment of the period: what clustering works on (ids ascending). */
export async function signedComments(db: Db, periodId: number): Promise<{ id: number; signature: Buffer; signatories: number }[]> {
  const rows = await db
    .selectFrom('publicComments')
    .select(['id', 'signature', 'signatories'])
    .where('periodId', '=', periodId)
    .where('signature', 'is not', null)
    .orderBy('id')
    .execute();
  return rows as { id: number; signature: Buffer; signatories: number }[];
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

/** Points each comment at its cluster (null: a distinct comment); only rows that change are written. */
export async function assignClusters(trx: Db, ids: readonly number[], clusterIds: readonly (number | null)[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 20_000) {
    await sql`UPDATE public_comments p SET cluster_id = v.cid
              FROM unnest(${ids.slice(i, i + 20_000)}::bigint[], ${clusterIds.slice(i, i + 20_000)}::bigint[]) AS v(id, cid)
              WHERE p.id = v.id AND p.cluster_id IS DISTINCT FROM v.cid`.execute(trx);
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

export async function markProcessed(trx: Db, periodId: number, now: Date): Promise<number> {
  const r = await trx
    .updateTable('publicComments')
    .set({ processedAt: now })
    .where('periodId', '=', periodId)
    .where('processedAt', 'is', null)
    .where('signature', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
