import { sql } from 'kysely';
import type { Db } from '../database/connect.ts';
import { announceOnCommit } from '../events/bus.ts';

/** New live events are announced on this channel as "<stream> <id>", when their transaction commits. */
export const LIVE_CHANNEL = 'concert_live';

export type LiveEvent = { id: number; kind: string; data: string };

const STREAM = /^[a-z][a-z0-9:_-]{0,99}$/;
const KIND = /^[a-z][a-z0-9._-]{0,59}$/;

export function checkStream(stream: string): string {
  if (!STREAM.test(stream)) throw new Error(`invalid live stream name: ${stream}`);
  return stream;
}

/**
 * Appends an event to a live stream, inside the caller's transaction (the
 * change and its event commit together). A per-stream advisory lock, held
 * until commit, makes ids grow in commit order within the stream, so a reader
 * that has seen id N has seen every earlier event of that stream.
 */
export async function appendLiveEvent(trx: Db, stream: string, kind: string, data: unknown): Promise<number> {
  checkStream(stream);
  if (!KIND.test(kind)) throw new Error(`invalid live event kind: ${kind}`);
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${stream}, 0))`.execute(trx);
  const { id } = await trx
    .insertInto('liveEvents')
    .values({ stream, kind, data: JSON.stringify(data) })
    .returning('id')
    .executeTakeFirstOrThrow();
  // NOTIFY is transactional: every node hears of the event once it is committed, ids only.
  await announceOnCommit(trx, LIVE_CHANNEL, `${stream} ${id}`);
  return id;
}

export async function liveEventsAfter(db: Db, stream: string, afterId: number, limit: number): Promise<LiveEvent[]> {
  return db.selectFrom('liveEvents').select(['id', 'kind', 'data']).where('stream', '=', stream).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export async function lastLiveEventId(db: Db, stream: string): Promise<number> {
  const r = await db
    .selectFrom('liveEvents')
    .select((eb) => eb.fn.max('id').as('m'))
    .where('stream', '=', stream)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** Live events are kept this long: long enough for any client to resume; the records they showed live in their own tables. */
export const LIVE_EVENTS_KEPT_MS = 7 * 86_400_000;

/** Deletes the events written before `before`; a stream left empty goes on from the next event. Returns how many. */
export async function purgeLiveEvents(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('liveEvents').where('createdAt', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
