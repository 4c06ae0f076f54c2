import { missingLanguages, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';

export type MissingTranslation = { field: string; language: Locale };

/**
 * Publishing anything requires every official language. Returns what is
 * missing, field by field, so the page can say exactly what to translate.
 */
export function missingTranslations(fields: Record<string, Localized | null | undefined>, official: readonly Locale[]): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  for (const [field, text] of Object.entries(fields)) {
    for (const language of missingLanguages(text, official)) out.push({ field, language });
  }
  return out;
}

export function publicationGate(
  fields: Record<string, Localized | null | undefined>,
  official: readonly Locale[],
): Result<null, 'missing-translations'> & { missing: MissingTranslation[] } {
  const missing = missingTranslations(fields, official);
  return missing.length ? { ...refuse('missing-translations'), missing } : { ...ok(null), missing };
}
