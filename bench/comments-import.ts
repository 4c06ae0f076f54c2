// `npm run bench -- comments-import`: an operator imports a 100,000-line JSON
// Lines file of public comments (campaigns of form letters with personal
// additions, and distinct comments) with `concert comments import`, which
// checks every row, stores them in batches and then fingerprints and groups
// the whole period. Measured against its limit in the same run: streaming the
// same file and INSERTing the same rows, 500 at a time, into a bare table.
// The command's peak memory (max RSS) shows the file is streamed, not loaded.
// DATABASE_URL runs it on an external PostgreSQL; otherwise an embedded one in a temporary folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { systemClock } from '../src/kernel/clock.ts';
import { connect } from '../src/platform/database/connect.ts';
import { startEmbedded, type EmbeddedCluster } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { jsonLines } from '../src/platform/records.ts';
import { makePeriod } from '../test/support/public-comment.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let seed = 7;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const WORDS =
  'device security update label consumer network router manufacturer lifespan privacy data encryption vulnerability report password firmware support period risk trust rural northern community household provider service cloud school library clinic farm'.split(
    ' ',
  );
const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
const templates = Array.from({ length: 20 }, (_, i) => `Campaign ${i}: ${words(60)}.`);
const CATEGORIES = ['industry', 'civil-society', 'academia', 'government', 'technical-community'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-bench-import-'));
fs.chmodSync(dir, 0o755);
const file = path.join(dir, 'comments.jsonl');
{
  const out = fs.openSync(file, 'w');
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    const campaign = rnd() < 0.6;
    const text = campaign ? `${templates[Math.floor(rnd() * templates.length)]}${rnd() < 0.3 ? ` ${words(8)}` : ''}` : `${words(40 + Math.floor(rnd() * 40))}.`;
    buf +=
      JSON.stringify({
        name: `Person ${i}`,
        category: CATEGORIES[i % CATEGORIES.length],
        email: `p${i}@example.org`,
        lang: i % 4 === 0 ? 'fr' : 'en',
        text,
        anchor: i % 3 === 0 ? 'p2' : '',
      }) + '\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}
const fileMb = fs.statSync(file).size / 1e6;

let cluster: EmbeddedCluster | null = null;
let url = process.env.DATABASE_URL;
if (!url) {
  cluster = await startEmbedded({ dataDir: path.join(dir, 'data') });
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  url = cluster.urlFor('bench');
}
const conn = connect(url, 4);
const db = conn.db;
try {
  await migrate(db);
  const s = await makePeriod({ db, clock: systemClock });

  // Concert: the real command, in its own process, timed with its peak memory.
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, path.join(root, 'bin/concert.js'), 'comments', 'import', file, '--period', String(s.periodId)], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url, CONCERT_DATA_DIR: path.join(dir, 'cli') },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const m = /TIME ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !m) throw new Error(`import failed (${run.status}):\n${run.stdout}\n${run.stderr.slice(-2000)}`);
  const accepted = Number(/Accepted (\d+)/.exec(run.stdout)?.[1]);
  const groups = Number(/Groups of near-identical comments: (\d+)/.exec(run.stdout)?.[1]);
  const phases = /Stored in ([\d.]+) s, grouped in ([\d.]+) s/.exec(run.stdout);

  // The limit: the same rows streamed from the same file into a bare table.
  await sql`CREATE TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text, category text, email text, lang text, body text, anchor text)`.execute(db);
  const t0 = performance.now();
  let batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const cols = ['name', 'category', 'email', 'lang', 'body', 'anchor'];
    const params = batch.flat();
    const values = batch.map((_, i) => `(${cols.map((__, j) => `$${i * cols.length + j + 1}`).join(',')})`).join(',');
    await conn.pool.query(`INSERT INTO bench_raw (${cols.join(',')}) VALUES ${values}`, params);
    batch = [];
  };
  for await (const r of jsonLines(file)) {
    if (!('value' in r)) continue;
    const v = r.value as Record<string, string>;
    batch.push([v.name, v.category, v.email, v.lang, v.text, v.anchor || null]);
    if (batch.length === 500) await flush();
  }
  await flush();
  const rawS = (performance.now() - t0) / 1000;
  const cliS = Number(m[1]);
  console.log(
    `import of ${ROWS} rows (${fileMb.toFixed(1)} MB): concert ${cliS.toFixed(1)} s incl. processing, peak ${(Number(m[2]) / 1024).toFixed(0)} MB; raw insert ${rawS.toFixed(1)} s`,
  );
  console.log(
    JSON.stringify({
      bench: 'comments-import',
      rows: ROWS,
      file_mb: Number(fileMb.toFixed(1)),
      accepted,
      groups,
      concert_s: cliS,
      concert_rows_per_s: Math.round(ROWS / cliS),
      stored_s: Number(phases?.[1]),
      grouped_s: Number(phases?.[2]),
      concert_max_rss_mb: Math.round(Number(m[2]) / 1024),
      raw_insert_s: Number(rawS.toFixed(2)),
      ratio: Number((cliS / rawS).toFixed(2)),
    }),
  );
} finally {
  await conn.close();
  if (cluster) await cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
