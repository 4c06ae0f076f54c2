import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { after, describe, it } from 'node:test';
import { migrate } from '../../src/platform/database/migrate.ts';
import { openPeriodFixture, submission } from '../../bench/support/intake-fixture.ts';
import { freshDatabase, type FreshDb } from '../support/db.ts';
import { startConcertProcess } from '../support/concert-process.ts';

// The fault test of issue 6: SIGKILL the server in the middle of a flood of
// submissions, start it again on the same database, and check that every
// comment whose receipt was issued is there exactly once, and that replaying
// the submissions left in flight (same idempotency keys) creates no duplicate.
let db: FreshDb | null = null;
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await db?.drop();
});

async function startConcert(databaseUrl: string): Promise<{ proc: ChildProcess; url: string }> {
  const started = await startConcertProcess({ DATABASE_URL: databaseUrl, TRUST_PROXY: 'true', DB_POOL_SIZE: '8' });
  children.push(started.proc);
  return started;
}

type Answer = { status: number; receipt?: string } | { error: string };

/** One JSON submission over a fresh socket (a killed server must not leave a pooled one behind). */
function post(url: string, path: string, body: Record<string, string>, key: string, ip: string, token: string): Promise<Answer> {
  return new Promise((resolve) => {
    const u = new URL(url);
    const data = JSON.stringify(body);
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(data),
          cookie: `concert_csrf=${token}`,
          'x-csrf-token': token,
          'idempotency-key': key,
          'x-forwarded-for': ip,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, receipt: (JSON.parse(text) as { receipt?: string }).receipt });
          } catch {
            resolve({ status: res.statusCode ?? 0 });
          }
        });
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(data);
  });
}

describe('public comments survive a SIGKILL', () => {
  it('every receipt issued before the kill is stored exactly once; replays of those in flight do not duplicate', async (t) => {
    db = await freshDatabase();
    await migrate(db.db);
    const fixture = await openPeriodFixture(db.db);
    const token = 'k'.repeat(43);
    const first = await startConcert(db.url);

    const receipts = new Map<string, string>(); // idempotency key → receipt
    const unanswered = new Set<string>(); // sent, no receipt (in flight at the kill, or refused by the dying server)
    let next = 0;
    let killed = false;
    const clients = 8;
    const flood = Array.from({ length: clients }, async (_, client) => {
      while (!killed) {
        const i = next++;
        const key = `kill-test-${i}-xxxxxxxx`;
        const a = await post(first.url, `${fixture.path}/comment`, submission(i, 'kill'), key, `10.9.${client}.${i & 255}`, token);
        if ('receipt' in a && a.receipt && (a.status === 201 || a.status === 200)) receipts.set(key, a.receipt);
        else unanswered.add(key);
      }
    });
    // Kill mid-flood, once a good number of receipts are out.
    while (receipts.size < 150) await new Promise((r) => setTimeout(r, 20));
    first.proc.kill('SIGKILL');
    killed = true;
    await Promise.all(flood);
    assert.ok(receipts.size >= 150);
    // The kill caught requests in flight (each client had one): their fate is what the replay checks.
    assert.ok(unanswered.size >= 1, 'some submissions were in flight at the kill');

    const second = await startConcert(db.url);
    // Clients that got no answer try again with the same key, as the form (or a JSON client) would.
    const replayed = new Map<string, string>();
    let committedBeforeKill = 0; // answered 200: the first attempt had committed, its answer was lost with the server
    for (const key of unanswered) {
      const i = Number(/kill-test-(\d+)-/.exec(key)![1]);
      const a = await post(second.url, `${fixture.path}/comment`, submission(i, 'kill'), key, `10.8.0.${i & 255}`, token);
      assert.ok('receipt' in a && a.receipt, `replay of ${key}: ${JSON.stringify(a)}`);
      replayed.set(key, a.receipt!);
      if ('status' in a && a.status === 200) committedBeforeKill++;
    }
    // And a client that did get its receipt but sends again gets the same one.
    const [someKey, someReceipt] = [...receipts][0]!;
    const again = await post(second.url, `${fixture.path}/comment`, submission(Number(/kill-test-(\d+)-/.exec(someKey)![1]), 'kill'), someKey, '10.7.0.1', token);
    assert.equal('receipt' in again ? again.receipt : null, someReceipt);
    second.proc.kill('SIGTERM');

    const rows = await db.db.selectFrom('publicComments').select(['receipt', 'idempotencyKey']).where('periodId', '=', fixture.periodId).execute();
    const byReceipt = new Map<string, number>();
    for (const r of rows) byReceipt.set(r.receipt, (byReceipt.get(r.receipt) ?? 0) + 1);
    for (const [key, receipt] of receipts) assert.equal(byReceipt.get(receipt), 1, `receipt ${receipt} (${key}) stored exactly once`);
    for (const [key, receipt] of replayed) assert.equal(byReceipt.get(receipt), 1, `replayed ${key} stored exactly once`);
    const keys = new Set(rows.map((r) => r.idempotencyKey));
    assert.equal(keys.size, rows.length, 'one comment per idempotency key');
    assert.equal(rows.length, receipts.size + replayed.size, 'nothing stored without a receipt in the end');
    t.diagnostic(`${receipts.size} receipts before the kill, ${unanswered.size} in flight replayed (${committedBeforeKill} had committed), ${rows.length} comments stored`);
  });
});
