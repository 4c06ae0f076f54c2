import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, renderPublic } from '../../../platform/http/render.tsx';
import { categoryLabel, type Process } from '../../processes/index.ts';
import type { CommentStatus } from '../db/tables.ts';
import { groupByKey, groupCounts, groupsOf, membersPage, type ShownComment } from '../db/answers.ts';
import { additions } from '../domain/additions.ts';
import { GroupPage, GroupsPage } from '../views/groups-pages.tsx';
import type { CommentMeta } from '../views/answer-parts.tsx';
import { loadPeriod, pageParam } from './period-load.ts';

const GROUPS_PER_PAGE = 20;
const COMMENTS_PER_PAGE = 50;
const ALL: CommentStatus[] = ['unverified', 'pending', 'published', 'hidden'];
const PUBLIC: CommentStatus[] = ['published'];

const meta = (process: Process, locale: 'en' | 'fr', c: ShownComment): CommentMeta => {
  const label = categoryLabel(process, c.categoryKey);
  return { ...c, categoryLabel: label[locale] ?? label.en ?? c.categoryKey };
};

/** Public: the groups of near-identical comments and the distinct comments; staff also see unpublished ones. */
export function groupsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = `${L}/p/:slug/input/:periodId{[0-9]{1,12}}/clusters`;

  // Anonymous readers share one rendering until the process changes (a new grouping announces it).
  app.get(base, (c) =>
    renderPublic(c, deps.pageCache, async () => {
      const l = await loadPeriod(c, deps);
      const page = pageParam(c);
      const statuses = l.staff ? ALL : PUBLIC;
      const [groups, counts] = await Promise.all([groupsOf(deps.db, l.pc.period.id), groupCounts(deps.db, l.pc.period.id, statuses)]);
      const shown = groups
        .filter((g) => counts.has(g.key))
        .map((g) => ({ key: g.key, template: g.template, templateLang: g.templateLang, ...counts.get(g.key)! }))
        .sort((a, b) => b.signatories - a.signatories || a.key - b.key);
      const distinct = await membersPage(deps.db, l.pc.period.id, null, statuses, (page - 1) * COMMENTS_PER_PAGE, COMMENTS_PER_PAGE);
      const pages = Math.max(1, Math.ceil(shown.length / GROUPS_PER_PAGE), Math.ceil(distinct.total / COMMENTS_PER_PAGE));
      if (page > pages) throw new HttpProblem('not-found');
      const locale = c.get('locale');
      return {
        processId: l.process.id,
        page: (
          <GroupsPage
            ctx={pageCtx(c)}
            v={l.v}
            groups={shown.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE)}
            distinct={distinct.rows.map((x) => ({ ...meta(l.process, locale, x), body: x.body, lang: x.lang }))}
            page={page}
            total={pages}
            size={1}
          />
        ),
      };
    }),
  );

  app.get(`${base}/:key{[0-9]{1,12}}`, (c) =>
    renderPublic(c, deps.pageCache, async () => {
      const l = await loadPeriod(c, deps);
      const page = pageParam(c);
      const statuses = l.staff ? ALL : PUBLIC;
      const group = await groupByKey(deps.db, l.pc.period.id, Number(c.req.param('key')));
      if (!group) throw new HttpProblem('not-found');
      const members = await membersPage(deps.db, l.pc.period.id, group.id, statuses, (page - 1) * COMMENTS_PER_PAGE, COMMENTS_PER_PAGE);
      // A group with nothing published does not exist for the public.
      if (members.total === 0 || (members.rows.length === 0 && page > 1)) throw new HttpProblem('not-found');
      const signatories = (await groupCounts(deps.db, l.pc.period.id, statuses)).get(group.key)?.signatories ?? 0;
      const locale = c.get('locale');
      return {
        processId: l.process.id,
        page: (
          <GroupPage
            ctx={pageCtx(c)}
            v={l.v}
            group={{ key: group.key, template: group.template, templateLang: group.templateLang, comments: members.total, signatories }}
            members={members.rows.map((x) => ({ ...meta(l.process, locale, x), lang: x.lang, segments: additions(group.template, x.body) }))}
            page={page}
            total={members.total}
            size={COMMENTS_PER_PAGE}
          />
        ),
      };
    }),
  );

  return app;
}
