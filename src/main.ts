import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { serve } from '@hono/node-server';
import { publicFastPath } from './platform/http/fast-path.ts';
import { publicUrlOf, type Config } from './config.ts';
import { systemClock, type Clock } from './kernel/clock.ts';
import { createApp } from './app.ts';
import { purgeExpiredSessions } from './platform/auth/sessions.ts';
import { issueSignInToken } from './platform/auth/sign-in.ts';
import { connect } from './platform/database/connect.ts';
import { openDatabase } from './platform/database/database.ts';
import { migrate } from './platform/database/migrate.ts';
import { postgresBus } from './platform/events/bus.ts';
import { PageCache } from './platform/http/page-cache.ts';
import { LiveHub } from './platform/http/sse.ts';
import { buildAssets } from './platform/http/assets.ts';
import type { Deps } from './platform/http/context.ts';
import { consoleLogger, type Logger } from './platform/log.ts';
import { outboxMailer, smtpMailer } from './platform/mail/mailer.ts';
import { DEMO_CONVENER_EMAIL, isEmpty, seedDemo } from './demo/seed.ts';
import { purgeFinishedJobs, startWorkers } from './platform/jobs/queue.ts';
import { LIVE_EVENTS_KEPT_MS, purgeLiveEvents } from './platform/live/event-log.ts';
import { jobRegistry } from './jobs.ts';

export type Running = { url: string; port: number; stop(): Promise<void>; deps: Deps };

/** Composition root: config → database → app → listen. */
export async function start(config: Config, opts: { clock?: Clock; log?: Logger } = {}): Promise<Running> {
  const log = opts.log ?? consoleLogger(config.quiet);
  const clock = opts.clock ?? systemClock;
  const database = await openDatabase(config, { log: (m) => log.info(m) });
  const conn = connect(database.url, config.dbPoolSize);
  let stopping: Promise<void> | null = null;
  try {
    const { applied } = await migrate(conn.db);
    if (applied.length) log.info(`Applied migrations: ${applied.join(', ')}`);
    if (config.seedDemo === 'auto' && (await isEmpty(conn.db))) {
      await seedDemo({ db: conn.db, clock });
      log.info('Loaded the demo process "Enhancing IoT Security".');
    }
    await buildAssets();
  } catch (e) {
    await conn.close();
    await database.release();
    throw e;
  }
  // Events travel by LISTEN/NOTIFY, so several Concert nodes on one database hear each other,
  // and a NOTIFY sent inside a transaction is heard only once it commits.
  const bus = postgresBus(database.url, (e) => log.error('event bus', e));
  const pageCache = new PageCache(bus, { ttlMs: 5000, max: 1000 });
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(path.join(config.dataDir, 'outbox'), config.mailFrom, log);
  let url = '';
  const live = new LiveHub({ db: conn.db, bus, clock, log });
  // What start() opened, closed in reverse, whether it stops or fails to listen.
  const closeServices = async () => {
    pageCache.close();
    await bus.close();
    mailer.close();
    await conn.close();
    await database.release();
  };
  const deps: Deps = { db: conn.db, config, mailer, bus, clock, log, pageCache, live, publicUrl: () => url };
  const app = createApp(deps);

  const fastPath = publicFastPath(deps);
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    // Public pages already rendered skip the application entirely (see publicFastPath).
    createServer: ((options: ServerOptions, listener: RequestListener) =>
      createServer(options, (req, res) => {
        if (!fastPath(req, res)) listener(req, res);
      })) as typeof createServer,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (e) => {
    live.close();
    await closeServices();
    throw e;
  });
  const port = (server.address() as AddressInfo).port;
  url = publicUrlOf(config, port);
  // Background jobs (period clocks, mails, comment processing) run beside the app on the same database.
  const workers = startWorkers({ db: conn.db, clock, log, mailer, publicUrl: () => url }, jobRegistry());
  const housekeeping = setInterval(() => {
    void purgeExpiredSessions(conn.db, clock.now()).catch(() => {});
    void purgeFinishedJobs(conn.db, new Date(clock.now().getTime() - 7 * 86_400_000)).catch(() => {});
    void purgeLiveEvents(conn.db, new Date(clock.now().getTime() - LIVE_EVENTS_KEPT_MS)).catch(() => {});
  }, 3600_000);
  housekeeping.unref();

  return {
    url,
    port,
    deps,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(housekeeping);
        // Live streams never end by themselves: end them so the server can close.
        live.close();
        // Stop taking requests, let those in flight finish, then close the database.
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
          setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, 5000).unref();
        });
        // Jobs in flight finish before the database closes; unstarted ones wait in it for the next start.
        await workers.stop();
        await closeServices();
      })()),
  };
}

/** A sign-in link for the demo convener, printed at start so a newcomer can try everything. */
export async function demoSignInLink(running: Running): Promise<string | null> {
  const user = await running.deps.db.selectFrom('users').select('id').where('email', '=', DEMO_CONVENER_EMAIL).executeTakeFirst();
  if (!user) return null;
  const token = await issueSignInToken(running.deps.db, DEMO_CONVENER_EMAIL, '/en/p/iot-security', running.deps.clock.now(), 24 * 60);
  return `${running.url}/en/sign-in/verify?token=${token}`;
}
