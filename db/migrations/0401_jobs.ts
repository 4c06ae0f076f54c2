import { sql, type Kysely } from 'kysely';

// Background jobs in PostgreSQL: enqueued in the same transaction as the
// change that needs them (a comment and its processing job commit together),
// claimed with FOR UPDATE SKIP LOCKED by any node's workers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE jobs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      -- Jobs with a key are singletons while waiting: enqueueing again is a no-op (debounce).
      singleton_key text,
      payload jsonb NOT NULL DEFAULT '{}',
      state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'running', 'done', 'failed')),
      run_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 5,
      -- A running job whose lease passed belongs to a node that died: it is claimed again.
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE state = 'waiting';
    CREATE INDEX jobs_running_idx ON jobs (locked_until) WHERE state = 'running';
    CREATE UNIQUE INDEX jobs_singleton_idx ON jobs (name, singleton_key) WHERE state = 'waiting' AND singleton_key IS NOT NULL;
  `.execute(db);
}
