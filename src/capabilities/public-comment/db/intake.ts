import { sql } from 'kysely';
import type { Db } from '../../../platform/database/connect.ts';
import type { NewComment } from './comments.ts';
import type { CommentStatus } from './tables.ts';

export type RateKey = { key: string; limit: number };
export type IntakeJob = { name: string; singletonKey: string | null; payload: Record<string, unknown>; runAt: Date; withCommentId: boolean };
export type IntakeOutcome =
  | { kind: 'inserted'; id: number }
  | { kind: 'repeat'; receipt: string; status: CommentStatus }
  | { kind: 'duplicate' }
  | { kind: 'limited'; retryAfterSeconds: number };

/**
 * One submission in one call (db/migrations/0402): count the rate-limit
 * hits, insert the comment unless a limit is exceeded or its idempotency key
 * was seen, and enqueue its jobs. Outside a transaction it commits by itself,
 * synchronously: a receipt must mean "on disk".
 */
export async function insertSubmission(
  db: Db,
  c: Omit<NewComment, 'signatoryNames' | 'attachments'>,
  o: { rate: RateKey[]; windowSeconds: number; jobs: IntakeJob[] },
): Promise<IntakeOutcome> {
  const { rows } = await sql<{ oOutcome: string; oCommentId: number | null; oReceipt: string | null; oStatus: CommentStatus | null; oRetryAfter: number }>`
    SELECT * FROM submit_public_comment(${c.periodId}, ${c.receipt}, ${c.idempotencyKey}, ${c.anchor}, ${c.versionNumber}, ${c.name}, ${c.anonymous},
      ${c.organization}, ${c.categoryKey}, ${c.email}, ${c.verifyTokenHash}, ${c.lang}, ${c.body}, ${c.signatories},
      ${c.status}, ${c.ipHash}, ${c.now}, ${o.rate.map((r) => r.key)}::text[], ${o.rate.map((r) => r.limit)}::integer[], ${o.windowSeconds},
      ${JSON.stringify(o.jobs.map((j) => ({ ...j, runAt: j.runAt.toISOString() })))}::jsonb)`.execute(db);
  const r = rows[0]!;
  switch (r.oOutcome) {
    case 'repeat':
      return { kind: 'repeat', receipt: r.oReceipt!, status: r.oStatus! };
    case 'limited':
      return { kind: 'limited', retryAfterSeconds: r.oRetryAfter };
    case 'duplicate':
      return { kind: 'duplicate' };
    default:
      return { kind: 'inserted', id: Number(r.oCommentId) };
  }
}
