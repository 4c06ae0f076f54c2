import { ok, refuse, type Result } from '../../../kernel/result.ts';

/** A public input period as the domain sees it. */
export type Period = {
  id: number;
  processId: number;
  documentId: number;
  versionNumber: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** When every official language of the document went live (null: not yet). */
  languagesLiveAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  allowAnonymous: boolean;
  requireVerifiedEmail: boolean;
  moderation: 'pre' | 'post';
};

/**
 * Where the clock stands. 'waiting-for-languages': the scheduled start has
 * passed but a language is not live yet, so the clock has not started (the
 * public must not lose days of a period nobody can read in their language).
 */
export type PeriodPhase = 'scheduled' | 'waiting-for-languages' | 'open' | 'closed';

/** The moment the clock really starts: the scheduled start, or later when the languages went live later. */
export function effectiveStart(p: Pick<Period, 'startsAt' | 'languagesLiveAt'>): Date | null {
  if (!p.languagesLiveAt) return null;
  return p.languagesLiveAt > p.startsAt ? p.languagesLiveAt : p.startsAt;
}

/**
 * The period's length is kept when the languages were late: a period that
 * should have run six weeks still runs six weeks from when everyone could read it.
 */
export function effectiveEnd(p: Pick<Period, 'startsAt' | 'endsAt' | 'languagesLiveAt'>): Date {
  const start = effectiveStart(p);
  if (!start || start <= p.startsAt) return p.endsAt;
  return new Date(p.endsAt.getTime() + (start.getTime() - p.startsAt.getTime()));
}

/** Pure: the phase at `now`. Opening and closing happen on time whether or not a job has run yet. */
export function phaseAt(p: Pick<Period, 'startsAt' | 'endsAt' | 'languagesLiveAt'>, now: Date): PeriodPhase {
  const start = effectiveStart(p);
  if (start === null) return now < p.startsAt ? 'scheduled' : 'waiting-for-languages';
  if (now < start) return 'scheduled';
  if (now >= effectiveEnd(p)) return 'closed';
  return 'open';
}

export type ScheduleRefusal = 'end-before-start' | 'too-short' | 'too-long' | 'bad-time-zone' | 'start-in-past';
export type ChangeRefusal = ScheduleRefusal | 'closed' | 'end-in-past';

const DAY = 86_400_000;

/** A period lasts at least a day and at most a year. */
function lengthRefusal(start: Date, end: Date): 'too-short' | 'too-long' | null {
  const ms = end.getTime() - start.getTime();
  return ms < DAY ? 'too-short' : ms > 366 * DAY ? 'too-long' : null;
}

/** The singleton key of a period's jobs (its clock, its processing): one waiting job of each kind per period. */
export const periodJobKey = (periodId: number): string => `period:${periodId}`;

/** Checks a schedule the convener proposes: at least a day, at most a year, a real IANA time zone. */
export function checkSchedule(s: { startsAt: Date; endsAt: Date; timeZone: string }, now: Date): Result<{ startsAt: Date; endsAt: Date; timeZone: string }, ScheduleRefusal> {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s.timeZone });
  } catch {
    return refuse('bad-time-zone');
  }
  if (s.endsAt <= s.startsAt) return refuse('end-before-start');
  const length = lengthRefusal(s.startsAt, s.endsAt);
  if (length) return refuse(length);
  if (s.startsAt.getTime() < now.getTime() - 5 * 60_000) return refuse('start-in-past');
  return ok(s);
}

/**
 * A period's times after a change. Before it opens, everything is checked as
 * when scheduling (a start that has already passed may stay as it is). Once
 * open, only the end moves (what submitters were told about the start and
 * the rules stays true); `endsAt` is then the end as the page shows it, which
 * includes the days kept when the languages were late, and it must still be
 * ahead. A closed period does not change.
 */
export function changeSchedule(
  p: Period,
  s: { startsAt: Date; endsAt: Date; timeZone: string },
  now: Date,
): Result<{ startsAt: Date; endsAt: Date; timeZone: string }, ChangeRefusal> {
  const phase = phaseAt(p, now);
  if (phase === 'closed') return refuse('closed');
  if (phase === 'open') {
    const start = effectiveStart(p)!;
    if (s.endsAt.getTime() <= now.getTime()) return refuse('end-in-past');
    const length = lengthRefusal(start, s.endsAt);
    if (length) return refuse(length);
    const kept = effectiveEnd(p).getTime() - p.endsAt.getTime();
    return ok({ startsAt: p.startsAt, endsAt: new Date(s.endsAt.getTime() - kept), timeZone: p.timeZone });
  }
  const sameStart = s.startsAt.getTime() === p.startsAt.getTime();
  return checkSchedule(s, sameStart && p.startsAt < now ? p.startsAt : now);
}
