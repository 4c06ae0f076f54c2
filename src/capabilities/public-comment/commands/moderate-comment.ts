import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockComment, setStatus } from '../db/comments.ts';
import { moderate, type CommentStatus, type ModerationAction, type ModerationRefusal } from '../domain/moderation.ts';
import { phaseAt, type Period } from '../domain/period.ts';
import { inputRefusal, type InputRefusal } from '../domain/permissions.ts';
import { inputAccess } from './access.ts';

export const REASON_MAX = 1000;

/** A moderator approves a comment or hides it with a reason; both are logged. */
export async function moderateComment(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  period: Period,
  bodyId: number,
  commentId: number,
  action: ModerationAction,
  reason: string | null,
): Promise<Result<{ status: CommentStatus; receipt: string }, InputRefusal | ModerationRefusal | 'unknown-comment' | 'reason-too-long'>> {
  const access = await inputAccess(deps.db, process, bodyId, actor);
  const refusal = inputRefusal(access, 'moderate', phaseAt(period, deps.clock.now()));
  if (refusal) return refuse(refusal);
  if (reason && reason.length > REASON_MAX) return refuse('reason-too-long');
  return transact(deps.db, async (trx) => {
    const c = await lockComment(trx, period.id, commentId);
    if (!c) return refuse('unknown-comment');
    const next = moderate(c.status, action, reason);
    if (!next.ok) return next;
    const now = deps.clock.now();
    await setStatus(trx, c.id, { status: next.value, reason: action === 'hide' ? reason!.trim() : null, by: actor.kind === 'user' ? actor.userId : null, now });
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: action === 'hide' ? 'public-comment.hidden' : 'public-comment.approved',
          subjectType: 'public-comment',
          subjectId: c.receipt,
          data: { periodId: period.id, commentId: c.id, ...(action === 'hide' ? { reason: reason!.trim() } : {}) },
        },
      ],
      now,
    );
    return ok({ status: next.value, receipt: c.receipt });
  });
}
