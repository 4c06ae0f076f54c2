import { sql } from 'kysely';
import type { Db } from '../../../platform/database/connect.ts';
import type { RoomSense, SenseRow } from '../domain/sense.ts';

const senseColumns = ['id', 'meetingId', 'proposalId', 'agendaItemId', 'openedAt', 'closedAt'] as const;

/** The sense of the room open in a meeting, if any; locked for the rest of the transaction when asked. */
export async function openSenseOf(db: Db, meetingId: number, opts: { forUpdate?: boolean } = {}): Promise<RoomSense | null> {
  let q = db.selectFrom('roomSenses').select(senseColumns).where('meetingId', '=', meetingId).where('closedAt', 'is', null);
  if (opts.forUpdate) q = q.forUpdate();
  return ((await q.executeTakeFirst()) as RoomSense | undefined) ?? null;
}

/** The latest sense of the room of a meeting, open or closed (what the room shows after it closes). */
export async function latestSenseOf(db: Db, meetingId: number): Promise<RoomSense | null> {
  return (
    ((await db.selectFrom('roomSenses').select(senseColumns).where('meetingId', '=', meetingId).orderBy('id', 'desc').limit(1).executeTakeFirst()) as RoomSense | undefined) ?? null
  );
}

export async function insertSense(db: Db, s: { meetingId: number; proposalId: number; agendaItemId: number | null; by: number | null; now: Date }): Promise<number> {
  const r = await db
    .insertInto('roomSenses')
    .values({ meetingId: s.meetingId, proposalId: s.proposalId, agendaItemId: s.agendaItemId, openedAt: s.now, openedByUserId: s.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function closeSense(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('roomSenses').set({ closedAt: now }).where('id', '=', id).where('closedAt', 'is', null).execute();
}

/** The room's tally: current positions taken in this sense of the room, by stance and category. */
export async function senseRows(db: Db, senseId: number): Promise<SenseRow[]> {
  const rows = await db
    .selectFrom('positions')
    .select(['stance', 'categoryKey', (eb) => eb.fn.countAll<string>().as('n')])
    .where('senseId', '=', senseId)
    .where('supersededAt', 'is', null)
    .groupBy(['stance', 'categoryKey'])
    .execute();
  return rows.map((r) => ({ stance: r.stance, categoryKey: r.categoryKey, n: Number(r.n) }));
}

/** The participants whose current position is part of this sense of the room (the facilitator sees who is counted). */
export async function sensePositions(db: Db, senseId: number): Promise<Array<{ participantId: number; stance: RoomSensePositionStance }>> {
  return db.selectFrom('positions').select(['participantId', 'stance']).where('senseId', '=', senseId).where('supersededAt', 'is', null).orderBy('id').execute();
}

type RoomSensePositionStance = SenseRow['stance'];

/** Changes to one meeting's sense of the room go one at a time (until commit), even while none exists yet. */
export async function lockSensesOf(trx: Db, meetingId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`room-sense:${meetingId}`}, 0))`.execute(trx);
}
