import { pickText, type Locale, type Localized } from '../../../kernel/localized.ts';
import type { MeetingListing, SeriesRow } from '../db/queries.ts';
import type { AgendaItem } from '../domain/agenda.ts';
import { icsCalendar, type IcsEvent } from '../domain/icalendar.ts';
import type { Meeting } from '../domain/meeting.ts';
import { zonedToUtc } from '../domain/time.ts';
import { meetingMessages } from '../messages/index.ts';

const text = (t: Localized, l: Locale) => pickText(t, l)?.text ?? '';

function location(m: Pick<Meeting, 'place' | 'onlineUrl'>, locale: Locale): string | null {
  const parts = [text(m.place, locale), m.onlineUrl ?? ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

function description(m: Pick<Meeting, 'description' | 'livestreamUrl'>, locale: Locale, url: string, items: AgendaItem[] = []): string {
  const w = meetingMessages(locale);
  const lines = [text(m.description, locale)];
  if (items.length) lines.push(`${w.agenda}:\n${items.map((i, n) => `${n + 1}. ${text(i.title, locale)} (${w.minutesShort(i.durationMinutes)})`).join('\n')}`);
  if (m.livestreamUrl) lines.push(`${w.livestream}: ${m.livestreamUrl}`);
  lines.push(url);
  return lines.filter(Boolean).join('\n\n');
}

export type CalendarArgs = { name: string; locale: Locale; host: string; pageUrl: (meetingId: number) => string; now: Date };

function single(m: Meeting, args: CalendarArgs, items?: AgendaItem[]): IcsEvent {
  return {
    uid: `meeting-${m.id}@${args.host}`,
    sequence: m.sequence,
    start: m.startsAt,
    end: m.endsAt,
    timeZone: m.timeZone,
    summary: text(m.title, args.locale),
    description: description(m, args.locale, args.pageUrl(m.id), items),
    location: location(m, args.locale),
    url: args.pageUrl(m.id),
    cancelled: m.status === 'cancelled',
  };
}

/**
 * A feed: single meetings as events; each series as one recurring event
 * (RRULE) whose cancelled occurrences are EXDATEs and whose edited ones are
 * RECURRENCE-ID overrides, all sharing the series' UID.
 */
export function feed(meetings: readonly MeetingListing[], series: readonly SeriesRow[], args: CalendarArgs): string {
  const events: IcsEvent[] = [];
  for (const m of meetings) if (m.seriesId === null) events.push(single(m, args));
  for (const s of series) {
    const occurrences = meetings.filter((m) => m.seriesId === s.id).sort((a, b) => a.originalStart!.getTime() - b.originalStart!.getTime());
    if (occurrences.length === 0) continue;
    const uid = `series-${s.id}@${args.host}`;
    const first = { start: zonedToUtc(s.firstDate, s.startTime, s.timeZone), end: zonedToUtc(s.firstDate, s.endTime, s.timeZone) };
    const tmpl = { description: s.description, livestreamUrl: null, place: s.place, onlineUrl: s.onlineUrl };
    events.push({
      uid,
      sequence: Math.max(0, ...occurrences.filter((m) => m.status === 'cancelled').map((m) => m.sequence)),
      start: first.start,
      end: first.end,
      timeZone: s.timeZone,
      summary: text(s.title, args.locale),
      description: description(tmpl, args.locale, args.pageUrl(occurrences[0]!.id)),
      location: location(tmpl, args.locale),
      url: args.pageUrl(occurrences[0]!.id),
      cancelled: false,
      rrule: { intervalWeeks: s.intervalWeeks, count: s.count },
      exdates: occurrences.filter((m) => m.status === 'cancelled').map((m) => m.originalStart!),
    });
    for (const m of occurrences) if (m.modified && m.status !== 'cancelled') events.push({ ...single(m, args), uid, recurrenceId: m.originalStart! });
  }
  return icsCalendar({ name: args.name, language: args.locale, stamp: args.now, events });
}

/** One meeting, with its agenda, for "add to my calendar". */
export function singleEvent(m: Meeting, items: AgendaItem[], args: CalendarArgs): string {
  return icsCalendar({ name: args.name, language: args.locale, stamp: args.now, events: [single(m, args, items)] });
}
