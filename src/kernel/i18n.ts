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

export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-CA' : 'fr-CA', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

const tags: Record<Locale, string> = { en: 'en-CA', fr: 'fr-CA' };

export function formatDate(locale: Locale, d: Date | string, timeZone = 'America/Toronto'): string {
  const date = typeof d === 'string' ? new Date(d + (d.length === 10 ? 'T12:00:00Z' : '')) : d;
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }).format(date);
}

export function formatDateTime(locale: Locale, d: Date, timeZone = 'America/Toronto'): string {
  return new Intl.DateTimeFormat(tags[locale], { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(d);
}
