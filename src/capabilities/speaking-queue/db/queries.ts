import type { Db } from '../../../platform/database/connect.ts';
import type { Entry, Queue, Speech } from '../domain/queue.ts';

/**
 * The queue of a meeting with its hands still in play, its row locked until
 * the transaction ends: changes to one queue happen one at a time, in the
 * order they commit. Names and categories are the participants' own, as they
 * are now.
 */
export async function lockQueue(trx: Db, meetingId: number): Promise<Queue> {
  await trx
    .insertInto('speakingQueues')
    .values({ meetingId })
    .onConflict((oc) => oc.column('meetingId').doNothing())
    .execute();
  const row = await trx
    .selectFrom('speakingQueues')
    .select(['meetingId', 'open', 'policy', 'nextSeq', 'floorEntryId', 'floorSince', 'floorItemId', 'timeLimitSeconds', 'version'])
    .where('meetingId', '=', meetingId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { ...row, entries: await activeEntries(trx, meetingId) };
}

/** The queue as it is, for pages (no lock, nothing created). */
export async function readQueue(db: Db, meetingId: number): Promise<Queue | null> {
  const row = await db
    .selectFrom('speakingQueues')
    .select(['meetingId', 'open', 'policy', 'nextSeq', 'floorEntryId', 'floorSince', 'floorItemId', 'timeLimitSeconds', 'version'])
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  return row ? { ...row, entries: await activeEntries(db, meetingId) } : null;
}

async function activeEntries(db: Db, meetingId: number): Promise<Entry[]> {
  return db
    .selectFrom('queueEntries as e')
    .innerJoin('participants as p', 'p.id', 'e.participantId')
    .select(['e.id', 'e.seq', 'e.participantId', 'p.displayName', 'p.categoryKey', 'p.categoryOther', 'e.source', 'e.raisedAt', 'e.status', 'e.movedRank', 'e.movedReason'])
    .where('e.meetingId', '=', meetingId)
    .where('e.status', 'in', ['waiting', 'speaking'])
    .orderBy('e.seq')
    .execute();
}

export async function speechesOf(db: Db, meetingId: number): Promise<Speech[]> {
  return db
    .selectFrom('speeches')
    .select(['participantId', 'displayName', 'categoryKey', 'categoryOther', 'entryId', 'agendaItemId', 'source', 'startedAt', 'endedAt', 'seconds', 'timeLimitSeconds'])
    .where('meetingId', '=', meetingId)
    .orderBy('startedAt')
    .orderBy('id')
    .execute();
}

/** Hands that the end of the meeting left unheard, for the record. */
export async function unheardOf(db: Db, meetingId: number): Promise<Array<{ participantId: number; displayName: string }>> {
  return db
    .selectFrom('queueEntries as e')
    .innerJoin('participants as p', 'p.id', 'e.participantId')
    .select(['e.participantId', 'p.displayName'])
    .where('e.meetingId', '=', meetingId)
    .where('e.status', '=', 'unheard')
    .orderBy('e.seq')
    .execute();
}
