import type { Db } from '../../../platform/database/connect.ts';
import type { ImportedComment } from '../domain/import-row.ts';

export type ImportRow = ImportedComment & { receipt: string; idempotencyKey: string };

/** Inserts a batch; rows whose key is already there (the same file imported again) are skipped. Returns how many were new. */
export async function insertImported(trx: Db, period: { id: number; versionNumber: number }, status: 'published' | 'pending', rows: readonly ImportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const out = await trx
    .insertInto('publicComments')
    .values(
      rows.map((r) => ({
        periodId: period.id,
        receipt: r.receipt,
        idempotencyKey: r.idempotencyKey,
        anchor: r.anchor,
        versionNumber: period.versionNumber,
        name: r.name,
        anonymous: r.name === null,
        organization: r.organization,
        categoryKey: r.categoryKey,
        email: r.email,
        lang: r.lang,
        body: r.body,
        signatories: r.signatories,
        source: 'import' as const,
        status,
      })),
    )
    .onConflict((oc) => oc.columns(['periodId', 'idempotencyKey']).doNothing())
    .returning('id')
    .execute();
  return out.length;
}
