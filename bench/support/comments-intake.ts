// Intake benchmark: comments submitted over HTTP (a real socket, receipts
// only after a durable commit), against raw single-row INSERTs of the same
// rows with the same durability (synchronous_commit on, one transaction per
// row) at the same concurrency, in the same run and on the same PostgreSQL.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect } from '../../src/platform/database/connect.ts';
import { startEmbedded, type EmbeddedCluster } from '../../src/platform/database/embedded.ts';
import { migrate } from '../../src/platform/database/migrate.ts';
import { rawInsert } from '../../src/capabilities/public-comment/index.ts';
import { openPeriodFixture, submission } from './intake-fixture.ts';
import { startChild } from './processes.ts';

export type IntakeFigures = { intakePerSecond: number; rawInsertsPerSecond: number; intakeRatio: number; intakeP95Ms: number; submissions: number };

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! : 0;
};

type Post = { status: number; ms: number };

/** A keep-alive JSON POST client (the load generator must cost far less than the server). */
function poster(base: URL, agent: http.Agent, cookie: string, token: string) {
  return (path: string, body: string, headers: Record<string, string>): Promise<Post> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          path,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie,
            'x-csrf-token': token,
            ...headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** A CSRF cookie and its token, as a browser gets them from any page with a form. */
async function csrfOf(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/en/sign-in`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('concert_csrf='))!;
  const token = set.split(';')[0]!.split('=')[1]!;
  return { cookie: `concert_csrf=${token}`, token };
}

export async function intakeFigures(o: { seconds?: number; concurrency?: number } = {}): Promise<IntakeFigures> {
  const seconds = o.seconds ?? Number(process.env.BENCH_INTAKE_SECONDS ?? 10);
  const concurrency = o.concurrency ?? Number(process.env.BENCH_INTAKE_CONCURRENCY ?? 16);
  let cluster: EmbeddedCluster | null = null;
  let dir: string | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-intake-'));
    fs.chmodSync(dir, 0o755);
    cluster = await startEmbedded({ dataDir: dir });
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE intake');
    await admin.end();
    url = cluster.urlFor('intake');
  }
  const conn = connect(url, concurrency);
  try {
    await migrate(conn.db);
    const fixture = await openPeriodFixture(conn.db);
    // TRUST_PROXY: every simulated commenter has its own address (X-Forwarded-For), as behind a real proxy.
    const server = await startChild('bench/support/serve-database.ts', [], {
      DATABASE_URL: url,
      TRUST_PROXY: 'true',
      DB_POOL_SIZE: String(concurrency),
      COMMENT_LIMIT_PER_EMAIL: '1000',
    });
    let intake: { ok: number; ms: number[]; elapsed: number };
    const runTag = randomBytes(3).toString('hex');
    try {
      const { cookie, token } = await csrfOf(server.url);
      const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
      const post = poster(new URL(server.url), agent, cookie, token);
      let next = 0;
      let ok = 0;
      const ms: number[] = [];
      const until = performance.now() + seconds * 1000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
            const i = next++;
            const r = await post(`${fixture.path}/comment`, JSON.stringify(submission(i, runTag)), {
              'idempotency-key': `bench-${runTag}-${i}`,
              'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
            });
            if (r.status === 201) {
              ok++;
              ms.push(r.ms);
            } else throw new Error(`submission ${i} answered ${r.status}`);
          }
        }),
      );
      intake = { ok, ms, elapsed: (performance.now() - t0) / 1000 };
      agent.destroy();
    } finally {
      await server.stop();
    }
    // Every receipt is a row: count them (a benchmark that lost comments would be meaningless).
    const stored = await conn.db
      .selectFrom('publicComments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('periodId', '=', fixture.periodId)
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== intake.ok) throw new Error(`${intake.ok} receipts but ${stored.n} rows`);

    // The limit: the same rows, one INSERT (its own transaction) each, same concurrency.
    let rawNext = 0;
    let rawOk = 0;
    const rawTag = randomBytes(3).toString('hex');
    const rawUntil = performance.now() + seconds * 1000;
    const r0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < rawUntil) {
          const i = rawNext++;
          const s = submission(i, rawTag);
          await rawInsert(conn.db, {
            periodId: fixture.periodId,
            receipt: `RAW-${rawTag}-${i}`,
            idempotencyKey: `raw-${rawTag}-${i}`,
            body: s.body!,
            name: s.name!,
            categoryKey: s.category!,
            lang: s.lang as 'en' | 'fr',
            versionNumber: 3,
          });
          rawOk++;
        }
      }),
    );
    const rawElapsed = (performance.now() - r0) / 1000;
    const intakePerSecond = intake.ok / intake.elapsed;
    const rawInsertsPerSecond = rawOk / rawElapsed;
    return {
      intakePerSecond: Math.round(intakePerSecond),
      rawInsertsPerSecond: Math.round(rawInsertsPerSecond),
      intakeRatio: Number((intakePerSecond / rawInsertsPerSecond).toFixed(3)),
      intakeP95Ms: Number(p95(intake.ms).toFixed(1)),
      submissions: intake.ok,
    };
  } finally {
    await conn.close();
    if (cluster) await cluster.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
