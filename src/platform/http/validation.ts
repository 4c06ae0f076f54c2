import { z } from 'zod';
import type { Localized } from '../../kernel/localized.ts';

export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'invalidEmail'
  | 'invalidChoice'
  | 'invalidDate'
  | 'invalidNumber'
  | 'tooSmall'
  | 'tooBig'
  | 'invalidSlug'
  | 'invalidUrl'
  | 'invalid';

/** A field error is a code (and a bound); the view words it in the reader's language. */
export type FieldError = { code: ValidationCode; bound?: number };
export type FieldErrors = Record<string, FieldError>;

const CODES = new Set<string>([
  'required',
  'tooLong',
  'tooShort',
  'invalidEmail',
  'invalidChoice',
  'invalidDate',
  'invalidNumber',
  'tooSmall',
  'tooBig',
  'invalidSlug',
  'invalidUrl',
  'invalid',
]);

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  if (CODES.has(issue.message)) return { code: issue.message as ValidationCode };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { code: 'required' } : { code: 'tooShort', bound: Number(issue.minimum) };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'required' };
      return { code: 'tooSmall', bound: Number(issue.minimum) };
    case 'too_big':
      return issue.origin === 'string' ? { code: 'tooLong', bound: Number(issue.maximum) } : { code: 'tooBig', bound: Number(issue.maximum) };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalidEmail' };
      if (issue.format === 'url') return { code: 'invalidUrl' };
      if (issue.format === 'date') return { code: 'invalidDate' };
      return { code: 'invalid' };
    case 'invalid_value':
      return { code: 'invalidChoice' };
    case 'invalid_type':
      if (issue.input === undefined || issue.input === '') return { code: 'required' };
      if (issue.expected === 'number' || issue.expected === 'int') return { code: 'invalidNumber' };
      return { code: 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors[key] ??= toFieldError(issue);
  }
  return { ok: false, errors };
}

// Building blocks for form schemas. Forms send strings; empty means absent.

// Control characters (NUL above all) are refused: PostgreSQL cannot store NUL, and no form needs them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControl = (v: string) => !CONTROL.test(v);

/** Required text. */
export const text = (max = 200) => z.string({ error: 'required' }).trim().min(1).max(max).refine(noControl, { error: 'invalid' });
/** Optional text: empty becomes null. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(noControl, { error: 'invalid' })
    .optional()
    .transform((v) => (v ? v : null));
export const email = () =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1)
    .max(254)
    .pipe(z.email({ error: 'invalidEmail' }))
    .transform((v) => v.toLowerCase());
export const isoDate = () =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1)
    .regex(/^(?!0000)\d{4}-\d{2}-\d{2}$/, { error: 'invalidDate' })
    .refine((v) => !Number.isNaN(Date.parse(v + 'T00:00:00Z')) && new Date(v + 'T00:00:00Z').toISOString().startsWith(v), { error: 'invalidDate' });
export const optionalIsoDate = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.union([z.null(), isoDate()]));
export const checkbox = () => z.union([z.literal('on'), z.literal('true'), z.literal('1'), z.undefined(), z.literal('')]).transform((v) => v === 'on' || v === 'true' || v === '1');
export const slug = () =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'invalidSlug' });
export const intIn = (min: number, max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1)
    .regex(/^-?\d+$/, { error: 'invalidNumber' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** `<name>_en` and `<name>_fr` form fields as one Localized value; empty languages dropped. */
export const localizedFields = (name: string, max: number) => ({
  [`${name}_en`]: optionalText(max),
  [`${name}_fr`]: optionalText(max),
});

export function localizedFrom(data: Record<string, unknown>, name: string): Localized {
  const out: Localized = {};
  const en = data[`${name}_en`];
  const fr = data[`${name}_fr`];
  if (typeof en === 'string' && en) out.en = en;
  if (typeof fr === 'string' && fr) out.fr = fr;
  return out;
}

/** The raw text a person typed, to show back in a refused form ('' when absent or not text). */
export function rawField(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v : '';
}
