import { z } from 'zod';
import { dateFormat } from '../../../kernel/i18n.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { isoDate, localizedFields, localizedFrom, optionalText, text } from '../../../platform/http/validation.ts';
import type { Link } from '../domain/proposal.ts';

const url = () => optionalText(2000).pipe(z.union([z.null(), z.string().regex(/^https?:\/\/[^\s<>"]+$/i, { error: 'invalidUrl' })]));

export const proposalSchema = z.object({
  kind: z.enum(['text', 'scope']),
  ...localizedFields('title', 300),
  ...localizedFields('text', 40000),
  ...localizedFields('proposedCharter', 20000),
  linkUrl: url(),
  linkLabel: optionalText(300),
});

export function linkFrom(data: { linkUrl: string | null; linkLabel: string | null }): Link | null {
  return data.linkUrl ? { url: data.linkUrl, label: data.linkLabel ?? '' } : null;
}

export const positionSchema = z.object({
  stance: z.enum(['agree', 'can-live', 'cannot']),
  reason: optionalText(4000),
  room: optionalText(1),
});

export const objectionSchema = z.object({ objection: text(4000) });
export const responseSchema = z.object({ response: text(4000) });
export const statementSchema = z.object({ statement: text(8000) });

const time = () =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid' });

export const callSchema = z.discriminatedUnion('where', [
  z.object({ where: z.literal('online') }),
  z.object({ where: z.literal('meeting'), meetingLabel: text(300), meetingUrl: url(), endsDate: isoDate(), endsTime: time() }),
]);

export const discussionSchema = z.object({
  kind: z.enum(['meeting', 'thread', 'other']),
  label: text(300),
  url: url(),
  resolution: z.enum(['accommodated', 'not-accommodated']),
  ...localizedFields('reasoning', 8000),
});

export const assessSchema = z.object({
  level: z.enum(['full-consensus', 'consensus', 'strong-support', 'divergence']),
  direction: z.enum(['for', 'against']),
  ...localizedFields('text', 8000),
});

export const informationSchema = z.object({
  whatIsNew: text(8000),
  whyItMatters: text(8000),
  links: optionalText(4000),
});

export const answerSchema = z.object({
  decision: z.enum(['accept', 'decline']),
  ...localizedFields('answer', 8000),
});

/** "https://… label" lines into links; a line that is not an address is refused. */
export function parseLinks(raw: string | null): { ok: true; links: Link[] } | { ok: false } {
  const links: Link[] = [];
  for (const line of (raw ?? '').split(/\r?\n/)) {
    const t = line.trim();
    if (!t) continue;
    const [address, ...label] = t.split(/\s+/);
    if (!/^https?:\/\/[^\s<>"]+$/i.test(address!)) return { ok: false };
    links.push({ url: address!, label: label.join(' ') });
  }
  return { ok: true, links };
}

/** One person's words, stored in the language they wrote in. */
export const inLocale = (locale: Locale, value: string | null | undefined): Localized => (value ? { [locale]: value } : {});

export { localizedFrom };

/** Offset of `timeZone` from UTC at `instant`, in minutes. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = dateFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - instant) / 60000);
}

/** A wall-clock date and time in the process time zone, as an instant. */
export function instantIn(date: string, hhmm: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall - offsetMinutes(wall, timeZone) * 60000;
  // Once more, in case the first guess crossed a change of offset.
  guess = wall - offsetMinutes(guess, timeZone) * 60000;
  return new Date(guess);
}

/** An instant as the date and time fields of a form, in the process time zone. */
export function fieldsOf(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = dateFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
