import { z } from 'zod';
import type { Localized } from '../../../kernel/localized.ts';
import { isoDate, localizedFields, localizedFrom, optionalText, rawField, text } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { FORMATS, type Meeting, type MeetingInput, type Repeat } from '../domain/meeting.ts';
import { localDateTime } from '../domain/time.ts';
import { meetingMessages } from '../messages/index.ts';
import type { MeetingFormValues } from '../views/meeting-form.tsx';

const time = () =>
  z
    .string({ error: 'required' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: 'invalid' })
    .transform((v) => v.slice(0, 5));

/** An optional http(s) address (empty: none). */
export const optionalUrl = () =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return null;
      if (s.length > 2000 || !/^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/.test(s) || !URL.canParse(s)) {
        ctx.addIssue({ code: 'custom', message: 'invalidUrl' });
        return z.NEVER;
      }
      return s;
    });

/** An optional whole number within bounds (empty: none). */
const optionalInt = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return null;
      if (!/^\d{1,9}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: 'invalidNumber' });
        return z.NEVER;
      }
      const n = Number(s);
      if (n < min) ctx.addIssue({ code: 'too_small', origin: 'number', minimum: min, inclusive: true, input: n });
      if (n > max) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: max, inclusive: true, input: n });
      return n;
    });

export const meetingSchema = (creating: boolean) =>
  z.object({
    ...(creating ? { body: text(60) } : {}),
    format: z.enum(FORMATS as [string, ...string[]]),
    ...localizedFields('title', 200),
    ...localizedFields('description', 5000),
    ...localizedFields('place', 300),
    date: isoDate(),
    startTime: time(),
    endTime: time(),
    timeZone: text(60),
    onlineUrl: optionalUrl(),
    livestreamUrl: optionalUrl(),
    capacity: optionalInt(1, 100000),
    ...(creating ? { intervalWeeks: z.enum(['', '1', '2', '3', '4']).optional(), count: optionalInt(2, 104) } : {}),
  });

export function meetingInputFrom(data: z.output<ReturnType<typeof meetingSchema>>): { input: MeetingInput; repeat: Repeat | null; missingCount: boolean } {
  const d = data as Record<string, unknown>;
  const input: MeetingInput = {
    format: d.format as MeetingInput['format'],
    title: localizedFrom(d, 'title'),
    description: localizedFrom(d, 'description'),
    place: localizedFrom(d, 'place'),
    date: d.date as string,
    startTime: d.startTime as string,
    endTime: d.endTime as string,
    timeZone: d.timeZone as string,
    onlineUrl: (d.onlineUrl as string | null) ?? null,
    livestreamUrl: (d.livestreamUrl as string | null) ?? null,
    capacity: (d.capacity as number | null) ?? null,
  };
  const every = d.intervalWeeks ? Number(d.intervalWeeks) : 0;
  const count = (d.count as number | null | undefined) ?? null;
  return { input, repeat: every ? { intervalWeeks: every, count: count ?? 0 } : null, missingCount: every > 0 && count === null };
}

const raw = rawField;
const rawLocalized = (b: Record<string, unknown>, k: string): Localized => ({ en: raw(b, `${k}_en`), fr: raw(b, `${k}_fr`) });

export function meetingFormValues(b: Record<string, unknown>): MeetingFormValues {
  return {
    body: raw(b, 'body'),
    format: raw(b, 'format'),
    title: rawLocalized(b, 'title'),
    description: rawLocalized(b, 'description'),
    place: rawLocalized(b, 'place'),
    date: raw(b, 'date'),
    startTime: raw(b, 'startTime'),
    endTime: raw(b, 'endTime'),
    timeZone: raw(b, 'timeZone'),
    onlineUrl: raw(b, 'onlineUrl'),
    livestreamUrl: raw(b, 'livestreamUrl'),
    capacity: raw(b, 'capacity'),
    intervalWeeks: raw(b, 'intervalWeeks'),
    count: raw(b, 'count'),
  };
}

export function valuesOfMeeting(m: Meeting): MeetingFormValues {
  const start = localDateTime(m.startsAt, m.timeZone);
  const end = localDateTime(m.endsAt, m.timeZone);
  return {
    body: '',
    format: m.format,
    title: m.title,
    description: m.description,
    place: m.place,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    timeZone: m.timeZone,
    onlineUrl: m.onlineUrl ?? '',
    livestreamUrl: m.livestreamUrl ?? '',
    capacity: m.capacity === null ? '' : String(m.capacity),
    intervalWeeks: '',
    count: '',
  };
}

/** Where each refusal of the meeting form is shown. */
export function meetingFieldError(locale: 'en' | 'fr', refusal: string, input?: MeetingInput): Record<string, AnyFieldError> {
  const m = meetingMessages(locale);
  const message = m.refusal[refusal] ?? refusal;
  const field: Record<string, string> = {
    'no-title': 'title_en',
    'missing-translations': input ? untranslated(input) : 'title_fr',
    'bad-date': 'date',
    'bad-time-zone': 'timeZone',
    'ends-before-start': 'endTime',
    'needs-place': 'place_en',
    'needs-link': 'onlineUrl',
    'bad-repeat': 'count',
    'body-closed': 'body',
  };
  return { [field[refusal] ?? '_form']: { message } };
}

/** The first bilingual field given in only one language. */
function untranslated(input: MeetingInput): string {
  for (const k of ['title', 'description', 'place'] as const) {
    const has = (l: 'en' | 'fr') => !!input[k][l]?.trim();
    if (k === 'title' ? !(has('en') && has('fr')) : has('en') !== has('fr')) return `${k}_${has('en') ? 'fr' : 'en'}`;
  }
  return 'title_fr';
}
