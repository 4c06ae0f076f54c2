import { sql } from 'kysely';
import type { Db } from '../../../platform/database/connect.ts';

export type GroupListing = { clusterId: number; key: number; size: number; signatories: number; members: number[] };

/** Every group of a period with its members (all statuses: this is the operator's and staff's view). */
export async function groupsWithMembers(db: Db, periodId: number): Promise<GroupListing[]> {
  const rows = await db
    .selectFrom('commentClusters as g')
    .select(['g.id as clusterId', 'g.keyCommentId as key', 'g.size', 'g.signatories'])
    .select(sql<string[]>`(SELECT array_agg(p.id ORDER BY p.id) FROM public_comments p WHERE p.cluster_id = g.id)`.as('members'))
    .where('g.periodId', '=', periodId)
    .orderBy('g.size', 'desc')
    .orderBy('g.keyCommentId')
    .execute();
  // bigint arrays arrive as strings.
  return rows.map((r) => ({ ...r, members: (r.members ?? []).map(Number) }));
}
