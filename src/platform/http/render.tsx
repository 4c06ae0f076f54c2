import type { Child } from 'hono/jsx';
import type { Ctx } from './context.ts';
import type { PageCtx } from '../views/page.ts';

export function pageCtx(c: Ctx): PageCtx {
  return { locale: c.get('locale'), actor: c.get('actor'), csrf: c.get('csrf'), localPath: c.get('localPath'), flash: c.get('flash') };
}

/** Renders a full page with its doctype. */
export async function render(c: Ctx, node: Child, status: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503 = 200): Promise<Response> {
  const html = await Promise.resolve(node as unknown as { toString(): string | Promise<string> }).then((n) => n.toString());
  c.header('Cache-Control', 'no-store');
  return c.html('<!DOCTYPE html>' + html, status);
}

/** Whether the client asked for JSON rather than a page. */
export function wantsJson(c: Ctx): boolean {
  const accept = c.req.header('accept') ?? '';
  return /application\/(problem\+)?json/.test(accept) && !/text\/html/.test(accept);
}

/** Post/redirect/get with a one-shot message shown on the next page. */
export function redirectWithFlash(c: Ctx, location: string, flash?: string): Response {
  if (flash) {
    c.header('Set-Cookie', `concert_flash=${encodeURIComponent(flash)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`, { append: true });
  }
  return c.redirect(location, 303);
}
