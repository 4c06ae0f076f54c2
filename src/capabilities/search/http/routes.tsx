import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { clientIp } from '../../../platform/http/middleware.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { hit } from '../../../platform/http/rate-limit.ts';
import { pageCtx, render } from '../../../platform/http/render.tsx';
import { bodiesOf } from '../../groups/index.ts';
import { loadProcess } from '../../processes/index.ts';
import { searchEntries } from '../db/entries.ts';
import { cleanQuery, isSearchType, PAGE_SIZE, type SearchRequest } from '../domain/query.ts';
import { SearchPage } from '../views/search-page.tsx';

/** Searches per visitor and minute: generous for people, a brake for scrapers. */
export const SEARCH_RATE = { limit: 60, windowSeconds: 60 };

export function searchRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get(`${L}/p/:slug/search`, async (c) => {
    const { process } = await loadProcess(c, deps);
    const raw = c.req.query('q') ?? '';
    const { text, problem } = cleanQuery(raw);
    const typeRaw = c.req.query('type');
    const bodyRaw = c.req.query('body');
    const pageRaw = c.req.query('page');
    const page = pageRaw && /^\d{1,3}$/.test(pageRaw) ? Math.max(1, Number(pageRaw)) : 1;
    const bodies = await bodiesOf(deps.db, process.id);
    const body = bodyRaw ? (bodies.find((b) => b.slug === bodyRaw) ?? null) : null;
    const request: SearchRequest = { text, type: isSearchType(typeRaw) ? typeRaw : null, body: body?.slug ?? null, page };
    let results = null;
    if (!problem) {
      const limit = await hit(deps.db, `search:${clientIp(c, deps)}`, SEARCH_RATE.limit, SEARCH_RATE.windowSeconds, deps.clock.now());
      if (!limit.allowed) throw new HttpProblem('too-many', undefined, limit.retryAfterSeconds);
      results = await searchEntries(deps.db, {
        processId: process.id,
        query: text,
        locale: c.get('locale'),
        type: request.type,
        bodyId: body?.id ?? null,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
    }
    const data = { process, request, problem, results, bodies: bodies.map((b) => ({ id: b.id, slug: b.slug, name: b.name })) };
    return render(c, <SearchPage ctx={pageCtx(c)} data={data} />, problem === 'too-long' ? 422 : 200);
  });

  return app;
}
