import { cleanLocalized, hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { Meeting } from './meeting.ts';

export type MinutesStatus = 'draft' | 'approved';
export type Minutes = { source: Localized; html: Localized; status: MinutesStatus; approvedAt: Date | null };

export type MinutesRefusal = 'not-allowed' | 'not-held' | 'empty' | 'unchanged' | 'no-minutes' | 'already-approved' | 'missing-translations' | 'not-ended';

const held = (m: Pick<Meeting, 'status'>) => m.status === 'in-progress' || m.status === 'ended';

/**
 * Saving minutes (Markdown, per language) makes them a draft, including
 * approved minutes that are changed: they must be approved again.
 */
export function saveMinutes(
  m: Pick<Meeting, 'status'>,
  allowed: boolean,
  current: Minutes | null,
  source: Localized,
): Result<{ source: Localized; reopened: boolean }, MinutesRefusal> {
  if (!allowed) return refuse('not-allowed');
  if (!held(m)) return refuse('not-held');
  const clean = cleanLocalized(source);
  if (!hasText(clean, 'en') && !hasText(clean, 'fr')) return refuse('empty');
  if (current && current.source.en === clean.en && current.source.fr === clean.fr) return refuse('unchanged');
  return ok({ source: clean, reopened: current?.status === 'approved' });
}

/** Approval publishes the minutes as the record: after the meeting, in every official language. */
export function approveMinutes(m: Pick<Meeting, 'status'>, allowed: boolean, current: Minutes | null, officialLanguages: readonly Locale[]): Result<null, MinutesRefusal> {
  if (!allowed) return refuse('not-allowed');
  if (m.status !== 'ended') return refuse('not-ended');
  if (!current) return refuse('no-minutes');
  if (current.status === 'approved') return refuse('already-approved');
  if (officialLanguages.some((l) => !hasText(current.source, l))) return refuse('missing-translations');
  return ok(null);
}

export type RecordingLanguage = 'en' | 'fr' | 'floor';
export const MAX_RECORDINGS = 20;

export function checkRecording(m: Pick<Meeting, 'status'>, allowed: boolean, count: number): 'not-allowed' | 'not-held' | 'too-many' | null {
  if (!allowed) return 'not-allowed';
  if (!held(m)) return 'not-held';
  return count >= MAX_RECORDINGS ? 'too-many' : null;
}
