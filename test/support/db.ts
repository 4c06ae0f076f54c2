import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Connection } from '../../src/platform/database/connect.ts';

// Each test file gets its own database, cloned from a migrated template that
// test/run.ts prepared (CREATE DATABASE … TEMPLATE: tens of milliseconds).

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests with "npm test" (test/run.ts prepares the database).`);
  return v;
}

export function urlFor(adminUrl: string, db: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

export type FreshDb = Connection & { url: string; name: string; drop(): Promise<void> };

export async function freshDatabase(opts: { demo?: boolean } = {}): Promise<FreshDb> {
  const admin = env('CONCERT_TEST_DB_ADMIN');
  const template = env(opts.demo ? 'CONCERT_TEST_DEMO_TEMPLATE' : 'CONCERT_TEST_TEMPLATE');
  const name = `${env('CONCERT_TEST_PREFIX')}${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
  } finally {
    await client.end();
  }
  const url = urlFor(admin, name);
  const conn = connect(url, 5);
  return {
    ...conn,
    url,
    name,
    async drop() {
      await conn.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
