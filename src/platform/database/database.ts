import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { acquireDataFolder, DataFolderInUse, startEmbedded } from './embedded.ts';

/** Where the database is, and how to let go of it. */
export type DatabaseHandle = { url: string; embedded: boolean; release(): Promise<void> };

const DB_NAME = 'concert';

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** A running embedded PostgreSQL started by another Concert on this data folder, if any. */
function runningEmbeddedUrl(dataDir: string): string | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    process.kill(pid, 0);
    const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    return `postgres://concert:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
  } catch {
    return null;
  }
}

/**
 * The external PostgreSQL when DATABASE_URL is set; otherwise the embedded one
 * under the data folder, started now. `share` lets an operator command (migrate,
 * user create) use the embedded database of a Concert that is already running.
 */
export async function openDatabase(config: Config, opts: { share?: boolean; log?: (m: string) => void } = {}): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, release: async () => {} };
  let release: () => void;
  try {
    release = acquireDataFolder(config.dataDir);
  } catch (e) {
    if (e instanceof DataFolderInUse && opts.share) {
      const url = runningEmbeddedUrl(config.dataDir);
      if (url) return { url, embedded: true, release: async () => {} };
    }
    throw e;
  }
  let cluster: Awaited<ReturnType<typeof startEmbedded>> | null = null;
  const stop = async () => {
    await cluster?.stop();
    release();
    open.delete(stop);
  };
  open.add(stop);
  try {
    cluster = await startEmbedded({ dataDir: config.dataDir, log: opts.log });
    await ensureDatabase(cluster.adminUrl, DB_NAME);
    return { url: cluster.urlFor(DB_NAME), embedded: true, release: stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

const open = new Set<() => Promise<void>>();

/** Stops every embedded database this process started (an interrupted start-up, for instance). */
export async function releaseAllDatabases(): Promise<void> {
  await Promise.all([...open].map((stop) => stop()));
}
