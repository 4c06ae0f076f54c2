// Wall-clock times in a named time zone (IANA), converted with the platform's
// own time zone data (Intl): a meeting is "Thursday at 13:00 in Toronto",
// and stays so across daylight-saving changes.

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

const ZONE_NAME = /^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/;

/** An IANA time zone name this platform knows (e.g. America/Toronto, UTC). */
export function isTimeZone(name: string): boolean {
  if (!ZONE_NAME.test(name)) return false;
  try {
    partsFormat(name);
    return true;
  } catch {
    return false;
  }
}

export function localParts(instant: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** The zone's offset from UTC at an instant, in minutes (Toronto in winter: -300). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const p = localParts(whole, timeZone);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole) / 60000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isLocalDate = (d: string): boolean => {
  const m = DATE.exec(d);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.getUTCFullYear() === Number(m[1]) && t.getUTCMonth() === Number(m[2]) - 1 && t.getUTCDate() === Number(m[3]);
};
export const isLocalTime = (t: string): boolean => TIME.test(t);

/**
 * The instant a wall-clock time names in a zone. A time that does not exist
 * (skipped when clocks go forward) is read with the offset before the change,
 * as RFC 5545 § 3.3.5 does; a time that occurs twice is the first one.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const first = offsetMinutes(naive, timeZone);
  let t = naive - first * 60000;
  const second = offsetMinutes(t, timeZone);
  if (second !== first) {
    t = naive - second * 60000;
    const third = offsetMinutes(t, timeZone);
    if (third !== second) t = naive - Math.min(second, third) * 60000;
  }
  return new Date(t);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' and 'HH:MM' of an instant in a zone (for forms). */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const p = localParts(instant.getTime(), timeZone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

export function addDaysTo(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The occurrences of a weekly series: the same wall-clock time every
 * `intervalWeeks` weeks, `count` times (iCalendar FREQ=WEEKLY;INTERVAL;COUNT).
 */
export function weeklyOccurrences(
  firstDate: string,
  startTime: string,
  endTime: string,
  timeZone: string,
  intervalWeeks: number,
  count: number,
): Array<{ startsAt: Date; endsAt: Date }> {
  const out: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let i = 0; i < count; i++) {
    const date = addDaysTo(firstDate, i * 7 * intervalWeeks);
    out.push({ startsAt: zonedToUtc(date, startTime, timeZone), endsAt: zonedToUtc(date, endTime, timeZone) });
  }
  return out;
}
