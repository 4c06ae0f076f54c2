import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockComment, setStatus } from '../db/comments.ts';
import { closeReport, lockReport } from '../db/reports.ts';
import { decideReport, IMPERSONATION_REASON, type ReportDecision } from '../domain/moderation.ts';
import { phaseAt, type Period } from '../domain/period.ts';
import { inputRefusal, type InputRefusal } from '../domain/permissions.ts';
import { inputAccess } from './access.ts';

/**
 * Staff uphold a report of impersonation (the comment is withdrawn, shown as
 * "submitted in someone else's name") or dismiss it; both are logged.
 */
export async function handleReport(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  period: Period,
  bodyId: number,
  reportId: number,
  decision: ReportDecision,
  note: string | null,
): Promise<Result<{ hidden: boolean }, InputRefusal | 'unknown-report' | 'already-handled'>> {
  const access = await inputAccess(deps.db, process, bodyId, actor);
  const refusal = inputRefusal(access, 'moderate', phaseAt(period, deps.clock.now()));
  if (refusal) return refuse(refusal);
  if (actor.kind !== 'user') return refuse('not-signed-in');
  return transact(deps.db, async (trx) => {
    const r = await lockReport(trx, period.id, reportId);
    if (!r) return refuse('unknown-report');
    const d = decideReport(r.status, decision);
    if (!d.ok) return d;
    const now = deps.clock.now();
    await closeReport(trx, r.id, { status: d.value.report, note, by: actor.userId, now });
    const c = await lockComment(trx, period.id, r.commentId);
    if (d.value.hide && c && c.status !== 'hidden') await setStatus(trx, c.id, { status: 'hidden', reason: IMPERSONATION_REASON, by: actor.userId, now });
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: d.value.hide ? 'public-comment.report-upheld' : 'public-comment.report-dismissed',
          subjectType: 'public-comment',
          subjectId: c?.receipt ?? String(r.commentId),
          data: { periodId: period.id, commentId: r.commentId, reportId: r.id, ...(note ? { note } : {}) },
        },
      ],
      now,
    );
    return ok({ hidden: d.value.hide });
  });
}
