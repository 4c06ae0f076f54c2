import { localParts, offsetMinutes } from './time.ts';

// iCalendar (RFC 5545) written by hand: CRLF line ends, lines folded at 75
// octets, TEXT values escaped, times in the meeting's own zone (TZID) with a
// VTIMEZONE describing that zone's offsets over the years the calendar spans.

export type IcsEvent = {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  timeZone: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  cancelled: boolean;
  /** A weekly series (RRULE), with the occurrences it no longer has (EXDATE). */
  rrule?: { intervalWeeks: number; count: number };
  exdates?: Date[];
  /** An occurrence of a series that differs from it (RECURRENCE-ID: the start the series gives it). */
  recurrenceId?: Date;
};

export type IcsCalendar = { name: string; language: 'en' | 'fr'; stamp: Date; events: IcsEvent[] };

/** TEXT escaping (§ 3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (§ 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back off continuation bytes (10xxxxxx) so a character is never split.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // continuation lines begin with a space, which counts
  }
  return parts.join('\r\n ');
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

export function utcStamp(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** A local date-time in the zone, without designator (used with TZID). */
export function localStamp(d: Date, timeZone: string): string {
  const p = localParts(d.getTime(), timeZone);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

/** The instants in [from, to) at which the zone's offset changes, found by scanning days and bisecting to the minute. */
export function transitions(timeZone: string, from: number, to: number): Array<{ at: number; before: number; after: number }> {
  const out: Array<{ at: number; before: number; after: number }> = [];
  const DAY = 86_400_000;
  let t = from;
  let off = offsetMinutes(t, timeZone);
  while (t < to) {
    const next = Math.min(t + DAY, to);
    const nextOff = offsetMinutes(next, timeZone);
    if (nextOff !== off) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutes(mid, timeZone) === off) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, before: off, after: nextOff });
    }
    t = next;
    off = nextOff;
  }
  return out;
}

/**
 * VTIMEZONE for a zone over whole years: each change of offset as its own
 * STANDARD or DAYLIGHT observance (DTSTART in local time before the change),
 * after a first observance holding the offset in force at the start.
 */
const zoneCache = new Map<string, string[]>();

export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const key = `${timeZone} ${fromYear} ${toYear}`;
  const hit = zoneCache.get(key);
  if (hit) return hit;
  const lines = describeZone(timeZone, fromYear, toYear);
  if (zoneCache.size > 200) zoneCache.clear();
  zoneCache.set(key, lines);
  return lines;
}

function describeZone(timeZone: string, fromYear: number, toYear: number): string[] {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const changes = transitions(timeZone, from, to);
  const initial = offsetMinutes(from, timeZone);
  const offsets = [initial, ...changes.map((c) => c.after)];
  const standard = Math.min(...offsets);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, before: number, after: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
  };
  observance(initial === standard ? 'STANDARD' : 'DAYLIGHT', `${pad(fromYear, 4)}0101T000000`, initial, initial);
  for (const c of changes) {
    const local = new Date(c.at + c.before * 60000);
    const start = `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}00`;
    observance(c.after > standard ? 'DAYLIGHT' : 'STANDARD', start, c.before, c.after);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function eventLines(e: IcsEvent, stamp: Date): string[] {
  const tz = `;TZID=${e.timeZone}`;
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(stamp)}`, `SEQUENCE:${e.sequence}`];
  if (e.recurrenceId) lines.push(`RECURRENCE-ID${tz}:${localStamp(e.recurrenceId, e.timeZone)}`);
  lines.push(`DTSTART${tz}:${localStamp(e.start, e.timeZone)}`, `DTEND${tz}:${localStamp(e.end, e.timeZone)}`);
  if (e.rrule) lines.push(`RRULE:FREQ=WEEKLY;INTERVAL=${e.rrule.intervalWeeks};COUNT=${e.rrule.count}`);
  if (e.exdates?.length) lines.push(`EXDATE${tz}:${e.exdates.map((d) => localStamp(d, e.timeZone)).join(',')}`);
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** A whole calendar: one VTIMEZONE per zone used, then the events. */
export function icsCalendar(cal: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Concert//Meetings//${cal.language.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`);
  const zones = new Map<string, { min: number; max: number }>();
  for (const e of cal.events) {
    const range = zones.get(e.timeZone) ?? { min: Infinity, max: -Infinity };
    for (const d of [e.start, e.end, ...(e.exdates ?? []), ...(e.recurrenceId ? [e.recurrenceId] : [])]) {
      range.min = Math.min(range.min, d.getUTCFullYear());
      range.max = Math.max(range.max, d.getUTCFullYear());
    }
    // A series reaches past its first occurrence: at most 104 occurrences, 8 weeks apart.
    if (e.rrule) range.max = Math.max(range.max, new Date(e.start.getTime() + e.rrule.count * e.rrule.intervalWeeks * 7 * 86_400_000).getUTCFullYear());
    zones.set(e.timeZone, range);
  }
  for (const [tz, r] of zones) lines.push(...vtimezone(tz, r.min - 1, r.max + 1));
  for (const e of cal.events) lines.push(...eventLines(e, cal.stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
