import { createHash } from 'node:crypto';
import { ok, refuse, type Refusal, type Result } from '../../../kernel/result.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { newToken, hashToken } from '../../../platform/auth/tokens.ts';
import { randomPieces } from '../../../platform/random.ts';
import type { Process } from '../../processes/index.ts';
import { commentByIdempotencyKey, insertExtras } from '../db/comments.ts';
import { insertSubmission, insertSubmissionSoon, type IntakeJob } from '../db/intake.ts';
import { statusOnSubmit, type CommentStatus } from '../domain/moderation.ts';
import { type Period, periodJobKey, phaseAt } from '../domain/period.ts';
import { PROCESSING_DEBOUNCE_MS } from '../domain/pace.ts';
import { inputRefusal } from '../domain/permissions.ts';
import { checkSubmission, type SubmissionCheck, type SubmissionInput } from '../domain/submission.ts';
import { anchorsOf } from './languages-live.ts';
import { noteIntake } from './intake-count.ts';

export const PROCESS_COMMENTS_JOB = 'comments.process';
export const VERIFY_MAIL_JOB = 'comments.verify-mail';

export type IntakeLimits = { perIp: number; perEmail: number; windowSeconds: number };
export type Submitter = { ip: string; idempotencyKey: string | null; locale: Locale };
export type Receipt = { receipt: string; status: CommentStatus; repeated: boolean };

export type SubmitResult = Result<Receipt, 'not-open'> | (Refusal<'invalid'> & { check: SubmissionCheck }) | (Refusal<'rate-limited'> & { retryAfterSeconds: number });

/** A receipt number: random, unguessable, easy to read out on the phone. */
function newReceipt(): string {
  return randomPieces(10)
    .toString('base64url')
    .replace(/[-_]/g, 'x')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1-');
}

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * Takes a public comment. Everything is written at once and committed
 * durably before the receipt exists: the comment, its signatories and
 * attachments, the rate-limit counts, and the jobs that follow (processing,
 * the verification mail). A repeat with the same idempotency key returns the
 * first receipt, never a second comment.
 */
export async function submitComment(deps: CommandDeps, process: Process, period: Period, input: SubmissionInput, who: Submitter, limits: IntakeLimits): Promise<SubmitResult> {
  const now = deps.clock.now();
  const refusal = inputRefusal({ actor: { kind: 'anonymous' }, organizer: false, chair: false }, 'submit', phaseAt(period, now));
  if (refusal) return refuse('not-open');
  const anchors = input.anchor ? await anchorsOf(deps.db, period.documentId, period.versionNumber) : new Set<string>();
  const check = checkSubmission(input, period, { categories: process.stakeholderCategories.map((c) => c.key), anchors });
  if (check.problems.length) return { ok: false, refusal: 'invalid', check };

  const status = statusOnSubmit(period);
  const verifyToken = status === 'unverified' && input.email ? newToken() : null;
  const receipt = newReceipt();
  const comment = {
    periodId: period.id,
    receipt,
    idempotencyKey: who.idempotencyKey,
    anchor: input.anchor,
    versionNumber: period.versionNumber,
    name: input.anonymous ? null : input.name,
    anonymous: input.anonymous,
    organization: input.organization,
    categoryKey: input.categoryKey,
    email: input.email,
    verifyTokenHash: verifyToken ? hashToken(verifyToken) : null,
    lang: input.lang,
    body: input.body,
    signatories: input.signatories,
    status,
    ipHash: hashOf(who.ip),
    now,
  };
  const jobs: IntakeJob[] = [
    // Processing (fingerprints, clusters, search) runs after intake, once per burst and period.
    {
      name: PROCESS_COMMENTS_JOB,
      singletonKey: periodJobKey(period.id),
      payload: { periodId: period.id },
      runAt: new Date(now.getTime() + PROCESSING_DEBOUNCE_MS),
      withCommentId: false,
    },
  ];
  if (verifyToken)
    jobs.push({
      name: VERIFY_MAIL_JOB,
      singletonKey: null,
      payload: { periodId: period.id, to: input.email, token: verifyToken, locale: who.locale, processSlug: process.slug, receipt },
      runAt: now,
      withCommentId: true,
    });
  const rate = [{ key: `comment:ip:${comment.ipHash}`, limit: limits.perIp }, ...(input.email ? [{ key: `comment:email:${hashOf(input.email)}`, limit: limits.perEmail }] : [])];

  const write = async (db: typeof deps.db): Promise<SubmitResult> => {
    // Outside a transaction, concurrent submissions share a statement and a commit (still one durable commit before any receipt).
    const r = await (db.isTransaction ? insertSubmission : insertSubmissionSoon)(db, comment, { rate, windowSeconds: limits.windowSeconds, jobs });
    if (r.kind === 'inserted') noteIntake(period.id, now.getTime());
    if (r.kind === 'repeat') return ok({ receipt: r.receipt, status: r.status, repeated: true });
    if (r.kind === 'limited') return { ok: false, refusal: 'rate-limited', retryAfterSeconds: r.retryAfterSeconds };
    if (r.kind === 'duplicate') {
      // The same key raced in: the other submission committed first; answer with its receipt.
      const first = await commentByIdempotencyKey(db, period.id, who.idempotencyKey!);
      return ok({ receipt: first!.receipt, status: first!.status, repeated: true });
    }
    await insertExtras(db, r.id, {
      signatoryNames: input.signatoryNames,
      attachments: input.attachments.map((a) => ({
        filename: a.filename,
        size: a.bytes.length,
        sha256: createHash('sha256').update(a.bytes).digest('hex'),
        bytes: Buffer.from(a.bytes),
      })),
      now,
    });
    return ok({ receipt, status, repeated: false });
  };
  // Most comments are one statement, committed durably on its own; signatories and files join it in a transaction.
  if (!input.signatoryNames.length && !input.attachments.length && !deps.db.isTransaction) return write(deps.db);
  return transact(deps.db, write);
}
