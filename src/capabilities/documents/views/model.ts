import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { BlockKind, DocumentRecord, VersionRecord } from '../domain/document.ts';
import type { Outline } from '../domain/outline.ts';
import type { TranslationStatus, TranslationReport } from '../domain/translation.ts';

/** A block ready to show: its HTML per language (rendered when saved) and the state of each translation. */
export type ShownBlock = {
  anchor: string;
  kind: BlockKind;
  level?: number;
  ordered?: boolean;
  listStart?: boolean;
  start?: number;
  html: Partial<Record<Locale, string>>;
  plain: Partial<Record<Locale, string>>;
  content: Partial<Record<Locale, string>>;
  status: Partial<Record<Locale, TranslationStatus>>;
};

/** A consensus outcome for a recommendation, when the consensus capability has one (see RecommendationOutcomes). */
export type Outcome = { label: Localized; href?: string };

export type DocumentView = {
  doc: DocumentRecord;
  version: VersionRecord;
  blocks: ShownBlock[];
  outline: Outline;
  report: TranslationReport;
  official: Locale[];
  process: { slug: string; title: Localized; convenerName: Localized; timeZone: string };
  body: { slug: string; name: Localized };
};

export const docPath = (v: Pick<DocumentView, 'process' | 'doc'>) => `/p/${v.process.slug}/documents/${v.doc.slug}`;
