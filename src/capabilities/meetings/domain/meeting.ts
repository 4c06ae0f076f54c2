import type { DomainEvent } from '../../../kernel/events.ts';
import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { isLocalDate, isLocalTime, isTimeZone, weeklyOccurrences, zonedToUtc } from './time.ts';

/** The ways the seed's process met. */
export type MeetingFormat = 'in-person-half-day' | 'in-person-full-day' | 'workshop' | 'virtual-roundtable' | 'webinar' | 'hybrid';
export const FORMATS: readonly MeetingFormat[] = ['in-person-half-day', 'in-person-full-day', 'workshop', 'virtual-roundtable', 'webinar', 'hybrid'];

export type MeetingStatus = 'scheduled' | 'in-progress' | 'ended' | 'cancelled';

export type Meeting = {
  id: number;
  processId: number;
  bodyId: number;
  seriesId: number | null;
  /** For an occurrence of a series: the start the series gives it. */
  originalStart: Date | null;
  /** An occurrence edited on its own. */
  modified: boolean;
  format: MeetingFormat;
  title: Localized;
  description: Localized;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: Localized;
  onlineUrl: string | null;
  livestreamUrl: string | null;
  /** Seats in the room; null: no limit. */
  capacity: number | null;
  status: MeetingStatus;
  currentItemId: number | null;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Incremented on every edit (iCalendar SEQUENCE). */
  sequence: number;
};

/** What a form gives: a day and wall-clock times in a zone. */
export type MeetingInput = {
  format: MeetingFormat;
  title: Localized;
  description: Localized;
  date: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  place: Localized;
  onlineUrl: string | null;
  livestreamUrl: string | null;
  capacity: number | null;
};

export type Repeat = { intervalWeeks: number; count: number };
export const MAX_OCCURRENCES = 104;

export type MeetingRules = {
  /** The convener, or the facilitator of the body. */
  allowed: boolean;
  bodyActive: boolean;
  officialLanguages: readonly Locale[];
  /** A public process publishes every meeting in every official language. */
  processPublished: boolean;
};

export type MeetingInputRefusal =
  | 'not-allowed'
  | 'body-closed'
  | 'no-title'
  | 'missing-translations'
  | 'bad-date'
  | 'bad-time-zone'
  | 'ends-before-start'
  | 'needs-place'
  | 'needs-link'
  | 'bad-repeat';

const IN_PERSON: readonly MeetingFormat[] = ['in-person-half-day', 'in-person-full-day', 'hybrid'];
const ONLINE: readonly MeetingFormat[] = ['virtual-roundtable', 'webinar', 'hybrid'];

export const isInPerson = (f: MeetingFormat) => IN_PERSON.includes(f);
export const isOnline = (f: MeetingFormat) => ONLINE.includes(f);

/** A text given in one official language must be given in all of them, once the process is public. */
function translated(t: Localized, rules: MeetingRules, required: boolean): boolean {
  const present = rules.officialLanguages.filter((l) => hasText(t, l));
  if (!rules.processPublished) return true;
  return required || present.length > 0 ? present.length === rules.officialLanguages.length : true;
}

export function checkMeetingInput(rules: MeetingRules, input: MeetingInput, repeat: Repeat | null = null): MeetingInputRefusal | null {
  if (!rules.allowed) return 'not-allowed';
  if (!rules.bodyActive) return 'body-closed';
  if (!rules.officialLanguages.some((l) => hasText(input.title, l))) return 'no-title';
  if (!translated(input.title, rules, true) || !translated(input.description, rules, false) || !translated(input.place, rules, false)) return 'missing-translations';
  if (!isLocalDate(input.date) || !isLocalTime(input.startTime) || !isLocalTime(input.endTime)) return 'bad-date';
  if (!isTimeZone(input.timeZone)) return 'bad-time-zone';
  if (input.endTime <= input.startTime) return 'ends-before-start';
  const hasPlace = rules.officialLanguages.some((l) => hasText(input.place, l));
  if (isInPerson(input.format) && !hasPlace) return 'needs-place';
  if (isOnline(input.format) && !input.onlineUrl) return 'needs-link';
  if (input.format === 'workshop' && !hasPlace && !input.onlineUrl) return 'needs-place';
  if (repeat && (!Number.isInteger(repeat.intervalWeeks) || repeat.intervalWeeks < 1 || repeat.intervalWeeks > 8 || repeat.count < 2 || repeat.count > MAX_OCCURRENCES))
    return 'bad-repeat';
  return null;
}

/** When the meeting (or each occurrence) starts and ends. */
export function planMeeting(rules: MeetingRules, input: MeetingInput, repeat: Repeat | null): Result<Array<{ startsAt: Date; endsAt: Date }>, MeetingInputRefusal> {
  const problem = checkMeetingInput(rules, input, repeat);
  if (problem) return refuse(problem);
  if (!repeat) return ok([{ startsAt: zonedToUtc(input.date, input.startTime, input.timeZone), endsAt: zonedToUtc(input.date, input.endTime, input.timeZone) }]);
  return ok(weeklyOccurrences(input.date, input.startTime, input.endTime, input.timeZone, repeat.intervalWeeks, repeat.count));
}

export type LifecycleRefusal = 'not-allowed' | 'already-started' | 'already-ended' | 'cancelled' | 'not-started' | 'not-in-progress';

const stateRefusal = (m: Pick<Meeting, 'status'>): LifecycleRefusal =>
  m.status === 'in-progress' ? 'already-started' : m.status === 'ended' ? 'already-ended' : m.status === 'cancelled' ? 'cancelled' : 'not-started';

const event = (m: Pick<Meeting, 'id'>, action: string, data: Record<string, unknown> = {}): DomainEvent => ({ action, subjectType: 'meeting', subjectId: String(m.id), data });

/** The facilitator opens the live room. A meeting may start early or late: the clock does not decide. */
export function startMeeting(m: Pick<Meeting, 'id' | 'status' | 'title'>, allowed: boolean): Result<DomainEvent[], LifecycleRefusal> {
  if (!allowed) return refuse('not-allowed');
  if (m.status !== 'scheduled') return refuse(stateRefusal(m));
  return ok([event(m, 'meeting.started', { title: m.title })]);
}

export function endMeeting(m: Pick<Meeting, 'id' | 'status' | 'title'>, allowed: boolean): Result<DomainEvent[], LifecycleRefusal> {
  if (!allowed) return refuse('not-allowed');
  if (m.status !== 'in-progress') return refuse(m.status === 'scheduled' ? 'not-started' : stateRefusal(m));
  return ok([event(m, 'meeting.ended', { title: m.title })]);
}

/** Only a meeting that has not started can be cancelled; it stays listed, marked cancelled. */
export function cancelMeeting(m: Pick<Meeting, 'id' | 'status' | 'title' | 'startsAt'>, allowed: boolean): Result<DomainEvent[], LifecycleRefusal> {
  if (!allowed) return refuse('not-allowed');
  if (m.status !== 'scheduled') return refuse(stateRefusal(m));
  return ok([event(m, 'meeting.cancelled', { title: m.title, startsAt: m.startsAt.toISOString() })]);
}

/** Editing one meeting (one occurrence of a series: it then differs from its series). */
export function editMeeting(
  m: Pick<Meeting, 'id' | 'status' | 'title' | 'seriesId'>,
  rules: MeetingRules,
  input: MeetingInput,
): Result<{ occurrence: { startsAt: Date; endsAt: Date }; events: DomainEvent[] }, MeetingInputRefusal | 'cancelled'> {
  if (rules.allowed && m.status === 'cancelled') return refuse('cancelled');
  const plan = planMeeting(rules, input, null);
  if (!plan.ok) return plan;
  return ok({ occurrence: plan.value[0]!, events: [event(m, 'meeting.edited', { title: input.title, before: m.title, occurrence: m.seriesId !== null })] });
}

/** The agenda item under discussion, shown in the live room. */
export function setCurrentItem(
  m: Pick<Meeting, 'id' | 'status' | 'currentItemId'>,
  allowed: boolean,
  itemIds: readonly number[],
  itemId: number | null,
): Result<DomainEvent[], LifecycleRefusal | 'unknown-item' | 'unchanged'> {
  if (!allowed) return refuse('not-allowed');
  if (m.status !== 'in-progress') return refuse('not-in-progress');
  if (itemId !== null && !itemIds.includes(itemId)) return refuse('unknown-item');
  if (itemId === m.currentItemId) return refuse('unchanged');
  return ok([event(m, 'meeting.item-changed', { itemId })]);
}

export const meetingEvent = event;
