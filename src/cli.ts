import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { demoSignInLink, start, type Running } from './main.ts';
import { createUser, EmailTaken } from './platform/auth/users.ts';
import { issueSignInToken } from './platform/auth/sign-in.ts';
import { connect } from './platform/database/connect.ts';
import { openDatabase, releaseAllDatabases } from './platform/database/database.ts';
import { DataFolderInUse, EmbeddedStartFailed } from './platform/database/embedded.ts';
import { migrate } from './platform/database/migrate.ts';
import { seedDemo } from './demo/seed.ts';
import { systemClock } from './kernel/clock.ts';
import { COMMENTS_HELP, commentsCommand, CommentsUsageError } from './comments-cli.ts';

const HELP = `concert: open, consensus-based multistakeholder processes

Usage:
  concert start                 Start the web server (embedded PostgreSQL unless DATABASE_URL is set)
  concert migrate               Apply database migrations
  concert seed demo             Load the demo process "Enhancing IoT Security"
  concert user create --email <address> --name <name> [--no-admin]
                                Create an account; by default a convener/admin who can start processes
  concert comments import <file> --period <id> [--format jsonl|csv] [--rejects <path>]
                                Import comments gathered elsewhere into a public input period
  concert comments clusters --period <id> [--json]
                                List the groups of near-identical comments
  concert help [command]        Show help

Configuration comes from the environment (PORT, HOST, CONCERT_DATA_DIR, DATABASE_URL,
PUBLIC_URL, SMTP_URL, MAIL_FROM, TRUST_PROXY, CONCERT_SEED_DEMO); see README.md.

Exit codes: 0 success, 1 failure, 2 usage error.`;

const COMMAND_HELP: Record<string, string> = {
  start: 'concert start\n  Starts Concert. Prints the URL and a sign-in link for the demo convener. Ctrl-C stops it cleanly.',
  migrate: 'concert migrate\n  Applies pending migrations and prints their names.',
  seed: 'concert seed demo\n  Loads the demo process. Refuses if it is already there.',
  comments: COMMENTS_HELP,
  user: 'concert user create --email <address> --name <name> [--no-admin]\n  Creates an account and prints a sign-in link valid for 24 hours.',
};

class UsageError extends Error {}

async function withDatabase<T>(config: Config, fn: (db: ReturnType<typeof connect>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase(config, { share: true });
  const conn = connect(database.url, 2);
  try {
    await migrate(conn.db);
    return await fn(conn.db);
  } finally {
    await conn.close();
    await database.release();
  }
}

async function cmdStart(config: Config) {
  let running: Running | null = null;
  let stopping = false;
  // Installed first: Ctrl-C during a first start (initdb, migrations, the demo) must not leave PostgreSQL running.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Concert…`);
    if (running) {
      await running.stop();
      console.log('Stopped cleanly.');
      process.exit(0);
    }
    await releaseAllDatabases();
    console.log('Start-up interrupted; nothing half-done was kept.');
    process.exit(130);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  running = await start(config);
  if (stopping) return;
  const link = await demoSignInLink(running);
  console.log(`\nConcert is running at ${running.url}/`);
  if (link) console.log(`Sign in as the demo convener (link valid 24 hours, works once):\n  ${link}`);
  console.log('Press Ctrl-C to stop.\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    const topic = rest[0];
    console.log(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : HELP);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(COMMAND_HELP[command] ?? HELP);
    return COMMAND_HELP[command] ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      if (rest.length) throw new UsageError(`concert start takes no arguments (got: ${rest.join(' ')})`);
      await cmdStart(config);
      return -1; // keeps running
    case 'migrate': {
      if (rest.length) throw new UsageError('concert migrate takes no arguments');
      const database = await openDatabase(config, { share: true });
      const conn = connect(database.url, 2);
      try {
        const { applied } = await migrate(conn.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await conn.close();
        await database.release();
      }
      return 0;
    }
    case 'seed': {
      if (rest[0] !== 'demo' || rest.length !== 1) throw new UsageError('Usage: concert seed demo');
      await withDatabase(config, (db) => seedDemo({ db, clock: systemClock }));
      console.log('Loaded the demo process "Enhancing IoT Security".');
      return 0;
    }
    case 'user': {
      if (rest[0] !== 'create') throw new UsageError('Usage: concert user create --email <address> --name <name> [--no-admin]');
      let values;
      try {
        ({ values } = parseArgs({ args: rest.slice(1), options: { email: { type: 'string' }, name: { type: 'string' }, 'no-admin': { type: 'boolean' } }, strict: true }));
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const parsed = z.object({ email: z.email(), name: z.string().trim().min(1).max(120) }).safeParse(values);
      if (!parsed.success)
        throw new UsageError(
          `Both --email <a valid address> and --name <name> are required.\n${parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n')}`,
        );
      const isAdmin = !values['no-admin'];
      const link = await withDatabase(config, async (db) => {
        await createUser(db, { email: parsed.data.email, name: parsed.data.name, isAdmin });
        const token = await issueSignInToken(db, parsed.data.email, null, new Date(), 24 * 60);
        return `${config.publicUrl ?? `http://localhost:${config.port}`}/en/sign-in/verify?token=${token}`;
      });
      console.log(`Created ${isAdmin ? 'a convener/admin' : 'an'} account for ${parsed.data.email}.`);
      console.log(`Sign-in link (valid 24 hours, works once):\n  ${link}`);
      return 0;
    }
    case 'comments':
      try {
        return await commentsCommand(rest, (fn) => withDatabase(config, fn));
      } catch (e) {
        throw e instanceof CommentsUsageError ? new UsageError(e.message) : e;
      }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(e.message);
      process.exit(2);
    }
    if (e instanceof ConfigError || e instanceof DataFolderInUse || e instanceof EmbeddedStartFailed || e instanceof EmailTaken) {
      console.error(e.message);
      process.exit(1);
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'EADDRINUSE') {
      console.error(`The port is already in use. Set PORT to another port (e.g. PORT=3001 npm start).`);
      process.exit(1);
    }
    console.error('Concert failed:', err?.stack ?? err);
    process.exit(1);
  },
);
