import { dateFormat } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';

const tag = (l: Locale) => (l === 'fr' ? 'fr-CA' : 'en-CA');

/** "Thursday, February 28, 2019, 9:00 a.m. – 4:00 p.m. EST", in the meeting's own zone. */
export function whenText(locale: Locale, start: Date, end: Date, timeZone: string): string {
  return dateFormat(tag(locale), {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).formatRange(start, end);
}

/** "Feb. 28, 2019" for lists. */
export function dayText(locale: Locale, d: Date, timeZone: string): string {
  return dateFormat(tag(locale), { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(d);
}

/** "9:00 a.m." in a zone. */
export function timeText(locale: Locale, d: Date, timeZone: string): string {
  return dateFormat(tag(locale), { hour: 'numeric', minute: '2-digit', timeZone }).format(d);
}

/** Zones offered when scheduling: Canada's, and those of the processes that copied it (Senegal, France). */
export const TIME_ZONES = [
  'America/St_Johns',
  'America/Halifax',
  'America/Toronto',
  'America/Winnipeg',
  'America/Regina',
  'America/Edmonton',
  'America/Vancouver',
  'America/Whitehorse',
  'America/Iqaluit',
  'Africa/Dakar',
  'Europe/Paris',
  'UTC',
];
