// `npm test`: prepares PostgreSQL (embedded, or TEST_DATABASE_URL), a migrated
// template database and a demo template, then runs every test file with
// node:test, then the browser journeys in headless Chromium.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { systemClock } from '../src/kernel/clock.ts';
import { connect } from '../src/platform/database/connect.ts';
import { startEmbedded, type EmbeddedCluster } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { urlFor } from './support/db.ts';
import { findChromium } from './support/chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const skipBrowser = args.includes('--no-browser');

function files(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

async function admin(url: string, sql: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of sql) await c.query(s);
  } finally {
    await c.end();
  }
}

// A journey file runs several journeys in one browser; on a loaded 2-core machine it needs more than 5 minutes.
function runNodeTests(testFiles: string[], env: NodeJS.ProcessEnv, concurrency: number, timeoutMs = 300_000): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, `--test-timeout=${timeoutMs}`, ...testFiles], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const runId = randomBytes(3).toString('hex');
  const prefix = `t_${runId}_`;
  let cluster: EmbeddedCluster | null = null;
  let tmpDir: string | null = null;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
    console.log(`# database: external PostgreSQL (TEST_DATABASE_URL)`);
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-test-'));
    fs.chmodSync(tmpDir, 0o755);
    cluster = await startEmbedded({ dataDir: tmpDir });
    adminUrl = cluster.adminUrl;
    console.log(`# database: embedded PostgreSQL in ${tmpDir}`);
  }
  const template = `${prefix}template`;
  const demoTemplate = `${prefix}demo`;
  try {
    await admin(adminUrl, [`CREATE DATABASE ${template}`]);
    const t = connect(urlFor(adminUrl, template), 2);
    const { rows } = await (await import('kysely')).sql<{ v: string }>`SELECT version() AS v`.execute(t.db);
    console.log(`# ${rows[0]!.v.split(',')[0]}`);
    await migrate(t.db);
    await t.close();
    await admin(adminUrl, [`CREATE DATABASE ${demoTemplate} TEMPLATE ${template}`]);
    const d = connect(urlFor(adminUrl, demoTemplate), 2);
    await seedDemo({ db: d.db, clock: systemClock });
    await d.close();

    const env = {
      ...process.env,
      CONCERT_TEST_DB_ADMIN: adminUrl,
      CONCERT_TEST_TEMPLATE: template,
      CONCERT_TEST_DEMO_TEMPLATE: demoTemplate,
      CONCERT_TEST_PREFIX: prefix,
    };
    const pick = (list: string[]) => (only.length ? list.filter((f) => only.some((o) => f.includes(o))) : list);
    const fast = pick([...files(path.join(root, 'test/unit')), ...files(path.join(root, 'test/http')), ...files(path.join(root, 'test/system'))]);
    let code = fast.length ? await runNodeTests(fast, env, Math.max(2, os.cpus().length)) : 0;

    const journeys = pick(files(path.join(root, 'test/browser')));
    const chromium = findChromium();
    if (skipBrowser || journeys.length === 0) {
      if (skipBrowser) console.log('# browser journeys not requested (--no-browser)');
    } else if (!chromium) {
      const line = '!'.repeat(78);
      console.error(
        `\n${line}\n!! BROWSER JOURNEYS SKIPPED: no Chromium at /usr/bin/chromium and CHROMIUM_PATH is not set.\n!! Install it (apt-get install -y chromium) to run them.${process.env.CI === 'true' ? '\n!! CI=true: this is a failure.' : ''}\n${line}\n`,
      );
      if (process.env.CI === 'true') code = code || 1;
    } else {
      code = (await runNodeTests(journeys, { ...env, CHROMIUM_PATH: chromium }, 1, 900_000)) || code;
    }
    console.log(`# npm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
    return code;
  } finally {
    // Drop every database this run made, including any a crashed test file left behind.
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const left = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    for (const { datname } of left.rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`).catch(() => {});
    await c.end();
    if (cluster) await cluster.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
