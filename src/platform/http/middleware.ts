import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { anonymous } from '../../kernel/actor.ts';
import { isLocale, type Locale } from '../../kernel/localized.ts';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { newToken } from '../auth/tokens.ts';
import type { AppEnv, Ctx, Deps } from './context.ts';
import { HttpProblem } from './problem.ts';

export const LOCALE_COOKIE = 'concert_lang';
export const CSRF_COOKIE = 'concert_csrf';
const FLASH_COOKIE = 'concert_flash';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export function securityHeaders(deps: Deps): MiddlewareHandler<AppEnv> {
  const https = deps.config.publicUrl?.startsWith('https://') ?? false;
  return async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(k)) c.res.headers.set(k, v);
    if (https || isHttps(c, deps)) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}

export function isHttps(c: Ctx, deps: Deps): boolean {
  if (deps.config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return c.req.url.startsWith('https:') || (deps.config.publicUrl?.startsWith('https://') ?? false);
}

/** The client address, honouring X-Forwarded-For only behind a trusted proxy. */
export function clientIp(c: Ctx, deps: Deps): string {
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return 'en';
}

/** Locale from the URL prefix, then the cookie, then Accept-Language. */
export function locale(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const m = /^\/(en|fr)(\/.*)?$/.exec(url.pathname);
    if (m) {
      const l = m[1] as Locale;
      c.set('locale', l);
      c.set('localPath', (m[2] ?? '/') + url.search);
      if (getCookie(c, LOCALE_COOKIE) !== l && c.req.method === 'GET') {
        setCookie(c, LOCALE_COOKIE, l, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400, secure: isHttps(c, deps) });
      }
    } else {
      c.set('locale', negotiateLocale(getCookie(c, LOCALE_COOKIE), c.req.header('accept-language')));
      c.set('localPath', url.pathname + url.search);
    }
    await next();
  };
}

export function session(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', anonymous);
    c.set('sessionId', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const s = await loadSession(deps.db, token, deps.clock.now());
      if (s) {
        c.set('actor', s.actor);
        c.set('sessionId', s.sessionId);
      }
    }
    const flash = getCookie(c, FLASH_COOKIE);
    c.set('flash', flash ? decodeURIComponent(flash).slice(0, 300) : null);
    if (flash) c.header('Set-Cookie', `${FLASH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`, { append: true });
    await next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF: a random token in an HttpOnly SameSite cookie must come back in the
 * form (`_csrf`) or the `X-CSRF-Token` header; a cross-site Origin is refused.
 */
export function csrf(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{40,50}$/.test(token)) {
      if (!SAFE.has(c.req.method)) throw new HttpProblem('csrf');
      token = newToken();
      setCookie(c, CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c, deps) });
    }
    c.set('csrf', token);
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null') {
        const host = deps.config.trustProxy && c.req.header('x-forwarded-host') ? c.req.header('x-forwarded-host') : new URL(c.req.url).host;
        let originHost = '';
        try {
          originHost = new URL(origin).host;
        } catch {
          /* unparsable origin: refused below */
        }
        if (originHost !== host) throw new HttpProblem('csrf');
      }
      let sent = c.req.header('x-csrf-token');
      if (!sent) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          const body = await c.req.parseBody();
          const v = body['_csrf'];
          if (typeof v === 'string') sent = v;
        }
      }
      if (!sent || !sameToken(sent, token)) throw new HttpProblem('csrf');
    }
    await next();
  };
}
