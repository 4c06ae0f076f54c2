import { Hono } from 'hono';
import { z } from 'zod';
import { formatNumber } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { localizedFields, localizedFrom, optionalText, parseWith, slug as slugField, text } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { bodiesOf } from '../../groups/index.ts';
import { denied, formBody, loadProcess } from '../../processes/index.ts';
import { documentAccess } from '../commands/access.ts';
import { changeDocumentState } from '../commands/change-document-state.ts';
import { createDocument } from '../commands/create-document.ts';
import { saveDocument } from '../commands/save-document.ts';
import { DOCUMENT_STATES, DOCUMENT_TYPES, documentSlug, MAX_BLOCKS, MAX_CHARS_PER_LANGUAGE, TITLE_MAX, toMarkdown } from '../domain/document.ts';
import { documentRefusal } from '../domain/permissions.ts';
import { documentMessages } from '../messages/index.ts';
import { EditDocumentPage, NewDocumentPage, type EditValues, type NewDocumentValues } from '../views/edit-pages.tsx';
import { GatePage } from '../views/gate-page.tsx';
import { currentView, loadDocument } from './load.ts';
import type { PdfMaker } from './pdf.tsx';
import { translateRoutes } from './translate-routes.tsx';

const str = (b: Record<string, unknown>, k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
const lang = z.enum(['en', 'fr']);

/** Refusals that are not about a field: a page in the reader's language, never a 500. */
export function refusalProblem(c: Ctx, refusal: string): HttpProblem {
  if (refusal === 'not-signed-in') return new HttpProblem('sign-in');
  if (refusal === 'not-allowed') return denied(c);
  if (refusal === 'unknown-thread' || refusal === 'unknown-paragraph') return new HttpProblem('not-found');
  return new HttpProblem(refusal === 'not-member' || refusal === 'not-action-holder' ? 'forbidden' : 'conflict', documentMessages(c.get('locale')).refusal[refusal]);
}

function sourceError(locale: Locale, refusal: string): AnyFieldError | null {
  const m = documentMessages(locale);
  if (refusal === 'too-long') return { message: m.tooLong(formatNumber(locale, MAX_CHARS_PER_LANGUAGE)) };
  if (refusal === 'too-many-blocks') return { message: m.tooManyBlocks(formatNumber(locale, MAX_BLOCKS)) };
  return null;
}

export function editRoutes(deps: Deps, pdf: PdfMaker) {
  const app = new Hono<AppEnv>();

  /** Bodies the actor may start a document in. */
  const draftingBodies = async (c: Ctx, process: Awaited<ReturnType<typeof loadProcess>>['process']) => {
    const bodies = (await bodiesOf(deps.db, process.id)).filter((b) => b.status === 'active');
    const allowed = await Promise.all(bodies.map(async (b) => documentRefusal(await documentAccess(deps.db, process, b.id, c.get('actor')), 'draft', 'create') === null));
    return bodies.filter((_, i) => allowed[i]);
  };

  app.get(`${L}/p/:slug/documents/new`, async (c) => {
    const { process } = await loadProcess(c, deps);
    if (c.get('actor').kind !== 'user') throw denied(c);
    const bodies = await draftingBodies(c, process);
    const values: NewDocumentValues = { body: c.req.query('body') ?? bodies[0]?.slug ?? '', type: 'report', title: {}, slug: '', lang: c.get('locale'), markdown: '' };
    return render(c, <NewDocumentPage ctx={pageCtx(c)} process={process} bodies={bodies} values={values} />);
  });

  app.post(`${L}/p/:slug/documents/new`, async (c) => {
    const { process } = await loadProcess(c, deps);
    if (c.get('actor').kind !== 'user') throw denied(c);
    const form = await formBody(c);
    const m = documentMessages(c.get('locale'));
    const bodies = await draftingBodies(c, process);
    const values: NewDocumentValues = {
      body: str(form, 'body'),
      type: str(form, 'type'),
      title: { en: str(form, 'title_en'), fr: str(form, 'title_fr') },
      slug: str(form, 'slug'),
      lang: str(form, 'lang') === 'fr' ? 'fr' : 'en',
      markdown: str(form, 'markdown'),
    };
    const again = (errors: Record<string, AnyFieldError>) => render(c, <NewDocumentPage ctx={pageCtx(c)} process={process} bodies={bodies} values={values} errors={errors} />, 422);
    const parsed = parseWith(
      z.object({
        body: text(60),
        type: z.enum(DOCUMENT_TYPES),
        ...localizedFields('title', TITLE_MAX),
        slug: optionalText(60).pipe(z.union([z.null(), slugField()])),
        lang,
        markdown: z.string().optional(),
      }),
      form,
    );
    if (!parsed.ok) return again(parsed.errors);
    const body = bodies.find((b) => b.slug === parsed.data.body);
    if (!body) return again({ body: { message: m.unknownBody } });
    const title = localizedFrom(parsed.data, 'title');
    const slug = (parsed.data.slug as string | null) ?? documentSlug(title.en ?? title.fr ?? '');
    const r = await createDocument(deps, c.get('actor'), process, body, {
      slug: slug === 'new' ? 'new-document' : slug,
      type: parsed.data.type,
      title,
      lang: parsed.data.lang,
      markdown: parsed.data.markdown ?? '',
    });
    if (!r.ok) {
      const source = sourceError(c.get('locale'), r.refusal);
      if (source) return again({ markdown: source });
      if (r.refusal === 'no-title') return again({ title_en: { message: m.noTitle } });
      if (r.refusal === 'slug-taken') return again({ slug: { message: m.slugTaken } });
      if (r.refusal === 'body-closed') return again({ body: { message: m.bodyClosed } });
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/documents/${r.value.slug}`, m.created);
  });

  app.get(`${L}/p/:slug/documents/:doc/edit`, async (c) => {
    const l = await loadDocument(c, deps);
    const problem = documentRefusal(await documentAccess(deps.db, l.process, l.body.id, c.get('actor')), l.doc.state, 'edit');
    if (problem) throw refusalProblem(c, problem);
    const view = await currentView(deps, l, { html: false });
    const q = c.req.query('lang');
    const editLang: Locale = q === 'en' || q === 'fr' ? q : c.get('locale');
    const values: EditValues = {
      lang: editLang,
      title: l.doc.title,
      type: l.doc.type,
      markdown: toMarkdown(view.version.blocks, view.version.trailer, editLang),
      note: '',
      baseVersion: l.doc.currentVersion,
    };
    return render(c, <EditDocumentPage ctx={pageCtx(c)} view={view} values={values} />);
  });

  app.post(`${L}/p/:slug/documents/:doc/edit`, async (c) => {
    const l = await loadDocument(c, deps);
    const form = await formBody(c);
    const m = documentMessages(c.get('locale'));
    const values: EditValues = {
      lang: str(form, 'lang') === 'fr' ? 'fr' : 'en',
      title: { en: str(form, 'title_en'), fr: str(form, 'title_fr') },
      type: str(form, 'type'),
      markdown: str(form, 'markdown'),
      note: str(form, 'note'),
      baseVersion: Number(str(form, 'baseVersion')) || 0,
    };
    const again = async (errors: Record<string, AnyFieldError>, status: 409 | 422 = 422) =>
      render(
        c,
        <EditDocumentPage
          ctx={pageCtx(c)}
          view={await currentView(deps, l, { html: false })}
          values={{ ...values, baseVersion: status === 409 ? l.doc.currentVersion : values.baseVersion }}
          errors={errors}
        />,
        status,
      );
    const parsed = parseWith(
      z.object({
        lang,
        ...localizedFields('title', TITLE_MAX),
        type: z.enum(DOCUMENT_TYPES),
        markdown: z.string({ error: 'required' }),
        note: optionalText(300),
        baseVersion: z
          .string()
          .regex(/^\d{1,7}$/, { error: 'invalid' })
          .transform(Number),
      }),
      form,
    );
    if (!parsed.ok) return again(parsed.errors);
    const r = await saveDocument(deps, c.get('actor'), l.process, l.doc, {
      lang: parsed.data.lang,
      markdown: parsed.data.markdown,
      title: localizedFrom(parsed.data, 'title'),
      type: parsed.data.type,
      baseVersion: parsed.data.baseVersion,
      note: parsed.data.note,
    });
    const back = `/${c.get('locale')}/p/${l.process.slug}/documents/${l.doc.slug}`;
    if (!r.ok) {
      const source = sourceError(c.get('locale'), r.refusal);
      if (source) return again({ markdown: source });
      if (r.refusal === 'no-title') return again({ title_en: { message: m.noTitle } });
      if (r.refusal === 'stale') return again({ markdown: { message: m.stale(l.doc.currentVersion) } }, 409);
      if (r.refusal === 'unchanged') return redirectWithFlash(c, back, m.unchanged);
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, back, m.saved(r.value.version));
  });

  app.post(`${L}/p/:slug/documents/:doc/state`, async (c) => {
    const l = await loadDocument(c, deps);
    const form = await formBody(c);
    const to = str(form, 'to');
    const from = str(form, 'from');
    if (!(DOCUMENT_STATES as readonly string[]).includes(to)) throw new HttpProblem('bad-request');
    const m = documentMessages(c.get('locale'));
    const back = `/${c.get('locale')}/p/${l.process.slug}/documents/${l.doc.slug}`;
    // A second click on a button already acted on: nothing to do, say where things are.
    if (from && from !== l.doc.state) return redirectWithFlash(c, back, m.refusal.stale);
    const r = await changeDocumentState(deps, c.get('actor'), l.process, l.doc, to as (typeof DOCUMENT_STATES)[number]);
    if (!r.ok) {
      if ((r.refusal === 'translations-incomplete' || r.refusal === 'empty') && r.report) {
        return render(c, <GatePage ctx={pageCtx(c)} view={await currentView(deps, l, { html: false })} report={r.report} empty={r.refusal === 'empty'} />, 409);
      }
      throw refusalProblem(c, r.refusal);
    }
    if (r.value.to === 'published' && pdf.available) {
      // Printed now, in the background, so the first reader does not wait.
      const published = { ...l, doc: { ...l.doc, state: 'published' as const } };
      for (const locale of l.process.officialLanguages) void pdf.pdfFor(published, locale).catch((e) => deps.log.error('PDF', e));
    }
    return redirectWithFlash(c, back, m.moved(m.states[r.value.to]!));
  });

  app.route('/', translateRoutes(deps));
  return app;
}
