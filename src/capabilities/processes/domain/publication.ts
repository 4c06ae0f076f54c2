import { missingLanguages, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';

/**
 * A text missing in an official language. `field` names the kind of text;
 * `ref` says which one (a rule's number, a phase's name); texts from other
 * capabilities carry their own `label`, worded in both languages.
 */
export type MissingTranslation = { field: string; language: Locale; ref?: { index?: number; name?: Localized }; label?: Localized };

/**
 * Publishing anything requires every official language. Returns what is
 * missing, field by field, so the page can say exactly what to translate.
 */
/** A result that may list what is missing in which language. */
export type WithMissing<T, R extends string> = Result<T, R> & { missing?: MissingTranslation[] };

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

/**
 * Everything a process publishes besides its description: rules, consensus
 * criteria, phase names, category and body-type labels. Each must exist in
 * every official language before the process goes public, or gains a language.
 */
export function contentGaps(
  content: {
    rules: ReadonlyArray<Localized>;
    consensusCriteria: ReadonlyArray<Localized>;
    phases: ReadonlyArray<{ name: Localized }>;
    stakeholderCategories: ReadonlyArray<{ label: Localized }>;
    bodyTypes: ReadonlyArray<{ label: Localized }>;
  },
  official: readonly Locale[],
): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  const each = (field: string, list: ReadonlyArray<Localized>, named: boolean) =>
    list.forEach((text, i) => {
      for (const language of missingLanguages(text, official)) out.push({ field, language, ref: named ? { name: text } : { index: i + 1 } });
    });
  each('rule', content.rules, false);
  each('criterion', content.consensusCriteria, false);
  each(
    'phase',
    content.phases.map((p) => p.name),
    true,
  );
  each(
    'category',
    content.stakeholderCategories.map((c) => c.label),
    true,
  );
  each(
    'bodyType',
    content.bodyTypes.map((t) => t.label),
    true,
  );
  return out;
}
