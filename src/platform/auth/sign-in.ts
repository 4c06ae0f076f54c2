import { sql } from 'kysely';
import type { Db } from '../database/connect.ts';
import { hashToken, newToken } from './tokens.ts';

export const LINK_MINUTES = 15;

/** A single-use sign-in link token for `email`, valid for `minutes`. */
export async function issueSignInToken(db: Db, email: string, nextPath: string | null, now: Date, minutes = LINK_MINUTES): Promise<string> {
  const token = newToken();
  await db
    .insertInto('signInTokens')
    .values({ tokenHash: hashToken(token), email: email.toLowerCase(), nextPath, expiresAt: new Date(now.getTime() + minutes * 60_000) })
    .execute();
  return token;
}

/**
 * Uses the token up, atomically: of two concurrent uses, exactly one wins.
 * Returns the email and where to go next, or null when the token is unknown,
 * used or expired.
 */
export async function consumeSignInToken(db: Db, token: string, now: Date): Promise<{ email: string; nextPath: string | null } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db
    .updateTable('signInTokens')
    .set({ usedAt: now })
    .where('tokenHash', '=', hashToken(token))
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning(['email', 'nextPath'])
    .executeTakeFirst();
  return row ?? null;
}

/** Which address a still-usable token signs in, without using it up (the confirm page names it). */
export async function peekSignInToken(db: Db, token: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db
    .selectFrom('signInTokens')
    .select('email')
    .where('tokenHash', '=', hashToken(token))
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return row?.email ?? null;
}

/** Finds the account for an email, creating it on first sign-in. */
export async function userForEmail(db: Db, email: string): Promise<{ id: number; name: string; isAdmin: boolean; created: boolean }> {
  const normalized = email.toLowerCase();
  const inserted = await db
    .insertInto('users')
    // No name yet: the person chooses the one shown publicly (never a piece of their email).
    .values({ email: normalized, name: '' })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(['id', 'name', 'isAdmin'])
    .executeTakeFirst();
  if (inserted) return { ...inserted, created: true };
  const existing = await db
    .selectFrom('users')
    .select(['id', 'name', 'isAdmin'])
    .where((eb) => eb(eb.fn('lower', [eb.ref('email')]), '=', normalized))
    .executeTakeFirstOrThrow();
  return { ...existing, created: false };
}

/** Only local paths, so a sign-in link can never send someone to another site. */
export function safeNextPath(p: string | null | undefined): string | null {
  if (!p || typeof p !== 'string') return null;
  if (!p.startsWith('/') || p.startsWith('//') || p.includes('\\') || /[\u0000-\u001f]/.test(p)) return null;
  return p.slice(0, 500);
}
