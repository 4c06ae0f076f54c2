import { sql } from 'kysely';
import type { Locale } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { CommentRecord } from '../domain/comments.ts';
import type { DocumentRecord, DocumentState } from '../domain/document.ts';

const documentColumns = ['id', 'processId', 'bodyId', 'slug', 'type', 'title', 'state', 'currentVersion', 'nextAnchor', 'publishedAt', 'updatedAt'] as const;

export async function documentsOf(db: Db, processId: number, o: { bodyId?: number } = {}): Promise<DocumentRecord[]> {
  let q = db.selectFrom('documents').select(documentColumns).where('processId', '=', processId);
  if (o.bodyId !== undefined) q = q.where('bodyId', '=', o.bodyId);
  return (await q.orderBy('createdAt').orderBy('id').execute()) as DocumentRecord[];
}

export async function documentBySlug(db: Db, processId: number, slug: string): Promise<DocumentRecord | null> {
  return (
    ((await db.selectFrom('documents').select(documentColumns).where('processId', '=', processId).where('slug', '=', slug).executeTakeFirst()) as DocumentRecord | undefined) ??
    null
  );
}

/** A document of the process by its id. */
export async function documentById(db: Db, processId: number, id: number): Promise<DocumentRecord | null> {
  return (
    ((await db.selectFrom('documents').select(documentColumns).where('processId', '=', processId).where('id', '=', id).executeTakeFirst()) as DocumentRecord | undefined) ?? null
  );
}

/** A document's address (slug) from its id. */
export async function documentSlugOf(db: Db, id: number): Promise<string | null> {
  return (await db.selectFrom('documents').select('slug').where('id', '=', id).executeTakeFirst())?.slug ?? null;
}

/** The document row, locked until the transaction ends: saves and transitions happen one at a time. */
export async function lockDocument(trx: Db, id: number): Promise<DocumentRecord> {
  return (await trx.selectFrom('documents').select(documentColumns).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as DocumentRecord;
}

export async function versionRow(db: Db, documentId: number, number: number) {
  return db
    .selectFrom('documentVersions')
    .select(['number', 'state', 'title', 'blocks', 'trailer', 'editKind', 'language', 'note', 'summary', 'authorName', 'createdAt'])
    .where('documentId', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export type VersionListing = {
  number: number;
  state: DocumentState;
  editKind: 'create' | 'edit' | 'translate';
  language: Locale | null;
  note: string | null;
  summary: { added: number; changed: number; removed: number; moved: number };
  authorName: string | null;
  createdAt: Date;
};

export async function versionList(db: Db, documentId: number): Promise<VersionListing[]> {
  return (await db
    .selectFrom('documentVersions')
    .select(['number', 'state', 'editKind', 'language', 'note', 'summary', 'authorName', 'createdAt'])
    .where('documentId', '=', documentId)
    .orderBy('number', 'desc')
    .execute()) as VersionListing[];
}

export type StoredText = { content: string; html: string; plain: string };

/** Texts by hash: everything, or without the HTML (diffs, search), or only the Markdown (saving). */
export async function textsFor(db: Db, documentId: number, hashes: readonly string[], what: 'all' | 'plain' | 'content'): Promise<Map<string, StoredText>> {
  const out = new Map<string, StoredText>();
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return out;
  const columns = what === 'all' ? sql`content, html, plain` : what === 'plain' ? sql`content, '' AS html, plain` : sql`content, '' AS html, '' AS plain`;
  // One array parameter rather than thousands of placeholders.
  const rows = await sql<{ hash: string; content: string; html: string; plain: string }>`
    SELECT hash, ${columns} FROM document_texts WHERE document_id = ${documentId} AND hash = ANY(${unique}::text[])`.execute(db);
  for (const r of rows.rows) out.set(r.hash, { content: r.content, html: r.html, plain: r.plain });
  return out;
}

/** Anchors that are gone, and where each one's text went (merged into another block), if anywhere. */
export async function anchorFates(db: Db, documentId: number): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('documentAnchors').select(['anchor', 'mergedInto']).where('documentId', '=', documentId).where('removedIn', 'is not', null).execute();
  return new Map(rows.map((r) => [r.anchor, r.mergedInto]));
}

export async function anchorRecord(db: Db, documentId: number, anchor: string) {
  return db
    .selectFrom('documentAnchors')
    .select(['anchor', 'createdIn', 'removedIn', 'mergedInto', 'splitFrom'])
    .where('documentId', '=', documentId)
    .where('anchor', '=', anchor)
    .executeTakeFirst();
}

const commentColumns = ['id', 'parentId', 'anchor', 'versionNumber', 'quote', 'body', 'lang', 'authorUserId', 'authorName', 'createdAt', 'resolvedAt', 'resolvedByName'] as const;

export async function commentsOf(db: Db, documentId: number): Promise<CommentRecord[]> {
  return (await db.selectFrom('documentComments').select(commentColumns).where('documentId', '=', documentId).orderBy('id').execute()) as CommentRecord[];
}

export async function commentById(db: Db, documentId: number, id: number): Promise<CommentRecord | null> {
  return (
    ((await db.selectFrom('documentComments').select(commentColumns).where('documentId', '=', documentId).where('id', '=', id).executeTakeFirst()) as CommentRecord | undefined) ??
    null
  );
}

/** Open comment threads per document, for lists. */
export async function openThreadCounts(db: Db, documentIds: readonly number[]): Promise<Map<number, number>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('documentComments')
    .select(['documentId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('documentId', 'in', documentIds)
    .where('parentId', 'is', null)
    .where('resolvedAt', 'is', null)
    .groupBy('documentId')
    .execute();
  return new Map(rows.map((r) => [r.documentId, Number(r.n)]));
}

export async function pdfBytes(db: Db, documentId: number, version: number, locale: Locale): Promise<Buffer | null> {
  const r = await db
    .selectFrom('documentPdfs')
    .select('bytes')
    .where('documentId', '=', documentId)
    .where('versionNumber', '=', version)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return r?.bytes ?? null;
}
