import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { insertReport } from '../db/answers.ts';
import { inputRefusal, type InputRefusal } from '../domain/permissions.ts';
import type { PeriodContext } from './period-context.ts';
import { whatWeHeardDraft } from './what-we-heard-draft.ts';

/**
 * Freezes "what we heard" as it stands: a new snapshot each time, so a
 * corrected report never rewrites what was published before.
 */
export async function publishWhatWeHeard(deps: CommandDeps, actor: Actor, process: Process, ctx: PeriodContext): Promise<Result<{ reportId: number }, InputRefusal>> {
  const refusal = inputRefusal(ctx.access, 'publish-report', ctx.phase);
  if (refusal) return refuse(refusal);
  if (actor.kind !== 'user') return refuse('not-signed-in');
  const now = deps.clock.now();
  const reportId = await transact(deps.db, async (trx) => {
    const snapshot = await whatWeHeardDraft(trx, process, ctx, now);
    const id = await insertReport(trx, ctx.period.id, snapshot, actor.userId, now);
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: 'public-comment.what-we-heard-published',
          subjectType: 'comment-period',
          subjectId: String(ctx.period.id),
          data: { reportId: id, comments: snapshot.totals.comments },
        },
      ],
      now,
    );
    return id;
  });
  return ok({ reportId });
}
