import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { email, parseWith, rawField, text } from '../../../platform/http/validation.ts';
import { formBody } from '../../processes/index.ts';
import { reportComment } from '../commands/report-comment.ts';
import { verifyEmail } from '../commands/verify-email.ts';
import { commentById, commentByReceipt, PAGE_SIZE, publicComments, publishedAttachment } from '../db/comments.ts';
import { periodPolicy } from '../db/period-writes.ts';
import { can } from '../domain/permissions.ts';
import { intakeMessages } from '../messages/index.ts';
import { PeriodPage } from '../views/period-page.tsx';
import { CommentPage, PolicyPage, ReceiptPage, VerifyPage, type ReportValues } from '../views/simple-pages.tsx';
import { accessOf, ipOf, loadPeriod, passagesOf, periodPath } from './load.ts';
import { moderationRoutes } from './moderation-routes.tsx';
import { scheduleRoutes } from './schedule-routes.tsx';
import { submitRoutes } from './submit-routes.tsx';
import { commentViews, periodView } from './view-data.ts';

const ANCHOR = /^p\d{1,7}$/;
const RECEIPT = /^[A-Z0-9X]{4}(-[A-Z0-9X]{1,4}){1,6}$/;
const REPORTS_PER_HOUR = 10;

/** Public input intake: the period page, the comment form, receipts, verification, reports, attachments, moderation. */
export function intakeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = `${L}/p/:slug/input/:periodId{[0-9]{1,12}}`;
  app.route('/', scheduleRoutes(deps));
  app.route('/', submitRoutes(deps));
  app.route('/', moderationRoutes(deps));

  app.get(base, async (c) => {
    const l = await loadPeriod(c, deps);
    const v = periodView(l, deps.clock.now());
    const pageRaw = c.req.query('page') ?? '1';
    const page = /^\d{1,6}$/.test(pageRaw) ? Math.max(1, Number(pageRaw)) : 1;
    const on = c.req.query('on') ?? '';
    const anchor = on === 'document' ? null : ANCHOR.test(on) ? on : undefined;
    const [access, list, passages] = await Promise.all([accessOf(deps, c, l), publicComments(deps.db, l.period.id, { anchor, page }), passagesOf(deps, l)]);
    const comments = await commentViews(deps.db, l.process, list.rows);
    const data = {
      v,
      comments,
      total: list.total,
      page,
      pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
      anchor,
      passages,
      can: { submit: can(access, 'submit', v.phase), moderate: can(access, 'moderate', v.phase), change: can(access, 'change-period', v.phase) },
    };
    return render(c, <PeriodPage ctx={pageCtx(c)} data={data} />);
  });

  app.get(`${base}/policy`, async (c) => {
    const l = await loadPeriod(c, deps);
    return render(c, <PolicyPage ctx={pageCtx(c)} v={periodView(l, deps.clock.now())} policy={await periodPolicy(deps.db, l.period.id)} />);
  });

  app.get(`${base}/receipt/:receipt`, async (c) => {
    const l = await loadPeriod(c, deps);
    const receipt = c.req.param('receipt');
    const found = RECEIPT.test(receipt) ? await commentByReceipt(deps.db, l.period.id, receipt) : undefined;
    if (!found) throw new HttpProblem('not-found');
    return render(c, <ReceiptPage ctx={pageCtx(c)} v={periodView(l, deps.clock.now())} receipt={found.receipt} status={found.status} />);
  });

  // The mail's link shows a button: mail scanners that follow links must not confirm for the person.
  app.get(`${base}/verify/:token`, async (c) => {
    const l = await loadPeriod(c, deps);
    return render(c, <VerifyPage ctx={pageCtx(c)} v={periodView(l, deps.clock.now())} token={c.req.param('token').slice(0, 100)} />);
  });

  app.post(`${base}/verify/:token`, async (c) => {
    const l = await loadPeriod(c, deps);
    const m = intakeMessages(c.get('locale'));
    const r = await verifyEmail(deps, l.period, c.req.param('token'));
    if (!r.ok) return render(c, <VerifyPage ctx={pageCtx(c)} v={periodView(l, deps.clock.now())} token="" message={m.unknownToken} />, 404);
    return redirectWithFlash(c, periodPath(c.get('locale'), l, `/receipt/${r.value.receipt}`), r.value.already ? m.alreadyVerified : m.verified);
  });

  const loadComment = async (c: Ctx) => {
    const l = await loadPeriod(c, deps);
    const found = await commentById(deps.db, l.period.id, Number(c.req.param('id')));
    // Only what the public may see: published comments, and hidden ones (as their reason).
    if (!found || (found.status !== 'published' && found.status !== 'hidden')) throw new HttpProblem('not-found');
    const [view] = await commentViews(deps.db, l.process, [found]);
    return { l, view: view! };
  };

  app.get(`${base}/comments/:id{[0-9]{1,12}}`, async (c) => {
    const { l, view } = await loadComment(c);
    return render(c, <CommentPage ctx={pageCtx(c)} v={periodView(l, deps.clock.now())} c={view} />);
  });

  app.post(`${base}/comments/:id{[0-9]{1,12}}/report`, async (c) => {
    const { l, view } = await loadComment(c);
    const m = intakeMessages(c.get('locale'));
    const form = await formBody(c);
    const values: ReportValues = { name: rawField(form, 'name'), email: rawField(form, 'email'), reason: rawField(form, 'reason') };
    const parsed = parseWith(z.object({ name: text(200), email: email(), reason: text(2000) }), form);
    if (!parsed.ok) return render(c, <CommentPage ctx={pageCtx(c)} v={periodView(l, deps.clock.now())} c={view} values={values} errors={parsed.errors} />, 422);
    const r = await reportComment(deps, l.period, view.id, parsed.data, { ip: ipOf(c, deps), limit: REPORTS_PER_HOUR, windowSeconds: 3600 });
    if (!r.ok) {
      if (r.refusal === 'rate-limited') throw new HttpProblem('too-many', undefined, r.retryAfterSeconds);
      throw new HttpProblem('not-found');
    }
    return redirectWithFlash(c, periodPath(c.get('locale'), l, `/comments/${view.id}`), m.reportReceived);
  });

  app.get(`${base}/attachments/:id{[0-9]{1,12}}`, async (c) => {
    const l = await loadPeriod(c, deps);
    const file = await publishedAttachment(deps.db, l.period.id, Number(c.req.param('id')));
    if (!file) throw new HttpProblem('not-found');
    c.header('Content-Type', 'application/pdf');
    // Always a download: a PDF from the public is never rendered inside our origin.
    c.header(
      'Content-Disposition',
      `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    c.header('Cache-Control', 'private, max-age=300');
    return c.body(new Uint8Array(file.bytes));
  });

  return app;
}
