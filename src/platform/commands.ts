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
