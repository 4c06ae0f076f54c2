import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { insertSubmission, insertSubmissionSoon } from '../../src/capabilities/public-comment/db/intake.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { makePeriod } from '../support/public-input.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const comment = (periodId: number, i: number, key: string) => ({
  periodId,
  receipt: `BATCH-${i}-${Math.random().toString(36).slice(2, 8)}`,
  idempotencyKey: key,
  anchor: null,
  versionNumber: 1,
  name: `Person ${i}`,
  anonymous: false,
  organization: null,
  categoryKey: 'civil-society',
  email: `p${i}@example.org`,
  verifyTokenHash: null,
  lang: 'en' as const,
  body: `Comment number ${i}`,
  signatories: 1,
  status: 'published' as const,
  ipHash: 'same-ip',
  now: t.clock.now(),
});

describe('public input: submissions arriving together share a statement and a commit', () => {
  it('gives each its own outcome: inserted, repeat of a key seen in the same batch, and limits counted in order', async () => {
    const p = await makePeriod(t);
    const limit = { rate: [{ key: `batch-ip-${p.periodId}`, limit: 25 }], windowSeconds: 3600, jobs: [] };
    const calls = Array.from({ length: 30 }, (_, i) => insertSubmissionSoon(t.db, comment(p.periodId, i, `batch-key-${p.periodId}-${i}`), limit));
    // The same key again while the first may be in the same statement: the first receipt, never a second row.
    calls.push(insertSubmissionSoon(t.db, comment(p.periodId, 99, `batch-key-${p.periodId}-0`), limit));
    const outcomes = await Promise.all(calls);
    const inserted = outcomes.filter((o) => o.kind === 'inserted');
    const limited = outcomes.filter((o) => o.kind === 'limited');
    const repeats = outcomes.filter((o) => o.kind === 'repeat');
    assert.equal(repeats.length, 1);
    assert.equal(inserted.length, 25, JSON.stringify(outcomes.map((o) => o.kind)));
    assert.equal(limited.length, 5);
    assert.equal(new Set(inserted.map((o) => (o.kind === 'inserted' ? o.id : 0))).size, 25);
    const rows = await t.db.selectFrom('publicComments').select('id').where('periodId', '=', p.periodId).execute();
    assert.equal(rows.length, 25);
  });

  it('a batch that fails writes each submission on its own, so one bad row does not sink the others', async () => {
    const p = await makePeriod(t);
    const limit = { rate: [], windowSeconds: 3600, jobs: [] };
    const good = Array.from({ length: 5 }, (_, i) => insertSubmissionSoon(t.db, comment(p.periodId, i, `fail-key-${p.periodId}-${i}`), limit));
    // An unknown period breaks its foreign key: the shared statement fails, then only this one does.
    const bad = insertSubmissionSoon(t.db, comment(999_999_999, 7, `fail-key-bad`), limit);
    const settled = await Promise.allSettled([...good, bad]);
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected'],
    );
    const rows = await t.db.selectFrom('publicComments').select('id').where('periodId', '=', p.periodId).execute();
    assert.equal(rows.length, 5);
  });

  it('looks a repeat up through the unique index, whatever the table held when the session planned it (not the whole period for every comment)', async () => {
    const p = await makePeriod(t);
    const limit = { rate: [], windowSeconds: 3600, jobs: [] };
    await t.db.connection().execute(async (db) => {
      // A kept plan, as a pooled connection in a flood has: made below on the period's first comment.
      await sql`SET plan_cache_mode = force_generic_plan`.execute(db);
      const otherIndexReads = async () => {
        await sql`SELECT pg_stat_force_next_flush()`.execute(db);
        const { rows } = await sql<{ n: string }>`SELECT coalesce(sum(idx_tup_read), 0) AS n FROM pg_stat_user_indexes
          WHERE relname = 'public_comments' AND indexrelname <> 'public_comments_idempotency_key'`.execute(db);
        return Number(rows[0]!.n);
      };
      await insertSubmission(db, comment(p.periodId, 0, `plan-key-${p.periodId}-0`), limit);
      const before = await otherIndexReads();
      for (let i = 1; i <= 2000; i++) await insertSubmission(db, comment(p.periodId, i, `plan-key-${p.periodId}-${i}`), limit);
      const read = (await otherIndexReads()) - before;
      // Reading the whole period for each lookup reads 1 + 2 + … + 2000 = 2,001,000 entries (0402's kept plan did).
      // The key-first unique index is the only one the lookup can use (0504): no other index is read at all.
      assert.equal(read, 0, `${read} entries of other indexes read for 2000 lookups`);
    });
  });
});
