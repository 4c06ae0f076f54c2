import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Ctx, Deps } from './context.ts';
import { findAsset } from './assets.ts';
import { renderProblem } from './errors.tsx';
import { csrf, isHttps, locale, negotiateLocale, LOCALE_COOKIE, securityHeaders, session } from './middleware.ts';
import { sharedPage } from './fast-path.ts';
import { publicCacheKey } from './render.tsx';
import { HttpProblem } from './problem.ts';
import { getCookie } from 'hono/cookie';

/**
 * The HTTP frame every capability's routes are mounted in: security headers,
 * size limits, locale, session, CSRF, static assets, and errors as pages.
 */
/** A route that accepts a larger body than MAX_BODY_BYTES (public comments with attachments). */
export type LargeBody = { pattern: RegExp; maxSize: number; detail?: (locale: 'en' | 'fr') => string };

/**
 * A body size limit. A body of declared length is judged by its
 * Content-Length (Node's parser never delivers more than that), so the body
 * is not touched here and handlers read it straight from the socket; any
 * other body is counted as it streams in (hono's bodyLimit, which wraps it).
 */
function sizeLimit(maxSize: number, onError: (c: Ctx) => never): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize, onError });
  return (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding')) return streamed(c, next);
    return /^\d+$/.test(length) && Number(length) <= maxSize ? next() : onError(c);
  };
}

export function createShell(deps: Deps, opts: { largeBodies?: LargeBody[] } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => renderProblem(c, err, deps));
  // Visitors who are not signed in get shared pages straight from the cache,
  // before anything else runs (the same rule as the fast path in front of the app).
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const shared = sharedPage(deps, {
      method: c.req.method,
      accept: c.req.header('accept'),
      url: publicCacheKey(c),
      cookie: c.req.header('cookie'),
      acceptLanguage: c.req.header('accept-language'),
      acceptEncoding: c.req.header('accept-encoding'),
      https: isHttps(c, deps),
    });
    return shared ? new Response(new Uint8Array(shared.body), { status: 200, headers: shared.headers }) : next();
  });
  app.use('*', securityHeaders(deps));
  // Pages travel gzipped to slow rural and northern connections; SSE streams are never buffered.
  const gzip = compress();
  app.use('*', (c, next) => (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '') ? gzip(c, next) : next()));

  app.get('/assets/:name', (c) => {
    const asset = findAsset(c.req.param('name'));
    if (!asset) return c.text('Not found', 404);
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(asset.gzip));
    }
    return c.body(new Uint8Array(asset.body));
  });
  app.get('/healthz', async (c) => {
    await deps.db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute();
    return c.json({ ok: true });
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));

  const limit = sizeLimit(deps.config.maxBodyBytes, () => {
    throw new HttpProblem('too-large');
  });
  // Only requests with a body are measured: touching the body of a GET would
  // make the Node adapter build a full Request object on every page view.
  const large = (opts.largeBodies ?? []).map((l) => ({
    pattern: l.pattern,
    limit: sizeLimit(l.maxSize, (c) => {
      throw new HttpProblem('too-large', l.detail?.(/^\/fr(\/|$)/.test(c.req.path) ? 'fr' : 'en'));
    }),
  }));
  app.use('*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const own = large.length ? large.find((l) => l.pattern.test(c.req.path)) : undefined;
    return (own?.limit ?? limit)(c, next);
  });
  app.use('*', locale(deps));
  app.use('*', session(deps));
  app.use('*', csrf(deps));
  return app;
}

/** Last routes: bare paths go to the reader's language; anything else is a 404 page. */
export function finishShell(app: Hono<AppEnv>): Hono<AppEnv> {
  app.get('/', (c) => {
    const l = negotiateLocale(getCookie(c, LOCALE_COOKIE), c.req.header('accept-language'));
    c.header('Vary', 'Cookie, Accept-Language');
    return c.redirect(`/${l}/`, 302);
  });
  app.all('*', (c) => {
    const path = c.req.path;
    if (c.req.method === 'GET' && !/^\/(en|fr)(\/|$)/.test(path) && !path.startsWith('/assets/')) {
      c.header('Vary', 'Cookie, Accept-Language');
      return c.redirect(`/${c.get('locale')}${path}${new URL(c.req.url).search}`, 302);
    }
    if (/^\/(en|fr)$/.test(path)) return c.redirect(`${path}/`, 301);
    throw new HttpProblem('not-found');
  });
  return app;
}
