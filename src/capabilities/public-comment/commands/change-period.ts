import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { enqueue } from '../../../platform/jobs/queue.ts';
import type { DocumentRecord } from '../../documents/index.ts';
import type { Process } from '../../processes/index.ts';
import { lockPeriod, periodPolicy, updatePeriod } from '../db/period-writes.ts';
import { type ChangeRefusal, changeSchedule, effectiveEnd, effectiveStart, periodJobKey, phaseAt } from '../domain/period.ts';
import { inputRefusal, type InputRefusal } from '../domain/permissions.ts';
import { inputAccess } from './access.ts';
import type { PeriodInput } from './schedule-period.ts';
import { PERIOD_CLOCK_JOB } from './tick-period.ts';

export type ChangePeriodRefusal = InputRefusal | ChangeRefusal | 'policy-required' | 'not-found';

/**
 * The convener changes a period until it closes: before it opens, its times,
 * its rules and its policy; once open, only its end (extended or shortened,
 * still ahead) and its policy's wording, since submitters were told the rest.
 * The period's clock job moves with it, and the change is in the audit log.
 */
export async function changePeriod(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  doc: DocumentRecord,
  periodId: number,
  input: PeriodInput,
): Promise<Result<{ id: number }, ChangePeriodRefusal>> {
  const access = await inputAccess(deps.db, process, doc.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const p = await lockPeriod(trx, periodId);
    if (!p || p.processId !== process.id || p.documentId !== doc.id) return refuse('not-found');
    const now = deps.clock.now();
    const phase = phaseAt(p, now);
    const refusal = inputRefusal(access, 'change-period', phase);
    if (refusal) return refuse(refusal);
    if (process.officialLanguages.some((l) => !input.policy[l]?.trim())) return refuse('policy-required');
    const times = changeSchedule(p, input, now);
    if (!times.ok) return times;
    const open = phase === 'open';
    const next = { ...p, ...times.value };
    const before = { startsAt: p.startsAt, endsAt: effectiveEnd(p), timeZone: p.timeZone, policy: await periodPolicy(trx, p.id) };
    await updatePeriod(trx, p.id, {
      ...times.value,
      // Once open, the rules submitters were given stay as they were.
      allowAnonymous: open ? p.allowAnonymous : input.allowAnonymous,
      requireVerifiedEmail: open ? p.requireVerifiedEmail : input.requireVerifiedEmail,
      moderation: open ? p.moderation : input.moderation,
      policy: input.policy,
    });
    // The clock comes back at the period's next moment: its (new) opening, or its (new) close.
    const at = open ? effectiveEnd(next) : (effectiveStart(next) ?? next.startsAt);
    await enqueue(trx, PERIOD_CLOCK_JOB, { periodId: p.id }, { singletonKey: periodJobKey(p.id), runAt: at, onWaiting: 'move' });
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: 'comment-period.changed',
          subjectType: 'document',
          subjectId: doc.slug,
          data: {
            title: doc.title,
            periodId: p.id,
            from: { startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString(), timeZone: before.timeZone },
            to: { startsAt: next.startsAt.toISOString(), endsAt: effectiveEnd(next).toISOString(), timeZone: next.timeZone },
            policyChanged: JSON.stringify(before.policy) !== JSON.stringify(input.policy),
          },
        },
      ],
      now,
    );
    return ok({ id: p.id });
  });
}
