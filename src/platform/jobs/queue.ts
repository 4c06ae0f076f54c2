import { sql } from 'kysely';
import type { Clock } from '../../kernel/clock.ts';
import type { Db } from '../database/connect.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';

// A small job queue in PostgreSQL. Why not pg-boss (10.x runs on Node 20):
// its send() cannot join a Kysely transaction without an adapter, it keeps its
// own pool and schema (which every cloned test database would need), and what
// we need is small: enqueue in the caller's transaction, singletons while
// waiting (debounce), retries with backoff, leases that expire when a node dies.

/** What a job handler may use. */
export type JobContext = { db: Db; clock: Clock; log: Logger; mailer: Mailer; publicUrl: () => string };

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/** Job names and their handlers; capabilities register theirs in the composition root. */
export class JobRegistry {
  private handlers = new Map<string, JobHandler>();
  register(name: string, handler: JobHandler): this {
    if (this.handlers.has(name)) throw new Error(`job "${name}" already has a handler`);
    this.handlers.set(name, handler);
    return this;
  }
  get(name: string): JobHandler | undefined {
    return this.handlers.get(name);
  }
  names(): string[] {
    return [...this.handlers.keys()];
  }
}

export type EnqueueOptions = {
  /** Only one waiting job per (name, key): enqueueing again while one waits does nothing. */
  singletonKey?: string;
  /** When it is due, by the caller's clock (the clock the workers compare with). */
  runAt: Date;
  maxAttempts?: number;
  /**
   * With a singleton key, when a job of that key already waits: 'keep' it as
   * it is (the default), make it wait until `runAt` if that is 'later', or
   * 'move' it to `runAt`, earlier or later.
   */
  onWaiting?: 'keep' | 'later' | 'move';
};

/**
 * Enqueues a job. Call it with the transaction of the change that needs it:
 * the job exists if and only if the change committed.
 */
export async function enqueue(db: Db, name: string, payload: Record<string, unknown>, o: EnqueueOptions): Promise<void> {
  await sql`
    INSERT INTO jobs (name, singleton_key, payload, run_at, max_attempts)
    VALUES (${name}, ${o.singletonKey ?? null}, ${JSON.stringify(payload)}::jsonb, ${o.runAt}, ${o.maxAttempts ?? 5})
    ON CONFLICT (name, singleton_key) WHERE state = 'waiting' AND singleton_key IS NOT NULL
    ${
      o.onWaiting === 'later'
        ? sql`DO UPDATE SET run_at = greatest(jobs.run_at, excluded.run_at)`
        : o.onWaiting === 'move'
          ? sql`DO UPDATE SET run_at = excluded.run_at`
          : sql`DO NOTHING`
    }`.execute(db);
}

type Claimed = { id: number; name: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number };

const LEASE_MS = 5 * 60_000;

/**
 * Claims up to `limit` due jobs of the given names. A singleton is not
 * claimed while another job of the same name and key runs, so one period's
 * processing never runs twice at once.
 */
async function claim(db: Db, names: string[], now: Date, limit: number): Promise<Claimed[]> {
  if (names.length === 0) return [];
  const lease = new Date(now.getTime() + LEASE_MS);
  const { rows } = await sql<Claimed>`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_until = ${lease}
    WHERE id IN (
      SELECT j.id FROM jobs j
      WHERE j.name = ANY(${names}::text[])
        AND ((j.state = 'waiting' AND j.run_at <= ${now}) OR (j.state = 'running' AND j.locked_until < ${now}))
        AND (j.singleton_key IS NULL OR NOT EXISTS (
          SELECT 1 FROM jobs r WHERE r.name = j.name AND r.singleton_key = j.singleton_key AND r.state = 'running' AND r.id <> j.id AND r.locked_until >= ${now}))
      ORDER BY j.run_at, j.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, name, payload, attempts, max_attempts AS "maxAttempts"`.execute(db);
  return rows;
}

async function finish(db: Db, job: Claimed, error: unknown, now: Date): Promise<void> {
  if (error === null) {
    // The payload may hold a secret (a verification token for a mail): it is not kept once used.
    await sql`UPDATE jobs SET state = 'done', finished_at = ${now}, locked_until = NULL, payload = '{}'::jsonb WHERE id = ${job.id}`.execute(db);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (job.attempts >= job.maxAttempts) {
    await sql`UPDATE jobs SET state = 'failed', finished_at = ${now}, locked_until = NULL, last_error = ${message} WHERE id = ${job.id}`.execute(db);
    return;
  }
  // Back off 2, 4, 8… seconds (capped at ten minutes) before the next attempt.
  const retryAt = new Date(now.getTime() + Math.min(600_000, 1000 * 2 ** job.attempts));
  await sql`UPDATE jobs SET state = 'waiting', run_at = ${retryAt}, locked_until = NULL, last_error = ${message} WHERE id = ${job.id}`.execute(db).catch(async (e) => {
    // A new singleton of the same key is already waiting: it will do this job's work.
    if ((e as { code?: string }).code === '23505') await sql`UPDATE jobs SET state = 'done', finished_at = ${now}, last_error = ${message} WHERE id = ${job.id}`.execute(db);
    else throw e;
  });
}

async function runClaimed(ctx: JobContext, registry: JobRegistry, job: Claimed): Promise<boolean> {
  const handler = registry.get(job.name);
  let error: unknown = null;
  try {
    if (!handler) throw new Error(`no handler for job "${job.name}"`);
    await handler(job.payload, ctx);
  } catch (e) {
    error = e ?? new Error('failed');
    ctx.log.error(`job ${job.name} #${job.id} failed (attempt ${job.attempts})`, e);
  }
  await finish(ctx.db, job, error, ctx.clock.now());
  return error === null;
}

/**
 * Runs every job due now (and those its handlers enqueue, when due), one at
 * a time, until none is left. For tests and operator commands: what the
 * workers would do, synchronously. Returns how many ran.
 */
export async function drainJobs(ctx: JobContext, registry: JobRegistry, o: { names?: string[]; max?: number } = {}): Promise<{ ran: number; failed: number }> {
  const names = o.names ?? registry.names();
  let ran = 0;
  let failed = 0;
  for (;;) {
    if (ran >= (o.max ?? 10_000)) break;
    const [job] = await claim(ctx.db, names, ctx.clock.now(), 1);
    if (!job) break;
    ran++;
    if (!(await runClaimed(ctx, registry, job))) failed++;
  }
  return { ran, failed };
}

export type Workers = { stop(): Promise<void> };

/**
 * Polls for due jobs every `pollMs`, running up to
 * `concurrency` at a time. stop() waits for jobs in flight to finish.
 */
export function startWorkers(ctx: JobContext, registry: JobRegistry, o: { pollMs?: number; concurrency?: number } = {}): Workers {
  const pollMs = o.pollMs ?? 1000;
  const concurrency = o.concurrency ?? 2;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const tick = async () => {
    for (;;) {
      if (stopped) return;
      const jobs = await claim(ctx.db, registry.names(), ctx.clock.now(), concurrency);
      if (jobs.length === 0) return;
      await Promise.all(jobs.map((j) => runClaimed(ctx, registry, j)));
    }
  };
  const loop = () => {
    timer = null;
    if (stopped || running) return;
    running = tick()
      .catch((e) => ctx.log.error('job workers', e))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(loop, pollMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Finished jobs are kept a while for inspection, then deleted (the queue table stays small). */
export async function purgeFinishedJobs(db: Db, before: Date): Promise<void> {
  await sql`DELETE FROM jobs WHERE state IN ('done', 'failed') AND finished_at < ${before}`.execute(db);
}
