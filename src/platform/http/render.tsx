import type { Child } from 'hono/jsx';
import type { Ctx } from './context.ts';
import type { PageCtx } from '../views/page.ts';
import type { PageCache } from './page-cache.ts';
import { csrfToken } from './middleware.ts';

export function pageCtx(c: Ctx): PageCtx {
  return {
    locale: c.get('locale'),
    actor: c.get('actor'),
    // Lazy: a token (and its cookie) is issued only if the page renders a form.
    get csrf() {
      return csrfToken(c);
    },
    localPath: c.get('localPath'),
    flash: c.get('flash'),
  };
}

type Status = 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

/** A full page as a string, with its doctype. */
export async function renderToString(node: Child): Promise<string> {
  const html = await Promise.resolve(node as unknown as { toString(): string | Promise<string> }).then((n) => n.toString());
  return '<!DOCTYPE html>' + html;
}

export function htmlResponse(c: Ctx, html: string, status: Status = 200): Response {
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}

/** Renders a full page with its doctype. */
export async function render(c: Ctx, node: Child, status: Status = 200): Promise<Response> {
  return htmlResponse(c, await renderToString(node), status);
}

/**
 * A public page rendered once for every visitor who is not signed in, until
 * its process changes. Signed-in readers (and anyone with a message to show)
 * always get a fresh page. A page carrying the visitor's CSRF token is never shared.
 */
export async function renderPublic(c: Ctx, cache: PageCache, build: () => Promise<{ processId: number; page: Child }>): Promise<Response> {
  const shareable = c.get('actor').kind === 'anonymous' && !c.get('flash');
  if (!shareable) return render(c, (await build()).page);
  const fullKey = publicCacheKey(c);
  const hit = cache.get(fullKey);
  if (hit) return htmlResponse(c, hit.html);
  const generation = cache.generation();
  const { processId, page } = await build();
  const html = await renderToString(page);
  const token = c.get('csrf');
  if (!token || !html.includes(token)) cache.set(fullKey, processId, generation, html);
  return htmlResponse(c, html);
}

/** Whether an Accept header asks for JSON rather than a page. */
export function prefersJson(accept: string | undefined): boolean {
  return !!accept && /application\/(problem\+)?json/.test(accept) && !/text\/html/.test(accept);
}

/** Whether the client asked for JSON rather than a page. */
export function wantsJson(c: Ctx): boolean {
  return prefersJson(c.req.header('accept'));
}

/** Shared pages are keyed by their URL (the language is its first segment). */
export function publicCacheKey(c: Ctx): string {
  const url = c.req.url;
  const q = url.indexOf('?');
  return q === -1 ? c.req.path : c.req.path + url.slice(q);
}

/** Post/redirect/get with a one-shot message shown on the next page. */
export function redirectWithFlash(c: Ctx, location: string, flash?: string): Response {
  if (flash) {
    c.header('Set-Cookie', `concert_flash=${encodeURIComponent(flash)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`, { append: true });
  }
  return c.redirect(location, 303);
}
