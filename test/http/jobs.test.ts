import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock } from '../../src/kernel/clock.ts';
import { drainJobs, enqueue, JobRegistry, startWorkers, type JobContext } from '../../src/platform/jobs/queue.ts';
import { freshDatabase, type FreshDb } from '../support/db.ts';

// The job queue on a real PostgreSQL: enqueue in a transaction, singletons, retries, leases, workers.
let db: FreshDb;
before(async () => {
  db = await freshDatabase();
});
after(() => db.drop());

const quiet = { info: () => {}, error: () => {} };
const ctxAt = (clock: ReturnType<typeof manualClock>): JobContext => ({
  db: db.db,
  clock,
  log: quiet,
  mailer: { kind: 'outbox', send: async () => {}, close: () => {} },
  publicUrl: () => '',
});

describe('jobs in PostgreSQL', () => {
  it('a job exists only if its transaction committed; singletons debounce while waiting', async () => {
    const clock = manualClock(new Date('2026-01-01T00:00:00Z'));
    const seen: unknown[] = [];
    const reg = new JobRegistry().register('t.one', async (p) => void seen.push(p.n));
    await db.db
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, 't.one', { n: 'rolled-back' }, { runAt: clock.now() });
        throw new Error('rollback');
      })
      .catch(() => {});
    for (let i = 0; i < 5; i++) await enqueue(db.db, 't.one', { n: i }, { runAt: clock.now(), singletonKey: 'k' });
    await enqueue(db.db, 't.one', { n: 'later' }, { runAt: new Date(clock.now().getTime() + 60_000) });
    assert.deepEqual(await drainJobs(ctxAt(clock), reg), { ran: 1, failed: 0 });
    assert.deepEqual(seen, [0]);
    clock.advance(60_000);
    await drainJobs(ctxAt(clock), reg);
    assert.deepEqual(seen, [0, 'later']);
    const done = await db.db.selectFrom('jobs').select(['state', 'payload']).where('name', '=', 't.one').execute();
    assert.ok(
      done.every((j) => j.state === 'done' && Object.keys(j.payload).length === 0),
      'payloads are cleared once done',
    );
  });

  it('a failing job is retried with backoff, then marked failed', async () => {
    const clock = manualClock(new Date('2026-01-01T00:00:00Z'));
    let calls = 0;
    const reg = new JobRegistry().register('t.fail', async () => {
      calls++;
      throw new Error('boom');
    });
    await enqueue(db.db, 't.fail', {}, { runAt: clock.now(), maxAttempts: 3 });
    await drainJobs(ctxAt(clock), reg);
    assert.equal(calls, 1);
    clock.advance(2_000);
    await drainJobs(ctxAt(clock), reg);
    clock.advance(4_000);
    await drainJobs(ctxAt(clock), reg);
    clock.advance(600_000);
    await drainJobs(ctxAt(clock), reg);
    assert.equal(calls, 3);
    const row = await db.db.selectFrom('jobs').select(['state', 'lastError', 'attempts']).where('name', '=', 't.fail').executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'failed', lastError: 'boom', attempts: 3 });
  });

  it('a job left running by a dead node is claimed again once its lease passes', async () => {
    const clock = manualClock(new Date('2026-01-01T00:00:00Z'));
    let runs = 0;
    const reg = new JobRegistry().register('t.lease', async () => void runs++);
    await enqueue(db.db, 't.lease', {}, { runAt: clock.now() });
    await db.db
      .updateTable('jobs')
      .set({ state: 'running', lockedUntil: new Date(clock.now().getTime() + 300_000) })
      .where('name', '=', 't.lease')
      .execute();
    await drainJobs(ctxAt(clock), reg);
    assert.equal(runs, 0);
    clock.advance(301_000);
    await drainJobs(ctxAt(clock), reg);
    assert.equal(runs, 1);
  });

  it('workers run due jobs by themselves and stop cleanly', async () => {
    const clock = manualClock(new Date('2026-01-01T00:00:00Z'));
    let done!: () => void;
    const ran = new Promise<void>((r) => (done = r));
    const reg = new JobRegistry().register('t.worker', async () => done());
    const workers = startWorkers(ctxAt(clock), reg, { pollMs: 50 });
    await enqueue(db.db, 't.worker', {}, { runAt: clock.now() });
    await ran;
    await workers.stop();
  });
});
