import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { Period } from './period.ts';

export type CommentStatus = 'unverified' | 'pending' | 'published' | 'hidden';

/**
 * Where a new comment starts: waiting for its email to be verified when the
 * period asks for it, then waiting for a moderator under pre-moderation, or
 * public at once under post-moderation.
 */
export function statusOnSubmit(period: Pick<Period, 'requireVerifiedEmail' | 'moderation'>): CommentStatus {
  if (period.requireVerifiedEmail) return 'unverified';
  return period.moderation === 'pre' ? 'pending' : 'published';
}

/** Once the email is verified. */
export function statusOnVerify(period: Pick<Period, 'moderation'>, current: CommentStatus): Result<CommentStatus, 'already-verified'> {
  if (current !== 'unverified') return refuse('already-verified');
  return ok(period.moderation === 'pre' ? 'pending' : 'published');
}

export type ModerationAction = 'approve' | 'hide';
export type ModerationRefusal = 'unverified' | 'unchanged' | 'reason-required';

/**
 * A moderator approves (makes public) or hides (with a reason, always shown
 * in its place). A comment whose email is not verified yet cannot be
 * approved: its author has not confirmed it is theirs.
 */
export function moderate(current: CommentStatus, action: ModerationAction, reason: string | null): Result<CommentStatus, ModerationRefusal> {
  if (action === 'approve') {
    if (current === 'unverified') return refuse('unverified');
    if (current === 'published') return refuse('unchanged');
    return ok('published');
  }
  if (!reason || !reason.trim()) return refuse('reason-required');
  if (current === 'hidden') return refuse('unchanged');
  return ok('hidden');
}

export type ReportDecision = 'uphold' | 'dismiss';

/** The reason shown in place of a comment withdrawn because it was submitted in someone else's name. */
export const IMPERSONATION_REASON = 'impersonation';

/** Upholding a report hides the comment (whatever its state); dismissing leaves it. */
export function decideReport(
  reportStatus: 'open' | 'upheld' | 'dismissed',
  decision: ReportDecision,
): Result<{ report: 'upheld' | 'dismissed'; hide: boolean }, 'already-handled'> {
  if (reportStatus !== 'open') return refuse('already-handled');
  return ok(decision === 'uphold' ? { report: 'upheld', hide: true } : { report: 'dismissed', hide: false });
}

/** What the public may see of a comment: published ones, and hidden ones as a reason only. */
export const isPublic = (status: CommentStatus) => status === 'published';
