import type { Actor } from '../../../kernel/actor.ts';
import type { DocumentState } from './document.ts';
import { actionHolder, isEditable } from './states.ts';

export type BodyRole = 'facilitator' | 'member' | 'observer';

export type DocumentAccess = {
  actor: Actor;
  /** Convener of the process, or a site admin. */
  organizer: boolean;
  participantId: number | null;
  /** Interests declared and current rules accepted (rule 6), needed to take part. */
  mayTakePart: boolean;
  /** Role in the body that owns the document. */
  bodyRole: BodyRole | null;
};

export type DocumentAction = 'create' | 'edit' | 'comment' | 'change-state' | 'moderate';

export type DocumentRefusal = 'not-signed-in' | 'not-participant' | 'standing-incomplete' | 'not-member' | 'frozen' | 'closed' | 'not-action-holder';

const drafting = (a: DocumentAccess) => a.bodyRole === 'facilitator' || a.bodyRole === 'member';

function takingPart(a: DocumentAccess): DocumentRefusal | null {
  if (a.actor.kind !== 'user') return 'not-signed-in';
  if (a.participantId === null) return 'not-participant';
  if (!a.mayTakePart) return 'standing-incomplete';
  return null;
}

/**
 * Who may do what to a document. The drafting body's members write and, in
 * drafting and working-group review, comment; from plenary review on, every
 * participant comments. The action holder moves the document along. The
 * public reads everything. The convener may always act.
 */
export function documentRefusal(access: DocumentAccess, state: DocumentState, action: DocumentAction): DocumentRefusal | null {
  switch (action) {
    case 'create':
      if (access.organizer) return null;
      return takingPart(access) ?? (drafting(access) ? null : 'not-member');
    case 'edit':
      if (!isEditable(state)) return 'frozen';
      if (access.organizer) return null;
      return takingPart(access) ?? (drafting(access) ? null : 'not-member');
    case 'comment':
      if (state === 'published') return 'closed';
      if (access.organizer) return null;
      if (state === 'draft' || state === 'wg-review') return takingPart(access) ?? (drafting(access) ? null : 'not-member');
      return takingPart(access);
    case 'change-state':
      if (state === 'published') return 'closed';
      if (access.organizer) return null;
      if (access.actor.kind !== 'user') return 'not-signed-in';
      if (actionHolder(state) === 'body-facilitators' && access.bodyRole === 'facilitator') return takingPart(access);
      return 'not-action-holder';
    case 'moderate':
      // Resolving anyone's comment: the chair (the body's facilitator) or the convener.
      if (access.organizer) return null;
      return access.bodyRole === 'facilitator' ? takingPart(access) : 'not-action-holder';
  }
}

export function documentCan(access: DocumentAccess, state: DocumentState): Record<DocumentAction, boolean> {
  const actions: DocumentAction[] = ['create', 'edit', 'comment', 'change-state', 'moderate'];
  return Object.fromEntries(actions.map((a) => [a, documentRefusal(access, state, a) === null])) as Record<DocumentAction, boolean>;
}

/** A comment thread is resolved (or reopened) by its author or the chair. */
export function mayResolve(access: DocumentAccess, authorUserId: number | null): boolean {
  if (access.actor.kind !== 'user') return false;
  return documentRefusal(access, 'draft', 'moderate') === null || (authorUserId !== null && access.actor.userId === authorUserId);
}
