// Public input: periods when anyone may comment on a document, intake that
// never loses a receipted comment, moderation, campaigns and near-duplicate
// clusters, a disposition for every comment, and "what we heard".
// What others may use:
export type { Period, PeriodPhase } from './domain/period.ts';
export { phaseAt, effectiveStart, effectiveEnd } from './domain/period.ts';
export { findPeriod, periodsOfDocument } from './db/periods.ts';
export { inputAccess } from './commands/access.ts';

// ---- Intake (issue 6): periods, submissions, moderation, jobs ----
export type { CommentStatus } from './domain/moderation.ts';
export { isPdf } from './domain/pdf.ts';
export { DEFAULT_POLICY } from './domain/policy.ts';
export { schedulePeriod, type PeriodInput } from './commands/schedule-period.ts';
export { submitComment, PROCESS_COMMENTS_JOB, VERIFY_MAIL_JOB, type IntakeLimits } from './commands/submit-comment.ts';
export { verifyEmail } from './commands/verify-email.ts';
export { moderateComment } from './commands/moderate-comment.ts';
export { reportComment } from './commands/report-comment.ts';
export { handleReport } from './commands/handle-report.ts';
export { tickPeriod, PERIOD_CLOCK_JOB } from './commands/tick-period.ts';
export { registerIntakeJobs } from './commands/intake-jobs.ts';
export { rawInsert } from './db/comments.ts';
export { intakeRoutes } from './http/routes.tsx';
export { intakeSection } from './http/section.tsx';
export { intakeMessages } from './messages/index.ts';
import { intakeMessages as words } from './messages/index.ts';
/** The comment form takes up to 5 PDFs of 10 MB: its own body limit, with its own words. */
export const COMMENT_BODY_LIMIT = {
  pattern: /^\/(en|fr)\/p\/[a-z0-9-]{1,60}\/input\/\d{1,12}\/comment$/,
  maxSize: 5 * 10 * 1024 * 1024 + 2 * 1024 * 1024,
  detail: (l: 'en' | 'fr') => words(l).tooLargeBody,
};
// ── Answering (issue 6): processing, clusters, dispositions, "what we heard" ──
export { processComments, processCommentsJob } from './commands/process-comments.ts';
export { importComments, type ImportSummary, type Rejected } from './commands/import-comments.ts';
export { groupsWithMembers, type GroupListing } from './db/groups.ts';
export { IMPORT_FIELDS } from './domain/import-row.ts';
export { answerRoutes } from './http/answer-routes.ts';
export { setDisposition } from './commands/set-disposition.ts';
export { publishWhatWeHeard } from './commands/publish-what-we-heard.ts';
export { periodContext } from './commands/period-context.ts';
