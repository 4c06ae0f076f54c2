import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnConcert } from '../support/concert-process.ts';
import { freshDatabase } from '../support/db.ts';

// The `concert` command as an operator uses it: real processes, real embedded PostgreSQL.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/concert.js');
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-cli-'));
  fs.chmodSync(d, 0o755);
  dirs.push(d);
  return path.join(d, 'data');
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

function concert(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, env: cleanEnv(env), encoding: 'utf8', timeout: 120_000 });
}

const startConcert = spawnConcert;

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.once('exit', (c) => r(c))));

describe('concert command', () => {
  it('help and usage errors', () => {
    const help = concert(['--help'], {});
    assert.equal(help.status, 0);
    assert.match(help.stdout, /concert user create --email/);
    assert.equal(concert(['help', 'user'], {}).status, 0);
    const bogus = concert(['dance'], {});
    assert.equal(bogus.status, 2);
    assert.match(bogus.stderr, /Unknown command "dance"/);
    const bad = concert(['user', 'create', '--email', 'not-an-address', '--name', 'X'], { CONCERT_DATA_DIR: tempDataDir() });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--email/);
    assert.equal(concert(['user', 'create', '--colour', 'blue'], {}).status, 2);
    assert.equal(concert(['seed', 'everything'], {}).status, 2);
    const conf = concert(['migrate'], { PORT: 'eighty' });
    assert.equal(conf.status, 1);
    assert.match(conf.stderr, /Invalid configuration:\n\s+PORT/);
  });

  it('start on embedded PostgreSQL: demo, refuses a second start, operator commands alongside, clean stop, restart keeps data, recovers from a kill', async () => {
    const dataDir = tempDataDir();
    const env = { CONCERT_DATA_DIR: dataDir, CONCERT_LOG: 'quiet' };
    const first = await startConcert(env);
    try {
      assert.ok(first.link, 'prints a sign-in link for the demo convener');
      const page = await fetch(`${first.url}/en/p/iot-security`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Enhancing IoT Security/);
      const verify = await fetch(first.link!.replace(/^http:\/\/localhost/, 'http://127.0.0.1'));
      assert.equal(verify.status, 200);

      const second = concert(['start'], { ...env, PORT: '0' });
      assert.equal(second.status, 1);
      assert.match(second.stderr, /already using the data folder/);

      const created = concert(['user', 'create', '--email', 'Ops@Example.org', '--name', 'Ops'], env);
      assert.equal(created.status, 0, created.stderr);
      assert.match(created.stdout, /Created a convener\/admin account for Ops@Example.org/);
      assert.match(created.stdout, /sign-in\/verify\?token=/);
      assert.equal(concert(['migrate'], env).status, 0);
    } finally {
      first.proc.kill('SIGTERM');
    }
    assert.equal(await exited(first.proc), 0);
    assert.match(first.output(), /Stopped cleanly/);
    assert.ok(!fs.existsSync(path.join(dataDir, 'concert.lock')), 'lock released');
    assert.ok(!fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')), 'PostgreSQL stopped');

    // A restart finds what was saved.
    const again = concert(['user', 'create', '--email', 'ops@example.org', '--name', 'Ops'], env);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);

    // Killed without warning: the next start recovers (the orphaned PostgreSQL is stopped first).
    const killed = await startConcert(env);
    killed.proc.kill('SIGKILL');
    await exited(killed.proc);
    const recovered = await startConcert(env);
    try {
      assert.equal((await fetch(`${recovered.url}/en/p/iot-security`)).status, 200);
      assert.equal(recovered.link === null, false);
    } finally {
      recovered.proc.kill('SIGINT');
    }
    assert.equal(await exited(recovered.proc), 0);
  });

  it('with DATABASE_URL: uses that database and starts nothing embedded', async () => {
    const db = await freshDatabase();
    try {
      const dataDir = tempDataDir();
      const env = { DATABASE_URL: db.url, CONCERT_DATA_DIR: dataDir };
      const migrated = concert(['migrate'], env);
      assert.equal(migrated.status, 0, migrated.stderr);
      assert.match(migrated.stdout, /up to date/);
      assert.equal(concert(['seed', 'demo'], env).status, 0);
      const twice = concert(['seed', 'demo'], env);
      assert.equal(twice.status, 1);
      assert.match(twice.stderr, /already exists/);
      assert.ok(!fs.existsSync(path.join(dataDir, 'postgres')), 'no embedded cluster created');
      const rows = await db.db.selectFrom('processes').select('slug').execute();
      assert.deepEqual(rows, [{ slug: 'iot-security' }]);
    } finally {
      await db.drop();
    }
  });
});
