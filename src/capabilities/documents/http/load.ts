import type { Actor } from '../../../kernel/actor.ts';
import type { Locale } from '../../../kernel/localized.ts';
import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { bodiesOf, membersOf, type Body } from '../../groups/index.ts';
import { loadProcess, type Process, type ProcessAccess } from '../../processes/index.ts';
import { documentAccess } from '../commands/access.ts';
import { documentBySlug } from '../db/queries.ts';
import { loadVersion, textKey, type LoadedVersion } from '../db/versions.ts';
import type { DocumentRecord } from '../domain/document.ts';
import { outline } from '../domain/outline.ts';
import { documentCan, type DocumentAccess } from '../domain/permissions.ts';
import { actionHolder } from '../domain/states.ts';
import { statusOf, translationReport } from '../domain/translation.ts';
import { documentMessages } from '../messages/index.ts';
import type { DocumentView, ShownBlock } from '../views/model.ts';

export type Loaded = { process: Process; processAccess: ProcessAccess; doc: DocumentRecord; body: Body };

/** The document named in the URL, in a process the actor may see. */
export async function loadDocument(c: Ctx, deps: Pick<Deps, 'db'>): Promise<Loaded> {
  const { process, access } = await loadProcess(c, deps);
  const slug = c.req.param('doc') ?? '';
  const doc = /^[a-z0-9-]{1,80}$/.test(slug) ? await documentBySlug(deps.db, process.id, slug) : null;
  if (!doc) throw new HttpProblem('not-found');
  const body = (await bodiesOf(deps.db, process.id)).find((b) => b.id === doc.bodyId);
  if (!body) throw new HttpProblem('not-found');
  return { process, processAccess: access, doc, body };
}

export async function accessFor(deps: Pick<Deps, 'db'>, l: Loaded, actor: Actor): Promise<DocumentAccess & { can: ReturnType<typeof documentCan> }> {
  const access = await documentAccess(deps.db, l.process, l.body.id, actor, l.processAccess);
  return { ...access, can: documentCan(access, l.doc.state) };
}

/** A loaded version, ready for the views: HTML per language and each translation's state. */
export function viewOf(l: Loaded, loaded: LoadedVersion): DocumentView {
  const official = l.process.officialLanguages;
  const { version } = loaded;
  const blocks: ShownBlock[] = version.blocks.map((b) => {
    const s: ShownBlock = { anchor: b.anchor, kind: b.kind, html: {}, plain: {}, content: {}, status: {} };
    if (b.level !== undefined) s.level = b.level;
    if (b.ordered !== undefined) s.ordered = b.ordered;
    if (b.listStart !== undefined) s.listStart = b.listStart;
    if (b.start !== undefined) s.start = b.start;
    for (const lang of Object.keys(b.text) as Locale[]) {
      const t = loaded.texts.get(textKey(b.anchor, lang));
      s.html[lang] = t?.html ?? '';
      s.plain[lang] = t?.plain ?? '';
      s.content[lang] = b.text[lang]!.content;
    }
    for (const lang of official) s.status[lang] = statusOf(b, lang, official);
    return s;
  });
  return {
    doc: { ...l.doc, title: version.number === l.doc.currentVersion ? l.doc.title : version.title },
    version,
    blocks,
    outline: outline(version.blocks),
    report: translationReport(version.blocks, version.title, official),
    official,
    process: { slug: l.process.slug, title: l.process.title, convenerName: l.process.convenerName, timeZone: l.process.timeZone },
    body: { slug: l.body.slug, name: l.body.name },
  };
}

export async function currentView(deps: Pick<Deps, 'db'>, l: Loaded, o: { html: boolean } = { html: true }): Promise<DocumentView> {
  const loaded = await loadVersion(deps.db, l.doc.id, l.doc.currentVersion, o);
  if (!loaded) throw new HttpProblem('not-found');
  return viewOf(l, loaded);
}

/** Who must act next, in words, with names. */
export async function holderText(deps: Pick<Deps, 'db'>, l: Loaded, locale: Locale): Promise<string> {
  const m = documentMessages(locale);
  const pick = (v: Partial<Record<Locale, string>>) => v[locale] ?? v.en ?? v.fr ?? '';
  switch (actionHolder(l.doc.state)) {
    case 'body-facilitators': {
      const names = (await membersOf(deps.db, l.body.id)).filter((x) => x.role === 'facilitator').map((x) => x.displayName);
      return m.holderFacilitators(pick(l.body.name), names.join(', '));
    }
    case 'convener':
      return m.holderConvener(pick(l.process.convenerName));
    case null:
      return m.holderNone;
  }
}
