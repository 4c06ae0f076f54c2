import { anonymous } from '../../../kernel/actor.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact } from '../../../platform/commands.ts';
import { enqueue, type JobContext } from '../../../platform/jobs/queue.ts';
import { documentSlugOf } from '../../documents/index.ts';
import { findProcessById } from '../../processes/index.ts';
import { lockPeriod, markPeriod } from '../db/period-writes.ts';
import { effectiveEnd, effectiveStart, periodJobKey, phaseAt } from '../domain/period.ts';
import { languagesLive } from './languages-live.ts';

export const PERIOD_CLOCK_JOB = 'comment-period.clock';

const HOUR = 3_600_000;

/**
 * The period clock: records when a period really opened and closed (each
 * once, in the audit log) and comes back at the next moment that matters.
 * Pages do not wait for it: they compute the phase from the clock.
 */
export async function tickPeriod(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
  const periodId = Number(payload.periodId);
  if (!Number.isSafeInteger(periodId)) return;
  await transact(ctx.db, async (trx) => {
    const p = await lockPeriod(trx, periodId);
    if (!p) return;
    const process = await findProcessById(trx, p.processId);
    if (!process) return;
    const now = ctx.clock.now();
    const events: { action: string; at: Date }[] = [];
    if (!p.languagesLiveAt && (await languagesLive(trx, process, { id: p.documentId }, p.versionNumber))) {
      p.languagesLiveAt = now;
      await markPeriod(trx, p.id, { languagesLiveAt: now });
    }
    const phase = phaseAt(p, now);
    const start = effectiveStart(p);
    if ((phase === 'open' || phase === 'closed') && !p.openedAt && start) {
      await markPeriod(trx, p.id, { openedAt: start });
      events.push({ action: 'comment-period.opened', at: start });
    }
    if (phase === 'closed' && !p.closedAt) {
      await markPeriod(trx, p.id, { closedAt: effectiveEnd(p) });
      events.push({ action: 'comment-period.closed', at: effectiveEnd(p) });
    }
    if (events.length) {
      const slug = (await documentSlugOf(trx, p.documentId)) ?? String(p.documentId);
      await appendEvents(
        trx,
        p.processId,
        anonymous,
        events.map((e) => ({ action: e.action, subjectType: 'document', subjectId: slug, data: { periodId: p.id, at: e.at.toISOString() } })),
        now,
      );
    }
    const next = phase === 'scheduled' ? (start ?? p.startsAt) : phase === 'waiting-for-languages' ? new Date(now.getTime() + HOUR) : phase === 'open' ? effectiveEnd(p) : null;
    if (next) await enqueue(trx, PERIOD_CLOCK_JOB, { periodId: p.id }, { singletonKey: periodJobKey(p.id), runAt: next });
  });
}
