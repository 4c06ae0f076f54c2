import type { Clock } from '../kernel/clock.ts';
import type { Db } from './database/connect.ts';
import type { EventBus } from './events/bus.ts';

/** What a command needs: the database (it opens its own transaction), the time, and the bus to announce changes. */
export type CommandDeps = { db: Db; clock: Clock; bus?: EventBus };

/** PostgreSQL unique_violation, optionally on a named constraint. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string };
  return err?.code === '23505' && (!constraint || err.constraint === constraint);
}

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one,
 * so commands compose (the demo seed runs many in a single transaction).
 */
export function transact<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
