import { Hono } from 'hono';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { cleanLocalized } from '../../../kernel/localized.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { formBody } from '../../processes/index.ts';
import { documentAccess } from '../commands/access.ts';
import { saveTranslation } from '../commands/save-translation.ts';
import { TITLE_MAX } from '../domain/document.ts';
import { documentRefusal } from '../domain/permissions.ts';
import type { TranslationEdit } from '../domain/versioning.ts';
import { documentMessages } from '../messages/index.ts';
import type { DocumentView } from '../views/model.ts';
import { confirmOf, fieldOf, TranslatePage } from '../views/translate-page.tsx';
import { refusalProblem } from './edit-routes.tsx';
import { currentView, loadDocument, type Loaded } from './load.ts';

const PER_PAGE = 40;
const BLOCK_MAX = 50_000;

function pageOf(view: DocumentView, show: 'todo' | 'all', page: number) {
  const todo = new Set(view.report.problems.map((p) => p.anchor));
  const all = show === 'todo' ? view.blocks.filter((b) => todo.has(b.anchor)) : view.blocks;
  const pages = Math.max(1, Math.ceil(all.length / PER_PAGE));
  const p = Math.min(Math.max(1, page), pages);
  return { blocks: all.slice((p - 1) * PER_PAGE, p * PER_PAGE), page: p, pages };
}

export function translateRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  const show = (
    c: Ctx,
    l: Loaded,
    view: DocumentView,
    editable: boolean,
    o: { show?: string; page?: string; title?: Localized; values?: Record<string, string>; errors?: Record<string, AnyFieldError> } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const mode = o.show === 'todo' || o.show === 'all' ? o.show : view.report.problems.length ? 'todo' : 'all';
    const paged = pageOf(view, mode, Number(o.page) || 1);
    return render(
      c,
      <TranslatePage
        ctx={pageCtx(c)}
        data={{ view, blocks: paged.blocks, editable, show: mode, page: paged.page, pages: paged.pages, title: o.title ?? l.doc.title, values: o.values, errors: o.errors }}
      />,
      status,
    );
  };

  app.get(`${L}/p/:slug/documents/:doc/translate`, async (c) => {
    const l = await loadDocument(c, deps);
    const [view, access] = await Promise.all([currentView(deps, l), documentAccess(deps.db, l.process, l.body.id, c.get('actor'))]);
    return show(c, l, view, documentRefusal(access, l.doc.state, 'edit') === null, { show: c.req.query('show'), page: c.req.query('page') });
  });

  app.post(`${L}/p/:slug/documents/:doc/translate`, async (c) => {
    const l = await loadDocument(c, deps);
    const form = await formBody(c);
    const m = documentMessages(c.get('locale'));
    const edits: TranslationEdit[] = [];
    const values: Record<string, string> = {};
    const errors: Record<string, AnyFieldError> = {};
    for (const [k, v] of Object.entries(form)) {
      const t = /^t\.(p\d{1,7})\.(en|fr)$/.exec(k);
      if (t && typeof v === 'string') {
        values[k] = v;
        if (v.length > BLOCK_MAX) errors[k] = { code: 'tooLong', bound: BLOCK_MAX };
        const lang = t[2] as Locale;
        edits.push({ anchor: t[1]!, lang, content: v, confirm: form[confirmOf(t[1]!, lang)] === '1' });
      }
      const confirm = /^c\.(p\d{1,7})\.(en|fr)$/.exec(k);
      if (confirm && !(fieldOf(confirm[1]!, confirm[2] as Locale) in form)) edits.push({ anchor: confirm[1]!, lang: confirm[2] as Locale, content: null, confirm: true });
    }
    const title = cleanLocalized({ en: typeof form.title_en === 'string' ? form.title_en : '', fr: typeof form.title_fr === 'string' ? form.title_fr : '' });
    for (const lang of ['en', 'fr'] as const) if ((title[lang]?.length ?? 0) > TITLE_MAX) errors[`title_${lang}`] = { code: 'tooLong', bound: TITLE_MAX };
    const base = Number(typeof form.baseVersion === 'string' && /^\d{1,7}$/.test(form.baseVersion) ? form.baseVersion : -1);
    const again = async (errs: Record<string, AnyFieldError>, status: 409 | 422) =>
      show(c, l, await currentView(deps, l), true, { show: String(form.show ?? ''), page: String(form.page ?? ''), title, values, errors: errs }, status);
    if (Object.keys(errors).length) return again(errors, 422);
    const r = await saveTranslation(deps, c.get('actor'), l.process, l.doc, { edits, title, baseVersion: base });
    const back = `/${c.get('locale')}/p/${l.process.slug}/documents/${l.doc.slug}/translate`;
    if (!r.ok) {
      if ('anchor' in r) {
        const lang = r.lang;
        const message = r.refusal === 'one-line' ? m.oneLine : r.refusal === 'one-paragraph' ? m.onePerBlock : m.refusal['unknown-paragraph']!;
        return again({ [fieldOf(r.anchor, lang)]: { message } }, 422);
      }
      if (r.refusal === 'no-title') return again({ title_en: { message: m.noTitle } }, 422);
      if (r.refusal === 'stale') return again({ _form: { message: m.stale(l.doc.currentVersion) } }, 409);
      if (r.refusal === 'unchanged') return redirectWithFlash(c, back, m.unchanged);
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, `${back}${form.show === 'all' ? '?show=all' : ''}`, m.translationsSaved(r.value.version));
  });

  return app;
}
