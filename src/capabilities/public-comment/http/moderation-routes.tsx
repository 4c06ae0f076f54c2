import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { formBody } from '../../processes/index.ts';
import { handleReport } from '../commands/handle-report.ts';
import { moderateComment, REASON_MAX } from '../commands/moderate-comment.ts';
import { commentsWithStatus, statusCounts } from '../db/comments.ts';
import { openReports } from '../db/reports.ts';
import { intakeMessages } from '../messages/index.ts';
import { ModerationPage } from '../views/moderation-page.tsx';
import { accessOf, check, loadPeriod, periodPath, refusalProblem, type LoadedPeriod } from './load.ts';
import { commentViews, periodView } from './view-data.ts';

export function moderationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = `${L}/p/:slug/input/:periodId{[0-9]{1,12}}/moderation`;

  const page = async (c: Ctx, l: LoadedPeriod, error?: { commentId: number; message: string }) => {
    const [counts, pending, published, reports] = await Promise.all([
      statusCounts(deps.db, l.period.id),
      commentsWithStatus(deps.db, l.period.id, 'pending'),
      commentsWithStatus(deps.db, l.period.id, 'published', 20),
      openReports(deps.db, l.period.id),
    ]);
    const [pendingViews, publishedViews] = await Promise.all([commentViews(deps.db, l.process, pending), commentViews(deps.db, l.process, published)]);
    return render(
      c,
      <ModerationPage ctx={pageCtx(c)} v={periodView(l, deps.clock.now())} data={{ counts, pending: pendingViews, published: publishedViews, reports, error }} />,
      error ? 422 : 200,
    );
  };

  app.get(base, async (c) => {
    const l = await loadPeriod(c, deps);
    check(c, await accessOf(deps, c, l), 'moderate', periodView(l, deps.clock.now()).phase);
    return page(c, l);
  });

  app.post(`${base}/comments/:id{[0-9]{1,12}}`, async (c) => {
    const l = await loadPeriod(c, deps);
    const form = await formBody(c);
    const m = intakeMessages(c.get('locale'));
    const action = form.action === 'approve' || form.action === 'hide' ? form.action : null;
    if (!action) throw new HttpProblem('bad-request');
    const reason = typeof form.reason === 'string' && form.reason.trim() ? form.reason.trim() : null;
    const id = Number(c.req.param('id'));
    const r = await moderateComment(deps, c.get('actor'), l.process, l.period, l.doc.bodyId, id, action, reason);
    if (!r.ok) {
      switch (r.refusal) {
        case 'not-signed-in':
        case 'not-allowed':
        case 'not-open':
        case 'still-open':
          throw refusalProblem(c, r.refusal);
        case 'unknown-comment':
          throw new HttpProblem('not-found');
        case 'reason-required':
          return page(c, l, { commentId: id, message: m.reasonRequired });
        case 'reason-too-long':
          throw new HttpProblem('bad-request', `${REASON_MAX}`);
        case 'unverified':
        case 'unchanged':
          throw new HttpProblem('conflict');
      }
    }
    return redirectWithFlash(c, periodPath(c.get('locale'), l, '/moderation'), action === 'hide' ? m.hiddenFlash : m.approved);
  });

  app.post(`${base}/reports/:id{[0-9]{1,12}}`, async (c) => {
    const l = await loadPeriod(c, deps);
    const form = await formBody(c);
    const m = intakeMessages(c.get('locale'));
    const decision = form.decision === 'uphold' || form.decision === 'dismiss' ? form.decision : null;
    if (!decision) throw new HttpProblem('bad-request');
    const note = typeof form.note === 'string' && form.note.trim() ? form.note.trim().slice(0, REASON_MAX) : null;
    const r = await handleReport(deps, c.get('actor'), l.process, l.period, l.doc.bodyId, Number(c.req.param('id')), decision, note);
    if (!r.ok) {
      if (r.refusal === 'unknown-report') throw new HttpProblem('not-found');
      if (r.refusal === 'already-handled') throw new HttpProblem('conflict');
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, periodPath(c.get('locale'), l, '/moderation'), r.value.hidden ? m.upheld : m.dismissed);
  });

  return app;
}
