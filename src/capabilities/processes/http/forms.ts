import { z } from 'zod';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { rawField, checkbox, intIn, isoDate, localizedFields, localizedFrom, optionalIsoDate, optionalText, slug, text } from '../../../platform/http/validation.ts';
import type { BodyType, StakeholderCategory } from '../domain/process.ts';
import type { ProcessFields } from '../domain/edit.ts';
import type { PhaseInput } from '../domain/timeline.ts';

const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export const processFormSchema = (creating: boolean) =>
  z.object({
    ...(creating ? { slug: slug() } : {}),
    lang_en: checkbox(),
    lang_fr: checkbox(),
    ...localizedFields('title', 200),
    ...localizedFields('summary', 1000),
    ...localizedFields('scope', 10000),
    ...localizedFields('convenerName', 200),
    timeZone: text(60).refine((v) => timeZones.has(v), { error: 'invalid' }),
  });

export function processFieldsFrom(data: Record<string, unknown>): ProcessFields {
  const officialLanguages: Locale[] = [];
  if (data.lang_en) officialLanguages.push('en');
  if (data.lang_fr) officialLanguages.push('fr');
  return {
    title: localizedFrom(data, 'title'),
    summary: localizedFrom(data, 'summary'),
    scope: localizedFrom(data, 'scope'),
    convenerName: localizedFrom(data, 'convenerName'),
    officialLanguages,
    timeZone: String(data.timeZone ?? ''),
  };
}

export function rawLocalized(body: Record<string, unknown>, name: string): Localized {
  return { en: rawField(body, `${name}_en`), fr: rawField(body, `${name}_fr`) };
}

/** "key | English | French" lines; returns the 1-based number of the first bad line instead. */
export function parseLabelLines(textValue: string): { ok: true; items: Array<{ key: string; label: Localized }> } | { ok: false; line: number } {
  const items: Array<{ key: string; label: Localized }> = [];
  const lines = textValue.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const parts = line.split('|').map((s) => s.trim());
    if (parts.length !== 3 || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(parts[0]!) || parts[0]!.length > 40) return { ok: false, line: i + 1 };
    const label: Localized = {};
    if (parts[1]) label.en = parts[1].slice(0, 100);
    if (parts[2]) label.fr = parts[2].slice(0, 100);
    items.push({ key: parts[0]!, label });
  }
  return { ok: true, items };
}

export const settingsSchema = z.object({
  categories: text(5000),
  bodyTypes: text(5000),
  quietHours: intIn(0, 24 * 90),
  almostNonePercent: intIn(0, 50),
  almostNoneMax: intIn(0, 1000),
});

export function toCategories(items: Array<{ key: string; label: Localized }>): StakeholderCategory[] {
  return items.map((i) => (i.key === 'other' ? { ...i, otherText: true } : i));
}
export const toBodyTypes = (items: Array<{ key: string; label: Localized }>): BodyType[] => items;

export const rulesSchema = z.object({
  rules_en: optionalText(20000),
  rules_fr: optionalText(20000),
  criteria_en: optionalText(10000),
  criteria_fr: optionalText(10000),
  note_en: optionalText(2000),
  note_fr: optionalText(2000),
  adoptedOn: optionalIsoDate(),
});

export const linesOf = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

export const phaseSchema = z.object({
  kind: z.enum(['phase', 'milestone']),
  ...localizedFields('name', 200),
  plannedStart: isoDate(),
  plannedEnd: isoDate(),
  bufferDays: intIn(0, 3650),
  actualEnd: optionalIsoDate(),
  forecastEnd: optionalIsoDate(),
});

export function phaseInputFrom(d: z.output<typeof phaseSchema>): PhaseInput {
  return {
    kind: d.kind,
    name: localizedFrom(d, 'name'),
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    bufferDays: d.bufferDays,
    actualEnd: d.actualEnd,
    forecastEnd: d.forecastEnd,
  };
}

/**
 * One rule per line in each language, paired by position. Every official
 * language needs its lines; any language given must have as many lines.
 * Returns the pairs, or the field to flag and why.
 */
export function pairLines(
  name: string,
  byLanguage: Record<Locale, string | null>,
  official: readonly Locale[],
): { ok: true; items: Localized[] } | { ok: false; field: string; why: 'required' | 'mismatch' } {
  const lines = Object.fromEntries((['en', 'fr'] as const).map((l) => [l, linesOf(byLanguage[l] ?? '')])) as Record<Locale, string[]>;
  for (const l of official) if (lines[l].length === 0) return { ok: false, field: `${name}_${l}`, why: 'required' };
  const n = lines[official[0]!].length;
  for (const l of ['en', 'fr'] as const) if (lines[l].length > 0 && lines[l].length !== n) return { ok: false, field: `${name}_${l}`, why: 'mismatch' };
  return {
    ok: true,
    items: Array.from({ length: n }, (_, i) => {
      const item: Localized = {};
      for (const l of ['en', 'fr'] as const) if (lines[l][i]) item[l] = lines[l][i];
      return item;
    }),
  };
}
