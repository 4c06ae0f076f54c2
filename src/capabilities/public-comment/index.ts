// Public input: periods when anyone may comment on a document, intake that
// never loses a receipted comment, moderation, campaigns and near-duplicate
// clusters, a disposition for every comment, and "what we heard".
// What others may use:
export type { Period, PeriodPhase } from './domain/period.ts';
export { phaseAt, effectiveStart, effectiveEnd } from './domain/period.ts';
export { findPeriod, periodsOfDocument } from './db/periods.ts';
export { inputAccess } from './commands/access.ts';

// ── Answering (issue 6): processing, clusters, dispositions, "what we heard" ──
export { processComments, processCommentsJob, PROCESS_JOB } from './commands/process-comments.ts';
export { importComments, type ImportSummary, type Rejected } from './commands/import-comments.ts';
export { groupsWithMembers, type GroupListing } from './db/groups.ts';
export { IMPORT_FIELDS } from './domain/import-row.ts';
export { answerRoutes } from './http/answer-routes.ts';
export { setDisposition } from './commands/set-disposition.ts';
export { publishWhatWeHeard } from './commands/publish-what-we-heard.ts';
export { periodContext } from './commands/period-context.ts';
