import { Hono } from 'hono';
import { COMMENT_MAX } from '../domain/comments.ts';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { formBody } from '../../processes/index.ts';
import { addComment } from '../commands/add-comment.ts';
import { documentAccess } from '../commands/access.ts';
import { setCommentResolution } from '../commands/set-comment-resolution.ts';
import { documentRefusal } from '../domain/permissions.ts';
import { documentMessages } from '../messages/index.ts';
import { CommentPage } from '../views/comment-page.tsx';
import { refusalProblem } from './edit-routes.tsx';
import { currentView, loadDocument } from './load.ts';

const ANCHOR = /^p\d{1,7}$/;

export function commentRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get(`${L}/p/:slug/documents/:doc/comment`, async (c) => {
    const l = await loadDocument(c, deps);
    const problem = documentRefusal(await documentAccess(deps.db, l.process, l.body.id, c.get('actor')), l.doc.state, 'comment');
    if (problem) throw refusalProblem(c, problem);
    const view = await currentView(deps, l);
    const on = c.req.query('on');
    const block = on ? view.blocks.find((b) => b.anchor === on) : undefined;
    if (on && !block) throw new HttpProblem('not-found');
    return render(c, <CommentPage ctx={pageCtx(c)} view={view} block={block ?? null} />);
  });

  app.post(`${L}/p/:slug/documents/:doc/comments`, async (c) => {
    const l = await loadDocument(c, deps);
    const form = await formBody(c);
    const m = documentMessages(c.get('locale'));
    const anchor = typeof form.anchor === 'string' && form.anchor ? form.anchor : null;
    const parentRaw = typeof form.parent === 'string' && form.parent ? form.parent : null;
    if ((anchor && !ANCHOR.test(anchor)) || (parentRaw && !/^\d{1,12}$/.test(parentRaw))) throw new HttpProblem('bad-request');
    const body = typeof form.body === 'string' ? form.body : '';
    const lang = form.lang === 'fr' ? 'fr' : form.lang === 'en' ? 'en' : c.get('locale');
    const r = await addComment(deps, c.get('actor'), l.process, l.doc, { anchor, parentId: parentRaw ? Number(parentRaw) : null, body, lang });
    if (!r.ok) {
      if (r.refusal === 'empty' || r.refusal === 'too-long') {
        const view = await currentView(deps, l);
        const block = anchor ? (view.blocks.find((b) => b.anchor === anchor) ?? null) : null;
        const error = r.refusal === 'empty' ? m.commentErrors.empty : m.commentErrors['too-long'](COMMENT_MAX);
        return render(c, <CommentPage ctx={pageCtx(c)} view={view} block={block} value={body} error={error} />, 422);
      }
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${l.process.slug}/documents/${l.doc.slug}#comment-${parentRaw ?? r.value.id}`, parentRaw ? m.replyPosted : m.commentPosted);
  });

  for (const [action, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    app.post(`${L}/p/:slug/documents/:doc/comments/:id{[0-9]{1,12}}/${action}`, async (c) => {
      const l = await loadDocument(c, deps);
      const r = await setCommentResolution(deps, c.get('actor'), l.process, l.doc, Number(c.req.param('id')), resolved);
      const m = documentMessages(c.get('locale'));
      if (!r.ok && r.refusal !== 'unchanged') throw refusalProblem(c, r.refusal === 'unknown-thread' ? 'unknown-thread' : r.refusal);
      return redirectWithFlash(c, `/${c.get('locale')}/p/${l.process.slug}/documents/${l.doc.slug}#comment-${c.req.param('id')}`, resolved ? m.resolvedFlash : m.reopenedFlash);
    });
  }

  return app;
}
