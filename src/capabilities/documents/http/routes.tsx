import { Hono } from 'hono';
import type { Locale } from '../../../kernel/localized.ts';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, render, renderPublic } from '../../../platform/http/render.tsx';
import { bodiesOf } from '../../groups/index.ts';
import { loadProcess } from '../../processes/index.ts';
import { anchorFates, anchorRecord, commentsOf, documentsOf, openThreadCounts, versionList } from '../db/queries.ts';
import { loadVersion } from '../db/versions.ts';
import { placeComments, resolveAnchor } from '../domain/comments.ts';
import { diffVersions, type DiffSide } from '../domain/diff.ts';
import { mayResolve } from '../domain/permissions.ts';
import { TRANSITIONS } from '../domain/states.ts';
import { inStep } from '../domain/translation.ts';
import { ComparePage } from '../views/compare-page.tsx';
import { DocumentPage } from '../views/document-page.tsx';
import { DocumentListPage } from '../views/list-page.tsx';
import { VersionPage } from '../views/version-page.tsx';
import { VersionsPage } from '../views/versions-page.tsx';
import { commentRoutes } from './comment-routes.tsx';
import { editRoutes } from './edit-routes.tsx';
import { accessFor, currentView, holderText, loadDocument, viewOf } from './load.ts';
import { pdfMaker } from './pdf.tsx';
import type { DocumentPorts } from './ports.ts';

const ANCHOR = /^p\d{1,7}$/;

export function documentRoutes(deps: Deps, ports: DocumentPorts = {}) {
  const app = new Hono<AppEnv>();
  const pdf = pdfMaker(deps, ports.outcomes);
  // Creation and editing first: "new" must not be read as a document's address.
  app.route('/', editRoutes(deps, pdf));
  app.route('/', commentRoutes(deps));

  app.get(`${L}/p/:slug/documents`, (c) =>
    renderPublic(c, deps.pageCache, async () => {
      const { process } = await loadProcess(c, deps);
      const [docs, bodies] = await Promise.all([documentsOf(deps.db, process.id), bodiesOf(deps.db, process.id)]);
      const open = await openThreadCounts(
        deps.db,
        docs.map((d) => d.id),
      );
      const byId = new Map(bodies.map((b) => [b.id, b]));
      const listings = docs.map((d) => ({ ...d, bodyName: byId.get(d.bodyId)?.name ?? {}, bodySlug: byId.get(d.bodyId)?.slug ?? '', openThreads: open.get(d.id) ?? 0 }));
      const canStart = c.get('actor').kind === 'user';
      return { processId: process.id, page: <DocumentListPage ctx={pageCtx(c)} process={process} docs={listings} canStart={canStart} /> };
    }),
  );

  app.get(`${L}/p/:slug/documents/:doc`, (c) =>
    renderPublic(c, deps.pageCache, async () => {
      const l = await loadDocument(c, deps);
      const actor = c.get('actor');
      const [access, view, comments, fates, holder] = await Promise.all([
        accessFor(deps, l, actor),
        currentView(deps, l),
        commentsOf(deps.db, l.doc.id),
        anchorFates(deps.db, l.doc.id),
        holderText(deps, l, c.get('locale')),
      ]);
      const placed = placeComments(comments, view.version.blocks, fates);
      const ctx = pageCtx(c);
      const [outcomes, sections] = await Promise.all([
        ports.outcomes ? ports.outcomes({ process: l.process, documentSlug: l.doc.slug, anchors: view.outline.recommendations }) : null,
        Promise.all((ports.sections ?? []).map((section) => section({ process: l.process, processAccess: l.processAccess, doc: l.doc, ctx }))),
      ]);
      const resolvable = new Set(comments.filter((x) => x.parentId === null && mayResolve(access, x.authorUserId)).map((x) => x.id));
      const data = {
        view,
        can: access.can,
        state: { transitions: access.can['change-state'] ? [...TRANSITIONS[l.doc.state]] : [], inStep: inStep(view.report) && view.blocks.length > 0, holder },
        comments: placed,
        controls: { canComment: access.can.comment, resolvable },
        outcomes,
        pdf: pdf.available && l.doc.state === 'published',
        sections,
      };
      return { processId: l.process.id, page: <DocumentPage ctx={ctx} data={data} /> };
    }),
  );

  app.get(`${L}/p/:slug/documents/:doc/versions`, async (c) => {
    const l = await loadDocument(c, deps);
    const [view, versions] = await Promise.all([currentView(deps, l, { html: false }), versionList(deps.db, l.doc.id)]);
    return render(c, <VersionsPage ctx={pageCtx(c)} view={view} versions={versions} />);
  });

  app.get(`${L}/p/:slug/documents/:doc/versions/:n{[0-9]{1,7}}`, async (c) => {
    const l = await loadDocument(c, deps);
    const loaded = await loadVersion(deps.db, l.doc.id, Number(c.req.param('n')), { html: true });
    if (!loaded) throw new HttpProblem('not-found');
    return render(c, <VersionPage ctx={pageCtx(c)} view={viewOf(l, loaded)} current={l.doc.currentVersion} />);
  });

  app.get(`${L}/p/:slug/documents/:doc/compare`, async (c) => {
    const l = await loadDocument(c, deps);
    const num = (v: string | undefined, fallback: number) => (v && /^\d{1,7}$/.test(v) ? Number(v) : fallback);
    const to = num(c.req.query('to'), l.doc.currentVersion);
    const from = num(c.req.query('from'), Math.max(1, to - 1));
    const langRaw = c.req.query('lang');
    const lang: Locale = langRaw === 'en' || langRaw === 'fr' ? langRaw : c.get('locale');
    const [a, b] = await Promise.all([loadVersion(deps.db, l.doc.id, from, { html: false }), loadVersion(deps.db, l.doc.id, to, { html: false })]);
    if (!a || !b) throw new HttpProblem('bad-request');
    const side = (v: NonNullable<typeof a>): DiffSide =>
      v.version.blocks.map((x) => ({ anchor: x.anchor, kind: x.kind, text: x.text[lang] ? (v.texts.get(`${x.anchor}:${lang}`)?.plain ?? '') : null }));
    const rows = diffVersions(side(a), side(b));
    const view = viewOf(l, b);
    const numbers = Array.from({ length: l.doc.currentVersion }, (_, i) => l.doc.currentVersion - i);
    return render(c, <ComparePage ctx={pageCtx(c)} data={{ view, rows, from, to, lang, all: c.req.query('all') === '1', numbers }} />);
  });

  // A permanent link to a passage: wherever it is now, or as it last was if it is gone.
  app.get(`${L}/p/:slug/documents/:doc/at/:anchor`, async (c) => {
    const l = await loadDocument(c, deps);
    const anchor = c.req.param('anchor');
    const record = ANCHOR.test(anchor) ? await anchorRecord(deps.db, l.doc.id, anchor) : undefined;
    if (!record) throw new HttpProblem('not-found');
    const base = `/${c.get('locale')}/p/${l.process.slug}/documents/${l.doc.slug}`;
    if (record.removedIn === null) return c.redirect(`${base}#${anchor}`, 302);
    const fates = await anchorFates(deps.db, l.doc.id);
    const current = await loadVersion(deps.db, l.doc.id, l.doc.currentVersion, { html: false });
    const live = new Set((current?.version.blocks ?? []).map((b) => b.anchor));
    const where = resolveAnchor(anchor, live, fates);
    if (where.anchor) return c.redirect(`${base}#${where.anchor}`, 302);
    const last = await loadVersion(deps.db, l.doc.id, record.removedIn - 1, { html: true });
    if (!last) throw new HttpProblem('not-found');
    return render(c, <VersionPage ctx={pageCtx(c)} view={viewOf(l, last)} current={l.doc.currentVersion} removedNotice={record.removedIn} />);
  });

  app.get(`${L}/p/:slug/documents/:doc/pdf`, async (c) => {
    const l = await loadDocument(c, deps);
    const bytes = await pdf.pdfFor(l, c.get('locale'));
    if (!bytes) throw new HttpProblem('not-found');
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `inline; filename="${l.doc.slug}-v${l.doc.currentVersion}-${c.get('locale')}.pdf"`);
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(new Uint8Array(bytes));
  });

  return app;
}
