import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { manualClock } from '../../src/kernel/clock.ts';
import type { Actor } from '../../src/kernel/actor.ts';
import { createSession, SESSION_COOKIE } from '../../src/platform/auth/sessions.ts';
import { createUser } from '../../src/platform/auth/users.ts';
import { postgresBus } from '../../src/platform/events/bus.ts';
import { PageCache } from '../../src/platform/http/page-cache.ts';
import { LiveHub } from '../../src/platform/http/sse.ts';
import { buildAssets } from '../../src/platform/http/assets.ts';
import type { AppEnv, Deps } from '../../src/platform/http/context.ts';
import { smtpMailer } from '../../src/platform/mail/mailer.ts';
import { freshDatabase, type FreshDb } from './db.ts';
import { startSmtpSink, type SmtpSink } from './smtp.ts';

export const T0 = new Date('2026-03-02T15:00:00Z');

export type TestApp = {
  app: Hono<AppEnv>;
  deps: Deps;
  db: FreshDb['db'];
  clock: ReturnType<typeof manualClock>;
  smtp: SmtpSink;
  client(): Client;
  /** A client signed in as a new user (session created directly; the sign-in flow has its own tests). */
  userClient(opts?: { isAdmin?: boolean; name?: string; email?: string }): Promise<{ client: Client; actor: Actor & { kind: 'user' } }>;
  close(): Promise<void>;
};

let seq = 0;

export async function testApp(opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const [database, smtp] = await Promise.all([freshDatabase({ demo: opts.demo }), startSmtpSink(), buildAssets()]);
  const config = loadConfig({ CONCERT_LOG: 'quiet', PUBLIC_URL: 'http://concert.test', ...opts.env });
  const clock = manualClock(T0);
  const bus = postgresBus(database.url);
  const log = { info: () => {}, error: (m: string, e?: unknown) => console.error(m, e) };
  const deps: Deps = {
    db: database.db,
    config,
    mailer: smtpMailer(smtp.url, config.mailFrom),
    bus,
    clock,
    log,
    pageCache: new PageCache(bus, { ttlMs: 5000, max: 100 }),
    live: new LiveHub({ db: database.db, bus, clock, log }, { watchMs: 500 }),
    publicUrl: () => 'http://concert.test',
  };
  const app = createApp(deps);
  const t: TestApp = {
    app,
    deps,
    db: database.db,
    clock,
    smtp,
    client: () => new Client(app),
    async userClient(o = {}) {
      const n = ++seq;
      const name = o.name ?? `User ${n} <script>alert(1)</script>`;
      const { id } = await createUser(database.db, { email: o.email ?? `user${n}-${Date.now()}@example.org`, name, isAdmin: o.isAdmin ?? false });
      const token = await createSession(database.db, id, 'test', clock.now());
      const client = new Client(app);
      client.cookies.set(SESSION_COOKIE, token);
      return { client, actor: { kind: 'user', userId: id, name, isAdmin: o.isAdmin ?? false } };
    },
    async close() {
      deps.pageCache.close();
      deps.live.close();
      await bus.close();
      deps.mailer.close();
      await smtp.close();
      await database.drop();
    },
  };
  return t;
}

export type Res = { status: number; headers: Headers; text: string; location: string | null; json<T = unknown>(): T };

/** A cookie-keeping client over app.request(); form posts carry the CSRF token like a browser's. */
export class Client {
  cookies = new Map<string, string>();
  constructor(private app: Hono<AppEnv>) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0\b/i.test(a)) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Res> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await this.app.request(`http://concert.test${path}`, { ...init, headers });
    this.keep(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location'), json: <T>() => JSON.parse(text) as T };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Res> {
    return this.request(path, { headers });
  }

  get csrf(): string | undefined {
    return this.cookies.get('concert_csrf');
  }

  /** POSTs a form as a browser would, fetching a page first if there is no CSRF cookie yet. */
  async post(path: string, form: Record<string, string | string[]> = {}, opts: { csrf?: string | null; headers?: Record<string, string> } = {}): Promise<Res> {
    // The sign-in page always has a form, so it always hands out a token.
    if (!this.csrf && opts.csrf === undefined) await this.get('/en/sign-in');
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token !== null && token !== undefined && !('_csrf' in form)) body.set('_csrf', token);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers } });
  }
}
