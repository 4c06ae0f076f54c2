import type { Locale } from './localized.ts';

export type PluralForms = { one: string; other: string };

const rules: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  fr: new Intl.PluralRules('fr'),
};

/** French treats 0 as singular; Intl.PluralRules knows that. `#` is replaced by the number. */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  const form = rules[locale].select(n) === 'one' ? forms.one : forms.other;
  return form.replace('#', formatNumber(locale, n));
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-CA'),
  fr: new Intl.NumberFormat('fr-CA'),
};

export function formatNumber(locale: Locale, n: number): string {
  return numberFormats[locale].format(n);
}

const percentFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-CA', { style: 'percent', maximumFractionDigits: 0 }),
  fr: new Intl.NumberFormat('fr-CA', { style: 'percent', maximumFractionDigits: 0 }),
};

export function formatPercent(locale: Locale, ratio: number): string {
  return percentFormats[locale].format(ratio);
}

const tags: Record<Locale, string> = { en: 'en-CA', fr: 'fr-CA' };

// Building an Intl formatter costs far more than using one: keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = tag + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag, options)));
  return f;
}

/** A calendar day ('YYYY-MM-DD', shown as that day wherever the reader is) or an instant, in the process time zone. */
export function formatDate(locale: Locale, d: Date | string, timeZone = 'America/Toronto'): string {
  if (typeof d === 'string') return dateFormat(tags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d + (d.length === 10 ? 'T12:00:00Z' : '')));
  return dateFormat(tags[locale], { dateStyle: 'long', timeZone }).format(d);
}

export function formatDateTime(locale: Locale, d: Date, timeZone = 'America/Toronto'): string {
  return dateFormat(tags[locale], { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(d);
}
