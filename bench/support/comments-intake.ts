// Intake benchmark: comments submitted over HTTP (a real socket, receipts
// only after a durable commit), against raw single-row INSERTs of the same
// rows with the same durability (synchronous_commit on, one transaction per
// row) at the same concurrency, in the same run and on the same PostgreSQL.
// Both sides warm up first (intake: BENCH_INTAKE_WARMUP submissions, default
// 5,000; raw: one second), then intake takes BENCH_INTAKE_SUBMISSIONS (default
// 30,000) and raw inserts run for BENCH_INTAKE_SECONDS (default 10). After the
// flood, processing (held back while it lasts) must catch up by itself: the time
// it takes is reported, and a run where it does not within 5 minutes fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { connect } from '../../src/platform/database/connect.ts';
import { startEmbedded, type EmbeddedCluster } from '../../src/platform/database/embedded.ts';
import { migrate } from '../../src/platform/database/migrate.ts';
import { rawInsert } from '../../src/capabilities/public-comment/index.ts';
import { openPeriodFixture, submission } from './intake-fixture.ts';
import { cpuMsOf, startChild, treeCpuMs } from './processes.ts';

export type IntakeFigures = {
  intakePerSecond: number;
  rawInsertsPerSecond: number;
  intakeRatio: number;
  /** autocannon reports the 97.5th percentile, not the 95th. */
  intakeP97_5Ms: number;
  submissions: number;
  intakeNodes: number;
  intakeConcurrency: number;
  /** CPU milliseconds per comment taken (Concert, PostgreSQL, the load generator) and per raw insert (PostgreSQL, the inserting client). */
  cpuMsPerSubmission: { concert: number; postgres: number | null; load: number };
  cpuMsPerRawInsert: { postgres: number | null; client: number };
  /** Seconds from the flood's last answer until every comment of it was processed (fingerprinted, grouped): processing waits for a flood to pass. */
  processingCaughtUpSeconds: number;
};

/** The postmaster's pid, when the database runs on this machine and its folder is readable (to count PostgreSQL's CPU). */
async function postmasterPid(db: Parameters<typeof migrate>[0]): Promise<number | null> {
  try {
    const { rows } = await sql<{ setting: string }>`SELECT setting FROM pg_settings WHERE name = 'data_directory'`.execute(db);
    return Number(fs.readFileSync(path.join(rows[0]!.setting, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}
const per = (ms: number, n: number) => Number((ms / Math.max(1, n)).toFixed(3));

/** A CSRF cookie and its token, as a browser gets them from any page with a form. */
async function csrfOf(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/en/sign-in`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('concert_csrf='))!;
  const token = set.split(';')[0]!.split('=')[1]!;
  return { cookie: `concert_csrf=${token}`, token };
}

export async function intakeFigures(o: { submissions?: number; seconds?: number; concurrency?: number; nodes?: number } = {}): Promise<IntakeFigures> {
  const submissions = o.submissions ?? Number(process.env.BENCH_INTAKE_SUBMISSIONS ?? 30_000);
  const warmup = Number(process.env.BENCH_INTAKE_WARMUP ?? 5_000);
  const seconds = o.seconds ?? Number(process.env.BENCH_INTAKE_SECONDS ?? 10);
  const concurrency = o.concurrency ?? Number(process.env.BENCH_INTAKE_CONCURRENCY ?? 16);
  // Concert nodes sharing the database (as behind a load balancer); one by default.
  const nodes = o.nodes ?? Number(process.env.BENCH_INTAKE_NODES ?? 1);
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
    const servers = await Promise.all(
      Array.from({ length: nodes }, () =>
        startChild('bench/support/serve-database.ts', [], {
          DATABASE_URL: url,
          TRUST_PROXY: 'true',
          DB_POOL_SIZE: String(Math.ceil(concurrency / nodes)),
          COMMENT_LIMIT_PER_EMAIL: '1000',
        }),
      ),
    );
    let intake: { ok: number; p97_5Ms: number; elapsed: number; stored: number };
    let cpu = { concert: 0, postgres: null as number | null, load: 0 };
    let caughtUp = 0;
    const pgPid = await postmasterPid(conn.db);
    const runTag = randomBytes(3).toString('hex');
    try {
      const { cookie, token } = await csrfOf(servers[0]!.url);
      // autocannon writes prepared requests on raw sockets: the load generator costs far less than the server it measures.
      let next = 0;
      // autocannon notices the last answer only at its next one-second tick: the time is taken at the last answer itself.
      const flood = async (amount: number) => {
        let lastAnswer = 0;
        const t0 = performance.now();
        const cpu0 = { concert: servers.reduce((a, sv) => a + cpuMsOf(sv.proc.pid!), 0), postgres: pgPid ? treeCpuMs(pgPid) : 0, load: process.cpuUsage() };
        const runs = servers.map(
          (s, n) =>
            new Promise<autocannon.Result>((resolve, reject) => {
              const instance = autocannon(
                {
                  url: s.url,
                  connections: Math.max(1, Math.round(concurrency / nodes)),
                  amount: Math.round(amount / nodes),
                  timeout: 30,
                  requests: [
                    {
                      method: 'POST',
                      path: `${fixture.path}/comment`,
                      setupRequest: (req: autocannon.Request) => {
                        const i = next++;
                        return {
                          ...req,
                          body: JSON.stringify(submission(i, runTag)),
                          headers: {
                            'content-type': 'application/json',
                            accept: 'application/json',
                            cookie,
                            'x-csrf-token': token,
                            'idempotency-key': `bench-${runTag}-${n}-${i}`,
                            'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
                          },
                        };
                      },
                    },
                  ],
                },
                (err: unknown, result: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)),
              );
              instance.on('response', () => (lastAnswer = performance.now()));
            }),
        );
        const results = await Promise.all(runs);
        const elapsed = (lastAnswer - t0) / 1000;
        const load = process.cpuUsage(cpu0.load);
        const used = {
          concert: servers.reduce((a, sv) => a + cpuMsOf(sv.proc.pid!), 0) - cpu0.concert,
          postgres: pgPid ? treeCpuMs(pgPid) - cpu0.postgres : null,
          load: (load.user + load.system) / 1000,
        };
        let ok = 0;
        for (const r of results) {
          const codes = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => code !== '201');
          if (codes.length || r.errors || r.timeouts) throw new Error(`intake answered ${JSON.stringify(codes)}, ${r.errors} errors, ${r.timeouts} timeouts`);
          ok += r.statusCodeStats?.['201']?.count ?? 0;
        }
        return { ok, p97_5Ms: Math.max(...results.map((r) => r.latency.p97_5)), elapsed, used };
      };
      // Warm-up (not measured, but stored and counted below): the server's code is compiled and its pools filled, as on a node that has run a while.
      const warm = await flood(warmup);
      const measured = await flood(submissions);
      cpu = measured.used;
      // Processing waited for the flood to pass; it must then catch up by itself.
      const flooded = performance.now();
      for (;;) {
        const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM public_comments WHERE period_id = ${fixture.periodId} AND processed_at IS NULL`.execute(conn.db);
        if (Number(rows[0]!.n) === 0) break;
        if (performance.now() - flooded > 300_000) throw new Error(`${rows[0]!.n} comments still unprocessed 5 minutes after the flood`);
        await new Promise((r) => setTimeout(r, 100));
      }
      caughtUp = (performance.now() - flooded) / 1000;
      intake = { ok: measured.ok, p97_5Ms: measured.p97_5Ms, elapsed: measured.elapsed, stored: warm.ok + measured.ok };
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    // Every receipt is a row: count them (a benchmark that lost comments would be meaningless).
    const stored = await conn.db
      .selectFrom('publicComments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('periodId', '=', fixture.periodId)
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== intake.stored) throw new Error(`${intake.stored} receipts but ${stored.n} rows`);

    // The limit: the same rows, one INSERT (its own transaction) each, same concurrency.
    const rawFor = async (ms: number): Promise<number> => {
      let rawNext = 0;
      let done = 0;
      const rawTag = randomBytes(3).toString('hex');
      const until = performance.now() + ms;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
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
            done++;
          }
        }),
      );
      return done;
    };
    await rawFor(1000); // warm-up, as for intake
    const r0 = performance.now();
    const rawCpu0 = { postgres: pgPid ? treeCpuMs(pgPid) : 0, client: process.cpuUsage() };
    const rawOk = await rawFor(seconds * 1000);
    const rawElapsed = (performance.now() - r0) / 1000;
    const rawClient = process.cpuUsage(rawCpu0.client);
    const rawPostgres = pgPid ? treeCpuMs(pgPid) - rawCpu0.postgres : null;
    const intakePerSecond = intake.ok / intake.elapsed;
    const rawInsertsPerSecond = rawOk / rawElapsed;
    return {
      intakePerSecond: Math.round(intakePerSecond),
      rawInsertsPerSecond: Math.round(rawInsertsPerSecond),
      intakeRatio: Number((intakePerSecond / rawInsertsPerSecond).toFixed(3)),
      intakeP97_5Ms: intake.p97_5Ms,
      submissions: intake.ok,
      intakeNodes: nodes,
      intakeConcurrency: concurrency,
      cpuMsPerSubmission: { concert: per(cpu.concert, intake.ok), postgres: cpu.postgres === null ? null : per(cpu.postgres, intake.ok), load: per(cpu.load, intake.ok) },
      cpuMsPerRawInsert: { postgres: rawPostgres === null ? null : per(rawPostgres, rawOk), client: per((rawClient.user + rawClient.system) / 1000, rawOk) },
      processingCaughtUpSeconds: Number(caughtUp.toFixed(1)),
    };
  } finally {
    await conn.close();
    if (cluster) await cluster.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
