import { sql } from 'kysely';
import type { Db } from '../../../platform/database/connect.ts';

/**
 * Meetings the record names by id: where the call was made, where positions
 * were taken (the sense of the room), where objections were raised or
 * discussed, where a sense of the room was opened on it.
 */
export async function meetingIdsNamedIn(db: Db, proposalId: number): Promise<number[]> {
  const id = (col: string) => sql.raw(`CASE WHEN jsonb_typeof(${col} -> 'meetingId') = 'number' THEN (${col} ->> 'meetingId')::bigint END`);
  const r = await sql<{ meetingId: string | null }>`
    SELECT ${id('call_where')} AS "meetingId" FROM proposals WHERE id = ${proposalId}
    UNION SELECT ${id('taken_where')} FROM positions WHERE proposal_id = ${proposalId} AND taken_where IS NOT NULL
    UNION SELECT ${id('raised_where')} FROM objections WHERE proposal_id = ${proposalId} AND raised_where IS NOT NULL
    UNION SELECT ${id('discussed_where')} FROM objections WHERE proposal_id = ${proposalId} AND discussed_where IS NOT NULL
    UNION SELECT meeting_id FROM room_senses WHERE proposal_id = ${proposalId}
  `.execute(db);
  return r.rows.filter((x) => x.meetingId !== null).map((x) => Number(x.meetingId));
}
