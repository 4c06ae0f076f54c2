import type { Actor } from '../../../kernel/actor.ts';
import type { ProposalStatus } from './proposal.ts';

/** What Concert knows about the actor in the body a proposal belongs to. */
export type ConsensusAccess = {
  actor: Actor;
  /** Convener of the process, or a site admin. */
  organizer: boolean;
  participantId: number | null;
  /** Interests declared and the current rules accepted (rule 6). */
  mayTakePart: boolean;
  role: 'facilitator' | 'member' | 'observer' | null;
};

export type ConsensusAction = 'view-draft' | 'propose' | 'edit-draft' | 'chair' | 'take-position' | 'raise-objection' | 'respond' | 'minority-statement' | 'file-information';

export type ConsensusRefusal =
  | 'not-signed-in'
  | 'not-participant'
  | 'standing-incomplete'
  | 'not-member'
  | 'observer'
  | 'not-chair'
  | 'not-author'
  | 'not-in-minority'
  | 'wrong-status'
  | 'body-closed';

export type Situation = {
  status: ProposalStatus | null;
  isAuthor?: boolean;
  bodyClosed?: boolean;
  inMinority?: boolean;
};

/** The chair is the body's facilitator or a convener. A chair organizes; the chair's own position weighs the same as anyone's. */
export const isChair = (a: ConsensusAccess): boolean => a.organizer || a.role === 'facilitator';

/** A member in good standing: the only people who take positions. Observers and the public follow. */
function memberRefusal(a: ConsensusAccess): ConsensusRefusal | null {
  if (a.actor.kind !== 'user') return 'not-signed-in';
  if (a.participantId === null) return 'not-participant';
  if (a.role === null) return 'not-member';
  if (a.role === 'observer') return 'observer';
  if (!a.mayTakePart) return 'standing-incomplete';
  return null;
}

const statusIn = (s: Situation, ...allowed: ProposalStatus[]) => s.status !== null && allowed.includes(s.status);

/** Why `a` may not do `action` in situation `s`, or null when it may. */
export function refusalFor(a: ConsensusAccess, action: ConsensusAction, s: Situation): ConsensusRefusal | null {
  switch (action) {
    case 'view-draft':
      if (s.status !== 'drafting') return null;
      return isChair(a) || a.role !== null || s.isAuthor ? null : 'not-member';
    case 'propose':
      if (a.actor.kind !== 'user') return 'not-signed-in';
      if (s.bodyClosed) return 'body-closed';
      return a.organizer ? null : memberRefusal(a);
    case 'edit-draft':
      if (a.actor.kind !== 'user') return 'not-signed-in';
      if (!(isChair(a) || s.isAuthor)) return 'not-author';
      return statusIn(s, 'drafting') ? null : 'wrong-status';
    case 'chair':
      if (a.actor.kind !== 'user') return 'not-signed-in';
      return isChair(a) ? null : 'not-chair';
    case 'take-position':
    case 'raise-objection':
      return memberRefusal(a) ?? (statusIn(s, 'discussion', 'call') ? null : 'wrong-status');
    case 'respond':
      return memberRefusal(a) ?? (statusIn(s, 'call', 'decided', 'closed') ? null : 'wrong-status');
    case 'minority-statement':
      return memberRefusal(a) ?? (statusIn(s, 'call', 'decided', 'closed') ? null : 'wrong-status') ?? (s.inMinority ? null : 'not-in-minority');
    case 'file-information':
      if (a.actor.kind !== 'user') return 'not-signed-in';
      if (a.participantId === null) return 'not-participant';
      if (!a.mayTakePart) return 'standing-incomplete';
      return statusIn(s, 'decided', 'closed') ? null : 'wrong-status';
  }
}

export const ACTIONS: readonly ConsensusAction[] = [
  'view-draft',
  'propose',
  'edit-draft',
  'chair',
  'take-position',
  'raise-objection',
  'respond',
  'minority-statement',
  'file-information',
];

export function consensusCan(a: ConsensusAccess, s: Situation): Record<ConsensusAction, boolean> {
  return Object.fromEntries(ACTIONS.map((x) => [x, refusalFor(a, x, s) === null])) as Record<ConsensusAction, boolean>;
}
