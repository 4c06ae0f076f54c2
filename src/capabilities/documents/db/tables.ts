import type { Generated } from 'kysely';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Json, JsonDefault, Timestamp } from '../../../platform/database/tables.ts';
import type { BlockKind, ChangeSummary, DocumentState, DocumentType } from '../domain/document.ts';

/** A block as a version stores it: per language, the hash of its text (document_texts), its revision and basis. */
export type StoredBlock = {
  a: string;
  k: BlockKind;
  lv?: number;
  o?: boolean;
  ls?: boolean;
  st?: number;
  t: Partial<Record<Locale, { h: string; r: number; b: number }>>;
};

export interface DocumentsTable {
  id: Generated<number>;
  processId: number;
  bodyId: number;
  slug: string;
  type: DocumentType;
  title: Json<Localized>;
  state: Generated<DocumentState>;
  currentVersion: Generated<number>;
  nextAnchor: Generated<number>;
  createdBy: number | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  publishedAt: Timestamp | null;
}

export interface DocumentVersionsTable {
  id: Generated<number>;
  documentId: number;
  number: number;
  state: DocumentState;
  title: Json<Localized>;
  blocks: Json<StoredBlock[]>;
  trailer: JsonDefault<Localized>;
  editKind: 'create' | 'edit' | 'translate';
  language: Locale | null;
  note: string | null;
  summary: JsonDefault<ChangeSummary>;
  createdBy: number | null;
  authorName: string | null;
  createdAt: Generated<Date>;
}

export interface DocumentTextsTable {
  documentId: number;
  hash: string;
  content: string;
  html: string;
  plain: string;
}

export interface DocumentAnchorsTable {
  documentId: number;
  anchor: string;
  createdIn: number;
  removedIn: number | null;
  mergedInto: string | null;
  splitFrom: string | null;
}

export interface DocumentCommentsTable {
  id: Generated<number>;
  documentId: number;
  parentId: number | null;
  anchor: string | null;
  versionNumber: number;
  quote: JsonDefault<Localized>;
  body: string;
  lang: Locale;
  authorUserId: number | null;
  participantId: number | null;
  authorName: string;
  createdAt: Generated<Date>;
  resolvedAt: Timestamp | null;
  resolvedByName: string | null;
}

export interface DocumentPdfsTable {
  documentId: number;
  versionNumber: number;
  locale: Locale;
  bytes: Buffer;
  createdAt: Generated<Date>;
}

export interface DocumentTables {
  documents: DocumentsTable;
  documentVersions: DocumentVersionsTable;
  documentTexts: DocumentTextsTable;
  documentAnchors: DocumentAnchorsTable;
  documentComments: DocumentCommentsTable;
  documentPdfs: DocumentPdfsTable;
}
