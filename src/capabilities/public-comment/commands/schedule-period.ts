import type { Actor } from '../../../kernel/actor.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { enqueue } from '../../../platform/jobs/queue.ts';
import type { DocumentRecord } from '../../documents/index.ts';
import type { Process } from '../../processes/index.ts';
import { periodsOfDocument } from '../db/periods.ts';
import { insertPeriod } from '../db/period-writes.ts';
import { checkSchedule, effectiveStart, periodJobKey, phaseAt, type ScheduleRefusal } from '../domain/period.ts';
import { inputRefusal, type InputRefusal } from '../domain/permissions.ts';
import { inputAccess } from './access.ts';
import { languagesLive } from './languages-live.ts';
import { PERIOD_CLOCK_JOB } from './tick-period.ts';

export type PeriodInput = {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allowAnonymous: boolean;
  requireVerifiedEmail: boolean;
  moderation: 'pre' | 'post';
  policy: Localized;
};

export type SchedulePeriodRefusal = InputRefusal | ScheduleRefusal | 'not-in-public-input' | 'already-scheduled' | 'policy-required';

/**
 * The convener schedules a public input period on a document in public
 * input. Its clock starts when every official language is live (set now when
 * the document is in step, which public input already requires); the clock
 * job opens and closes it on time.
 */
export async function schedulePeriod(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  doc: DocumentRecord,
  input: PeriodInput,
): Promise<Result<{ id: number }, SchedulePeriodRefusal>> {
  const access = await inputAccess(deps.db, process, doc.bodyId, actor);
  const refusal = inputRefusal(access, 'open-period', 'scheduled');
  if (refusal) return refuse(refusal);
  if (doc.state !== 'public-input') return refuse('not-in-public-input');
  const now = deps.clock.now();
  const schedule = checkSchedule(input, now);
  if (!schedule.ok) return schedule;
  if (process.officialLanguages.some((l) => !input.policy[l]?.trim())) return refuse('policy-required');
  const existing = await periodsOfDocument(deps.db, doc.id);
  if (existing.some((p) => phaseAt(p, now) !== 'closed')) return refuse('already-scheduled');
  const live = await languagesLive(deps.db, process, doc, doc.currentVersion);
  return transact(deps.db, async (trx) => {
    const period = {
      processId: process.id,
      documentId: doc.id,
      versionNumber: doc.currentVersion,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone,
      languagesLiveAt: live ? now : null,
      allowAnonymous: input.allowAnonymous,
      requireVerifiedEmail: input.requireVerifiedEmail,
      moderation: input.moderation,
    };
    const id = await insertPeriod(trx, { ...period, policy: input.policy, createdBy: actor.kind === 'user' ? actor.userId : null, now });
    await enqueue(trx, PERIOD_CLOCK_JOB, { periodId: id }, { singletonKey: periodJobKey(id), runAt: effectiveStart(period) ?? input.startsAt });
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: 'comment-period.scheduled',
          subjectType: 'document',
          subjectId: doc.slug,
          data: { title: doc.title, periodId: id, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), timeZone: input.timeZone },
        },
      ],
      now,
    );
    return ok({ id });
  });
}
