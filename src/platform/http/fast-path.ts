import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLocale } from '../../kernel/localized.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { Deps } from './context.ts';
import { cachedPageHeaders, FLASH_COOKIE, negotiateLocale } from './middleware.ts';
import { prefersJson } from './render.tsx';

export type SharedRequest = {
  method: string;
  accept: string | undefined;
  url: string;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
  acceptEncoding: string | undefined;
  https: boolean;
};
export type SharedResponse = { body: Buffer; headers: Record<string, string> };

/**
 * A shared public page for this request, when one is cached and the visitor
 * is not signed in (no session, no pending message, no language choice to
 * remember); else null and the application answers. One rule for both the
 * raw-Node fast path and the in-app middleware.
 */
export function sharedPage(deps: Pick<Deps, 'pageCache' | 'config'>, r: SharedRequest): SharedResponse | null {
  // Shared pages are HTML: a request for JSON at the same address never gets one.
  if (r.method !== 'GET' || prefersJson(r.accept)) return null;
  if (r.cookie && (r.cookie.includes(`${SESSION_COOKIE}=`) || r.cookie.includes(`${FLASH_COOKIE}=`))) return null;
  const hit = deps.pageCache.get(r.url);
  if (!hit) return null;
  const l = r.url.slice(1, 3);
  if (!isLocale(l) || (r.url.length > 3 && r.url[3] !== '/' && r.url[3] !== '?')) return null;
  const remembered = r.cookie ? /(?:^|;\s*)concert_lang=([a-z]+)/.exec(r.cookie)?.[1] : undefined;
  if (remembered ? remembered !== l : negotiateLocale(undefined, r.acceptLanguage) !== l) return null;
  const gzip = /\bgzip\b/.test(r.acceptEncoding ?? '');
  const body = gzip ? hit.gzip() : hit.bytes;
  return {
    body,
    headers: {
      ...cachedPageHeaders(deps),
      ...(r.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Length': String(body.length),
    },
  };
}

/** In front of the application, on the raw Node request: see sharedPage. */
export function publicFastPath(deps: Pick<Deps, 'pageCache' | 'config'>): (req: IncomingMessage, res: ServerResponse) => boolean {
  const httpsAlways = deps.config.publicUrl?.startsWith('https://') ?? false;
  return (req, res) => {
    if (req.method !== 'GET' || !req.url) return false;
    const forwarded = deps.config.trustProxy
      ? String(req.headers['x-forwarded-proto'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    const shared = sharedPage(deps, {
      method: req.method,
      accept: req.headers.accept,
      url: req.url,
      cookie: req.headers.cookie,
      acceptLanguage: req.headers['accept-language'],
      acceptEncoding: req.headers['accept-encoding'] as string | undefined,
      https: httpsAlways || forwarded === 'https',
    });
    if (!shared) return false;
    res.writeHead(200, shared.headers);
    res.end(shared.body);
    return true;
  };
}
