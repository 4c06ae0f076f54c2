import type { DomainEvent } from '../../../kernel/events.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { DocumentState } from './document.ts';
import { inStep, type TranslationReport } from './translation.ts';

/**
 * The review path. Forward one step at a time (working-group review may be
 * skipped by documents no working group drafts), back to rework from any
 * review, and nothing after publication.
 */
export const TRANSITIONS: Record<DocumentState, readonly DocumentState[]> = {
  draft: ['wg-review', 'plenary-review'],
  'wg-review': ['plenary-review', 'draft'],
  'plenary-review': ['public-input', 'final', 'wg-review', 'draft'],
  'public-input': ['final', 'plenary-review'],
  final: ['published', 'plenary-review'],
  published: [],
};

/** Text is frozen while the public comments on it, once final, and once published. */
export function isEditable(state: DocumentState): boolean {
  return state === 'draft' || state === 'wg-review' || state === 'plenary-review';
}

/** Nothing goes before the public, or becomes final, unless every official language is complete and in step. */
export function needsBothLanguages(state: DocumentState): boolean {
  return state === 'public-input' || state === 'final' || state === 'published';
}

/** Who must act next: the drafting body's facilitators, then the convener, then nobody. */
export type ActionHolder = 'body-facilitators' | 'convener' | null;

export function actionHolder(state: DocumentState): ActionHolder {
  switch (state) {
    case 'draft':
    case 'wg-review':
      return 'body-facilitators';
    case 'plenary-review':
    case 'public-input':
    case 'final':
      return 'convener';
    case 'published':
      return null;
  }
}

export type TransitionRefusal = 'not-allowed' | 'invalid-transition' | 'translations-incomplete' | 'empty';

export function changeState(
  from: DocumentState,
  to: DocumentState,
  allowed: boolean,
  content: { blockCount: number; translation: TranslationReport },
): Result<DomainEvent[], TransitionRefusal> {
  if (!allowed) return refuse('not-allowed');
  if (!TRANSITIONS[from].includes(to)) return refuse('invalid-transition');
  if (needsBothLanguages(to)) {
    if (content.blockCount === 0) return refuse('empty');
    if (!inStep(content.translation)) return refuse('translations-incomplete');
  }
  return ok([{ action: to === 'published' ? 'document.published' : 'document.state-changed', subjectType: 'document', subjectId: '', data: { from, to } }]);
}
