import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import type { Block } from './document.ts';

export type TranslationStatus = 'current' | 'outdated' | 'missing';

/**
 * Per block and language: missing (no text), outdated (another official
 * language changed after this one was last revised), or up to date.
 */
export function statusOf(block: Block, lang: Locale, official: readonly Locale[]): TranslationStatus {
  const mine = block.text[lang];
  if (!mine || mine.content.trim() === '') return 'missing';
  for (const other of official) {
    if (other === lang) continue;
    const theirs = block.text[other];
    if (theirs && theirs.rev > mine.basis) return 'outdated';
  }
  return 'current';
}

/**
 * A new text for one language of a block. Writing a language that was
 * missing or outdated catches up with the others (they stay up to date);
 * changing a language that was up to date is a change of meaning, which
 * makes the others outdated until they are revised or confirmed.
 */
export function revise(block: Block, lang: Locale, content: string, version: number): Block['text'] {
  const langs = Object.keys(block.text) as Locale[];
  const catchUp = statusOf(block, lang, langs) !== 'current';
  const text: Block['text'] = {};
  for (const l of langs) {
    if (l === lang) continue;
    const t = block.text[l]!;
    text[l] = catchUp && statusOf(block, l, langs) === 'current' ? { ...t, basis: Math.max(t.basis, version) } : t;
  }
  text[lang] = { content, rev: version, basis: version };
  return text;
}

/** "Still matches": an outdated text is confirmed without changing it. Null when there is nothing to confirm. */
export function confirmText(block: Block, lang: Locale, version: number): Block['text'] | null {
  const t = block.text[lang];
  if (!t || statusOf(block, lang, Object.keys(block.text) as Locale[]) !== 'outdated') return null;
  return { ...block.text, [lang]: { ...t, basis: version } };
}

export type TranslationProblem = { anchor: string; lang: Locale; status: 'outdated' | 'missing' };

export type TranslationReport = {
  problems: TranslationProblem[];
  /** Blocks per language and status, for the summary line. */
  counts: Record<Locale, Record<TranslationStatus, number>>;
  missingTitle: Locale[];
};

export function translationReport(blocks: readonly Block[], title: Localized, official: readonly Locale[]): TranslationReport {
  const counts = {} as TranslationReport['counts'];
  for (const l of official) counts[l] = { current: 0, outdated: 0, missing: 0 };
  const problems: TranslationProblem[] = [];
  for (const b of blocks) {
    for (const l of official) {
      const s = statusOf(b, l, official);
      counts[l][s]++;
      if (s !== 'current') problems.push({ anchor: b.anchor, lang: l, status: s });
    }
  }
  return { problems, counts, missingTitle: official.filter((l) => !hasText(title, l)) };
}

/** Both languages in step: nothing missing or outdated, title included. */
export function inStep(report: TranslationReport): boolean {
  return report.problems.length === 0 && report.missingTitle.length === 0;
}
