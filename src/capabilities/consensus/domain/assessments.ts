import { hasText, LOCALES, type Locale, type Localized } from '../../../kernel/localized.ts';
import type { Evaluation } from './criteria.ts';
import type { Stance } from './proposal.ts';

/** The ICANN GNSO levels a chair uses to characterize the outcome (PROCESS.md § Consensus). */
export type Level = 'full-consensus' | 'consensus' | 'strong-support' | 'divergence';
export const LEVELS: readonly Level[] = ['full-consensus', 'consensus', 'strong-support', 'divergence'];
export type Direction = 'for' | 'against';

export type Assessment = {
  id: number;
  proposalId: number;
  round: number;
  level: Level;
  direction: Direction;
  text: Localized;
  /** The criteria as they stood when the chair assessed. */
  evaluation: Evaluation;
  revisesId: number | null;
  chairUserId: number | null;
  chairName: string | null;
  assessedAt: Date;
};

export type AssessmentInput = { level: Level; direction: Direction; text: Localized };

/** The chair publishes: every official language. */
export function checkAssessment(input: AssessmentInput, officialLanguages: readonly Locale[]): 'missing-translations' | null {
  return officialLanguages.some((l) => !hasText(input.text, l)) ? 'missing-translations' : null;
}

/**
 * Who is in the minority: against the assessed direction, or (before any
 * assessment) not agreeing. Only they may attach a minority statement.
 */
export function inMinority(stance: Stance | null, direction: Direction | null): boolean {
  if (stance === null) return false;
  return (direction ?? 'for') === 'for' ? stance !== 'agree' : stance === 'agree';
}

/** Text written by one person in their language; at least one language. */
export function hasAnyText(t: Localized | null | undefined): boolean {
  return LOCALES.some((l) => hasText(t, l));
}
