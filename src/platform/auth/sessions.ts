import { sql } from 'kysely';
import type { Actor } from '../../kernel/actor.ts';
import type { Db } from '../database/connect.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'concert_session';
export const SESSION_DAYS = 30;
const DAY = 86_400_000;
// Sliding expiry is refreshed at most this often, so reading pages does not write on every request.
const TOUCH_EVERY = 60 * 60 * 1000;

export async function createSession(db: Db, userId: number, userAgent: string | null, now: Date): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY),
      userAgent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export type LoadedSession = { sessionId: number; actor: Actor & { kind: 'user' } };

export async function loadSession(db: Db, token: string, now: Date): Promise<LoadedSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id as sessionId', 'sessions.lastSeenAt', 'sessions.expiresAt', 'users.id as userId', 'users.name', 'users.isAdmin'])
    .where('sessions.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY) })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return { sessionId: row.sessionId, actor: { kind: 'user', userId: row.userId, name: row.name, isAdmin: row.isAdmin } };
}

export async function endSession(db: Db, sessionId: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Sign out everywhere: every session of the user, on every device. */
export async function endAllSessions(db: Db, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
  await db
    .deleteFrom('signInTokens')
    .where('expiresAt', '<', sql<Date>`${now}::timestamptz - interval '1 day'`)
    .execute();
  // Rate-limit windows here are at most a day long.
  await db
    .deleteFrom('rateLimits')
    .where('windowStart', '<', sql<Date>`${now}::timestamptz - interval '1 day'`)
    .execute();
}
