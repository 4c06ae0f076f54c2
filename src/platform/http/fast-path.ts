import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLocale } from '../../kernel/localized.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { Deps } from './context.ts';
import { cachedPageHeaders, FLASH_COOKIE, negotiateLocale } from './middleware.ts';
import { prefersJson } from './render.tsx';

/**
 * In front of the application, on the raw Node request: a shared public page
 * already in the cache goes straight back to a visitor who is not signed in,
 * with the bytes and headers the application itself would send. Anything
 * else, or any doubt, returns false and the application answers.
 */
export function publicFastPath(deps: Pick<Deps, 'pageCache' | 'config'>): (req: IncomingMessage, res: ServerResponse) => boolean {
  const plain = cachedPageHeaders(deps);
  const gzipped = { ...plain, 'Content-Encoding': 'gzip' };
  return (req, res) => {
    const url = req.url;
    if (req.method !== 'GET' || !url || prefersJson(req.headers.accept)) return false;
    const cookies = req.headers.cookie;
    if (cookies && (cookies.includes(`${SESSION_COOKIE}=`) || cookies.includes(`${FLASH_COOKIE}=`))) return false;
    const hit = deps.pageCache.get(url);
    if (!hit) return false;
    // The application remembers an explicit language choice in a cookie: leave that case to it.
    const l = url.slice(1, 3);
    if (!isLocale(l)) return false;
    const remembered = cookies ? /(?:^|;\s*)concert_lang=([a-z]+)/.exec(cookies)?.[1] : undefined;
    if (remembered ? remembered !== l : negotiateLocale(undefined, req.headers['accept-language']) !== l) return false;
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? hit.gzip() : hit.bytes;
    res.writeHead(200, { ...(gzip ? gzipped : plain), 'Content-Length': String(body.length) });
    res.end(body);
    return true;
  };
}
