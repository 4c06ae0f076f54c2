import type { Actor } from '../../../kernel/actor.ts';
import type { PeriodPhase } from './period.ts';

/** What the actor is for one period: the convener (or a site admin), the chair of the document's body, or anyone. */
export type InputAccess = {
  actor: Actor;
  organizer: boolean;
  /** Facilitator of the body that owns the document under public input. */
  chair: boolean;
};

export type InputAction =
  | 'open-period' // schedule a period on a document in public input
  | 'change-period' // move a period's times, or its policy, until it closes
  | 'submit' // comment: anyone, without an account, while open
  | 'report' // "submitted in my name, not by me": anyone, any time
  | 'moderate' // approve / hide with a reason, handle reports
  | 'answer' // dispositions on comments and clusters
  | 'publish-report' // publish "what we heard"
  | 'import'; // bulk import of comments gathered elsewhere (also the CLI, as an operator)

export type InputRefusal = 'not-signed-in' | 'not-allowed' | 'not-open' | 'still-open' | 'closed';

/**
 * Pure permission rules, checked once in each command and reused by views to
 * show or hide a control. Moderation and answering belong to the people
 * accountable for the document: its body's chair and the convener.
 */
export function inputRefusal(access: InputAccess, action: InputAction, phase: PeriodPhase): InputRefusal | null {
  const staff = access.organizer || access.chair;
  switch (action) {
    case 'submit':
      return phase === 'open' ? null : 'not-open';
    case 'report':
      return null;
    case 'open-period':
      if (access.actor.kind !== 'user') return 'not-signed-in';
      return access.organizer ? null : 'not-allowed';
    case 'change-period':
      if (access.actor.kind !== 'user') return 'not-signed-in';
      if (!access.organizer) return 'not-allowed';
      return phase === 'closed' ? 'closed' : null;
    case 'moderate':
    case 'answer':
    case 'import':
      if (access.actor.kind !== 'user') return 'not-signed-in';
      return staff ? null : 'not-allowed';
    case 'publish-report':
      if (access.actor.kind !== 'user') return 'not-signed-in';
      if (!staff) return 'not-allowed';
      // The report answers a closed period: comments still arriving would be left out.
      return phase === 'closed' ? null : 'still-open';
  }
}

export const can = (access: InputAccess, action: InputAction, phase: PeriodPhase): boolean => inputRefusal(access, action, phase) === null;
