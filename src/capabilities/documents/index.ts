// The documents capability: bilingual documents drafted by a body, with
// immutable versions, stable passage anchors, translation status, review
// states, passage comments and a published report. What others may use:
export type { Block, BlockKind, BlockText, DocumentRecord, DocumentState, DocumentType, VersionRecord } from './domain/document.ts';
export { DOCUMENT_STATES, DOCUMENT_TYPES } from './domain/document.ts';
export { isEditable, needsBothLanguages, actionHolder, TRANSITIONS } from './domain/states.ts';
export { statusOf, translationReport, inStep, type TranslationStatus, type TranslationReport } from './domain/translation.ts';
export { resolveAnchor } from './domain/comments.ts';
export { outline, type Outline } from './domain/outline.ts';
export { diffVersions, wordDiff, type DiffRow } from './domain/diff.ts';
// Reading documents, versions and what became of an anchor (e.g. for public input and dispositions).
export { documentById, documentBySlug, documentSlugOf, documentsOf, anchorFates, anchorRecord, versionList } from './db/queries.ts';
export { loadVersion, textKey, type LoadedVersion } from './db/versions.ts';
export { documentAccess } from './commands/access.ts';
export { createDocument } from './commands/create-document.ts';
export { saveDocument } from './commands/save-document.ts';
export { saveTranslation } from './commands/save-translation.ts';
export { changeDocumentState } from './commands/change-document-state.ts';
export { addComment } from './commands/add-comment.ts';
export { documentRoutes } from './http/routes.tsx';
export { documentsExtension, bodyDocumentsExtension } from './http/extension.tsx';
export { documentsMeetingExtension } from './http/meeting-extension.ts';
export type { RecommendationOutcomes, DocumentPorts, DocumentSection } from './http/ports.ts';
export type { Outcome } from './views/model.ts';
export { documentMessages } from './messages/index.ts';
