import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { ChangeSummary, DocumentState, DocumentType } from '../domain/document.ts';
import type { AnchorChanges } from '../domain/versioning.ts';
import type { StoredBlock } from './tables.ts';

export async function insertDocument(
  trx: Db,
  d: { processId: number; bodyId: number; slug: string; type: DocumentType; title: Localized; createdBy: number | null; now: Date },
): Promise<number> {
  const r = await trx
    .insertInto('documents')
    .values({ processId: d.processId, bodyId: d.bodyId, slug: d.slug, type: d.type, title: JSON.stringify(d.title), createdBy: d.createdBy, createdAt: d.now, updatedAt: d.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertTexts(trx: Db, documentId: number, texts: ReadonlyArray<{ hash: string; content: string; html: string; plain: string }>): Promise<void> {
  for (let i = 0; i < texts.length; i += 2000) {
    const chunk = texts.slice(i, i + 2000).map((t) => ({ documentId, ...t }));
    await trx
      .insertInto('documentTexts')
      .values(chunk)
      .onConflict((oc) => oc.columns(['documentId', 'hash']).doNothing())
      .execute();
  }
}

export async function insertVersion(
  trx: Db,
  v: {
    documentId: number;
    number: number;
    state: DocumentState;
    title: Localized;
    blocks: StoredBlock[];
    trailer: Localized;
    editKind: 'create' | 'edit' | 'translate';
    language: Locale | null;
    note: string | null;
    summary: ChangeSummary;
    createdBy: number | null;
    authorName: string | null;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto('documentVersions')
    .values({
      documentId: v.documentId,
      number: v.number,
      state: v.state,
      title: JSON.stringify(v.title),
      blocks: JSON.stringify(v.blocks),
      trailer: JSON.stringify(v.trailer),
      editKind: v.editKind,
      language: v.language,
      note: v.note,
      summary: JSON.stringify(v.summary),
      createdBy: v.createdBy,
      authorName: v.authorName,
      createdAt: v.now,
    })
    .execute();
}

export async function updateAfterSave(trx: Db, id: number, d: { currentVersion: number; nextAnchor: number; title: Localized; type: DocumentType; now: Date }): Promise<void> {
  await trx
    .updateTable('documents')
    .set({ currentVersion: d.currentVersion, nextAnchor: d.nextAnchor, title: JSON.stringify(d.title), type: d.type, updatedAt: d.now })
    .where('id', '=', id)
    .execute();
}

export async function recordAnchors(trx: Db, documentId: number, version: number, changes: AnchorChanges): Promise<void> {
  for (let i = 0; i < changes.added.length; i += 5000) {
    const chunk = changes.added.slice(i, i + 5000).map((a) => ({ documentId, anchor: a.anchor, createdIn: version, removedIn: null, mergedInto: null, splitFrom: a.splitFrom }));
    await trx.insertInto('documentAnchors').values(chunk).execute();
  }
  for (const r of changes.removed) {
    await trx.updateTable('documentAnchors').set({ removedIn: version, mergedInto: r.mergedInto }).where('documentId', '=', documentId).where('anchor', '=', r.anchor).execute();
  }
}

export async function updateState(trx: Db, id: number, state: DocumentState, now: Date): Promise<void> {
  await trx
    .updateTable('documents')
    .set({ state, updatedAt: now, ...(state === 'published' ? { publishedAt: now } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function insertComment(
  trx: Db,
  c: {
    documentId: number;
    parentId: number | null;
    anchor: string | null;
    versionNumber: number;
    quote: Localized;
    body: string;
    lang: Locale;
    authorUserId: number;
    participantId: number | null;
    authorName: string;
    now: Date;
  },
): Promise<number> {
  const r = await trx
    .insertInto('documentComments')
    .values({
      documentId: c.documentId,
      parentId: c.parentId,
      anchor: c.anchor,
      versionNumber: c.versionNumber,
      quote: JSON.stringify(c.quote),
      body: c.body,
      lang: c.lang,
      authorUserId: c.authorUserId,
      participantId: c.participantId,
      authorName: c.authorName,
      createdAt: c.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setResolution(trx: Db, id: number, resolved: { at: Date; by: string } | null): Promise<void> {
  await trx
    .updateTable('documentComments')
    .set({ resolvedAt: resolved?.at ?? null, resolvedByName: resolved?.by ?? null })
    .where('id', '=', id)
    .execute();
}

export async function savePdf(db: Db, p: { documentId: number; versionNumber: number; locale: Locale; bytes: Buffer }): Promise<void> {
  await db
    .insertInto('documentPdfs')
    .values(p)
    .onConflict((oc) => oc.columns(['documentId', 'versionNumber', 'locale']).doUpdateSet({ bytes: p.bytes }))
    .execute();
}
