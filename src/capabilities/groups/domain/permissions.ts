import type { Actor } from '../../../kernel/actor.ts';
import type { Body, MembershipRole } from './body.ts';

export type BodyAccess = {
  actor: Actor;
  /** Convener of the process, or a site admin. */
  organizer: boolean;
  participantId: number | null;
  /** Has declared interests and accepted the current rules. */
  mayTakePart: boolean;
  role: MembershipRole | null;
};

export type BodyAction = 'join' | 'leave' | 'appoint' | 'set-role' | 'edit' | 'close' | 'reopen';

export type BodyRefusal = 'not-signed-in' | 'not-participant' | 'standing-incomplete' | 'already-member' | 'not-member' | 'appointed-only' | 'closed' | 'not-allowed';

/** Why `access` may not do `action` on `body`, or null when it may. */
export function refusalFor(access: BodyAccess, body: Pick<Body, 'membershipPolicy' | 'status'>, action: BodyAction): BodyRefusal | null {
  switch (action) {
    case 'join':
      if (access.actor.kind !== 'user') return 'not-signed-in';
      if (access.participantId === null) return 'not-participant';
      if (body.status === 'closed') return 'closed';
      if (access.role !== null) return 'already-member';
      if (body.membershipPolicy === 'appointed') return 'appointed-only';
      if (!access.mayTakePart) return 'standing-incomplete';
      return null;
    case 'leave':
      if (access.actor.kind !== 'user') return 'not-signed-in';
      return access.role === null ? 'not-member' : null;
    case 'appoint':
    case 'set-role':
      if (!access.organizer) return 'not-allowed';
      return body.status === 'closed' ? 'closed' : null;
    case 'edit':
      return access.organizer ? null : 'not-allowed';
    case 'close':
      if (!access.organizer) return 'not-allowed';
      return body.status === 'closed' ? 'closed' : null;
    case 'reopen':
      if (!access.organizer) return 'not-allowed';
      return body.status === 'active' ? 'not-allowed' : null;
  }
}

export function bodyCan(access: BodyAccess, body: Pick<Body, 'membershipPolicy' | 'status'>): Record<BodyAction, boolean> {
  const actions: BodyAction[] = ['join', 'leave', 'appoint', 'set-role', 'edit', 'close', 'reopen'];
  return Object.fromEntries(actions.map((a) => [a, refusalFor(access, body, a) === null])) as Record<BodyAction, boolean>;
}
