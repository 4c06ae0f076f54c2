import type { Meeting } from './meeting.ts';

/**
 * Upcoming: in progress, or not yet over (cancelled ones stay listed, marked).
 * Past: ended, or whose end time has passed. Soonest upcoming first, latest
 * past first.
 */
export function splitMeetings<M extends Pick<Meeting, 'status' | 'startsAt' | 'endsAt'>>(meetings: readonly M[], now: Date): { inProgress: M[]; upcoming: M[]; past: M[] } {
  const inProgress = meetings.filter((m) => m.status === 'in-progress');
  const upcoming = meetings.filter((m) => m.status !== 'in-progress' && m.status !== 'ended' && m.endsAt.getTime() > now.getTime());
  const past = meetings.filter((m) => m.status === 'ended' || (m.status !== 'in-progress' && m.endsAt.getTime() <= now.getTime()));
  upcoming.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  past.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return { inProgress, upcoming, past };
}
