import type { Context } from 'hono';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Locale } from '../../kernel/localized.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../database/connect.ts';
import type { EventBus } from '../events/bus.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Logger } from '../log.ts';
import type { PageCache } from './page-cache.ts';
import type { LiveHub } from './sse.ts';

/** Everything a request handler may reach, built once in the composition root. */
export type Deps = {
  db: Db;
  config: Config;
  mailer: Mailer;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  /** Rendered public pages for visitors who are not signed in. */
  pageCache: PageCache;
  /** Server-Sent Events streams of this node (live rooms). */
  live: LiveHub;
  /** Base URL people use to reach Concert, for links in mail. */
  publicUrl: () => string;
};

export type AppEnv = {
  Variables: {
    locale: Locale;
    actor: Actor;
    sessionId: number | null;
    /** The visitor's CSRF token, once known or issued; read it through csrfToken(c). */
    csrf: string | undefined;
    issueCsrf: (() => string) | undefined;
    /** Path without the locale prefix, with the query string: for the language switch. */
    localPath: string;
    flash: string | null;
  };
};

export type Ctx = Context<AppEnv>;
