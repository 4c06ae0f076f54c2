// The processes capability: what other capabilities may use.
export type { Process, StakeholderCategory, BodyType, ConsensusSettings } from './domain/process.ts';
export { categoryLabel, bodyTypeLabel, DEFAULT_CATEGORIES, DEFAULT_BODY_TYPES, DEFAULT_RULES, DEFAULT_CONSENSUS_CRITERIA, DEFAULT_CONSENSUS } from './domain/process.ts';
export type { ProcessAccess } from './domain/permissions.ts';
export { canInProcess, isAdmin } from './domain/permissions.ts';
export { missingTranslations, publicationGate, type MissingTranslation } from './domain/publication.ts';
export type { RulesVersion } from './domain/rules.ts';
export { accessTo } from './commands/access.ts';
export { createProcess } from './commands/create-process.ts';
export { publishProcess } from './commands/publish-process.ts';
export { reviseRules } from './commands/revise-rules.ts';
export { savePhase } from './commands/save-phase.ts';
export { editSettings } from './commands/edit-settings.ts';
export { findProcessBySlug, findProcessById, currentRules } from './db/queries.ts';
export { loadProcess, denied, formBody } from './http/load.ts';
export { processRoutes, type ProcessExtension } from './http/routes.tsx';
export type { PageSection } from './views/process-page.tsx';
export { processMessages } from './messages/index.ts';
