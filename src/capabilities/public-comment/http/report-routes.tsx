import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render, renderPublic } from '../../../platform/http/render.tsx';
import { publishWhatWeHeard } from '../commands/publish-what-we-heard.ts';
import { whatWeHeardDraft, type WhatWeHeardSnapshot } from '../commands/what-we-heard-draft.ts';
import { reportById, reportsOf } from '../db/answers.ts';
import { can, inputRefusal } from '../domain/permissions.ts';
import { answerMessages } from '../messages/answer.ts';
import { periodBase } from '../views/answer-parts.tsx';
import { WhatWeHeardPage } from '../views/what-we-heard-page.tsx';
import { inputProblem, loadPeriod } from './period-load.ts';

/** "What we heard": published editions for everyone, the live draft and publishing for staff. */
export function reportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = `${L}/p/:slug/input/:periodId{[0-9]{1,12}}/what-we-heard`;

  app.get(base, (c) =>
    renderPublic(c, deps.pageCache, async () => {
      const l = await loadPeriod(c, deps);
      const editions = await reportsOf(deps.db, l.pc.period.id);
      const raw = c.req.query('edition');
      if (raw !== undefined && !/^\d{1,12}$/.test(raw)) throw new HttpProblem('bad-request');
      const id = raw ? Number(raw) : editions[0]?.id;
      const report = id ? await reportById(deps.db, l.pc.period.id, id) : null;
      if (raw && !report) throw new HttpProblem('not-found');
      return {
        processId: l.process.id,
        page: (
          <WhatWeHeardPage
            ctx={pageCtx(c)}
            v={l.v}
            mode={report ? 'published' : 'none'}
            report={(report?.snapshot as WhatWeHeardSnapshot | undefined) ?? null}
            publishedAt={report?.publishedAt ?? null}
            editions={editions}
            currentId={report?.id ?? null}
            canPublish={false}
          />
        ),
      };
    }),
  );

  app.get(`${base}/draft`, async (c) => {
    const l = await loadPeriod(c, deps);
    const refusal = inputRefusal(l.pc.access, 'answer', l.pc.phase);
    if (refusal) throw inputProblem(c, refusal);
    const [draft, editions] = await Promise.all([whatWeHeardDraft(deps.db, l.process, l.pc, deps.clock.now()), reportsOf(deps.db, l.pc.period.id)]);
    return render(
      c,
      <WhatWeHeardPage
        ctx={pageCtx(c)}
        v={l.v}
        mode="draft"
        report={draft}
        publishedAt={null}
        editions={editions}
        currentId={null}
        canPublish={can(l.pc.access, 'publish-report', l.pc.phase)}
      />,
    );
  });

  app.post(`${base}/publish`, async (c) => {
    const l = await loadPeriod(c, deps);
    const r = await publishWhatWeHeard(deps, c.get('actor'), l.process, l.pc);
    if (!r.ok) throw inputProblem(c, r.refusal);
    return redirectWithFlash(c, `/${c.get('locale')}${periodBase(l.v)}/what-we-heard?edition=${r.value.reportId}`, answerMessages(c.get('locale')).publishedFlash);
  });

  return app;
}
