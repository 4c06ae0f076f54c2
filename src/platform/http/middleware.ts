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
export const FLASH_COOKIE = 'concert_flash';

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

/** Every header a shared cached page needs, as one plain object (the Node adapter's fast path). */
export function cachedPageHeaders(deps: Pick<Deps, 'config'>): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    ...(deps.config.publicUrl?.startsWith('https://') ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    'Content-Type': 'text/html; charset=UTF-8',
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding, Cookie',
  };
}

/** Whether this request would make rememberLocale set a cookie. */
export function wouldRememberLocale(c: Ctx): boolean {
  const l = localeOfPath(c.req.path);
  if (!l) return false;
  const cookie = getCookie(c, LOCALE_COOKIE);
  return cookie ? cookie !== l : negotiateLocale(undefined, c.req.header('accept-language')) !== l;
}

export function securityHeaders(deps: Deps): MiddlewareHandler<AppEnv> {
  const https = deps.config.publicUrl?.startsWith('https://') ?? false;
  // Set before the handler runs: reading c.res afterwards would make the Node
  // adapter build a full Response object on every request.
  return async (c, next) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
    if (https || isHttps(c, deps)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    await next();
  };
}

export function isHttps(c: Ctx, deps: Deps): boolean {
  if (deps.config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return c.req.url.startsWith('https:') || (deps.config.publicUrl?.startsWith('https://') ?? false);
}

/**
 * The client address, honouring X-Forwarded-For only behind a trusted proxy,
 * and then only its last entry: the one our proxy added. Earlier entries are
 * whatever the client chose to send.
 */
export function clientIp(c: Ctx, deps: Deps): string {
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
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

/** Language from a `/en/…` or `/fr/…` path, if it has one. */
function localeOfPath(path: string): Locale | null {
  return path.length >= 3 && path[0] === '/' && (path[3] === '/' || path.length === 3) ? (isLocale(path.slice(1, 3)) ? (path.slice(1, 3) as Locale) : null) : null;
}

/**
 * Remembers a language only when it is a choice: it differs from the cookie,
 * or (without one) from what the browser asks for.
 */
export function rememberLocale(c: Ctx, deps: Deps): void {
  const l = localeOfPath(c.req.path);
  if (!l || c.req.method !== 'GET' || !wouldRememberLocale(c)) return;
  setCookie(c, LOCALE_COOKIE, l, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400, secure: isHttps(c, deps) });
}

/**
 * After a POST (a form shown again with its errors), "the same page in the
 * other language" is the page the form was on, not the POST address.
 */
function formPage(c: Ctx): string | null {
  const referer = c.req.header('referer');
  if (!referer) return null;
  try {
    const u = new URL(referer);
    if (u.host !== new URL(c.req.url).host || !localeOfPath(u.pathname)) return null;
    return (u.pathname.slice(3) || '/') + u.search;
  } catch {
    return null;
  }
}

/** Locale from the URL prefix, then the cookie, then Accept-Language. */
export function locale(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const url = c.req.url;
    const q = url.indexOf('?');
    const search = q === -1 ? '' : url.slice(q);
    const l = localeOfPath(path);
    if (l) {
      c.set('locale', l);
      c.set('localPath', c.req.method === 'GET' ? (path.slice(3) || '/') + search : (formPage(c) ?? '/'));
      rememberLocale(c, deps);
    } else {
      c.set('locale', negotiateLocale(getCookie(c, LOCALE_COOKIE), c.req.header('accept-language')));
      c.set('localPath', path + search);
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
    c.set('flash', flash ? flash.slice(0, 300) : null); // getCookie has decoded it
    if (flash) c.header('Set-Cookie', `${FLASH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`, { append: true });
    await next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A new token and its cookie, made only when a page actually contains a form. */
function issue(c: Ctx, deps: Deps): string {
  const token = newToken();
  setCookie(c, CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c, deps) });
  c.set('csrf', token);
  return token;
}

/** The CSRF token for a form on this page (issued now if the visitor has none). */
export function csrfToken(c: Ctx): string {
  return c.get('csrf') ?? c.get('issueCsrf')?.() ?? '';
}

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
    const token = getCookie(c, CSRF_COOKIE);
    const valid = !!token && /^[A-Za-z0-9_-]{40,50}$/.test(token);
    if (valid) c.set('csrf', token);
    else {
      // Set before any refusal, so the error page's own forms carry a working token.
      c.set('issueCsrf', () => issue(c, deps));
      if (!SAFE.has(c.req.method)) throw new HttpProblem('csrf');
    }
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
      if (!sent || !sameToken(sent, token!)) throw new HttpProblem('csrf');
    }
    await next();
  };
}
