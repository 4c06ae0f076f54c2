import { sql } from 'kysely';
import type { Db } from '../database/connect.ts';

export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counter kept in PostgreSQL, so several Concert nodes share it.
 * One statement: count this hit and learn whether it is over the limit.
 */
export async function hit(db: Db, key: string, limit: number, windowSeconds: number, now: Date): Promise<RateDecision> {
  const windowStartFloor = new Date(now.getTime() - windowSeconds * 1000);
  const row = await sql<{ count: number; windowStart: Date }>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN ${now} ELSE rate_limits.window_start END
    RETURNING count, window_start`.execute(db);
  const r = row.rows[0]!;
  const resetAt = r.windowStart.getTime() + windowSeconds * 1000;
  return { allowed: r.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}
