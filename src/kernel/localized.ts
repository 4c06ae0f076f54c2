export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(x: unknown): x is Locale {
  return x === 'en' || x === 'fr';
}

export function otherLocale(l: Locale): Locale {
  return l === 'en' ? 'fr' : 'en';
}

/** User content is stored per language; a language may be missing. */
export type Localized = Partial<Record<Locale, string>>;

export function hasText(t: Localized | null | undefined, l: Locale): boolean {
  return typeof t?.[l] === 'string' && t[l]!.trim().length > 0;
}

/** Languages among `required` that have no text. */
export function missingLanguages(t: Localized | null | undefined, required: readonly Locale[]): Locale[] {
  return required.filter((l) => !hasText(t, l));
}

export type Shown = { text: string; lang: Locale; translated: boolean };

/**
 * What to show a reader of `locale`: their language when present, else the
 * other one, flagged so the view can mark it "not yet translated".
 */
export function pickText(t: Localized | null | undefined, locale: Locale): Shown | null {
  if (hasText(t, locale)) return { text: t![locale]!, lang: locale, translated: true };
  for (const l of LOCALES) if (hasText(t, l)) return { text: t![l]!, lang: l, translated: false };
  return null;
}

/** Trims both languages and drops empty ones. */
export function cleanLocalized(t: Localized): Localized {
  const out: Localized = {};
  for (const l of LOCALES) {
    const v = t[l]?.trim();
    if (v) out[l] = v;
  }
  return out;
}
