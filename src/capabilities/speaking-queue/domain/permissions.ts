/** What Concert knows about the actor in one meeting, for the speaker queue. */
export type QueueAccess = {
  signedIn: boolean;
  participantId: number | null;
  /** Interests declared and the current rules accepted (rule 6). */
  mayTakePart: boolean;
  /** The facilitator of the meeting's body, or a convener of the process. */
  facilitator: boolean;
};

export type QueueAction =
  | 'follow'
  | 'raise-hand'
  | 'lower-hand'
  | 'add-in-room'
  | 'remove-hand'
  | 'give-floor'
  | 'end-turn'
  | 'move-up'
  | 'set-time-limit'
  | 'open-queue'
  | 'close-queue'
  | 'set-policy';

export const QUEUE_ACTIONS: readonly QueueAction[] = [
  'follow',
  'raise-hand',
  'lower-hand',
  'add-in-room',
  'remove-hand',
  'give-floor',
  'end-turn',
  'move-up',
  'set-time-limit',
  'open-queue',
  'close-queue',
  'set-policy',
];

export type PermissionRefusal = 'not-signed-in' | 'not-participant' | 'standing-incomplete' | 'not-facilitator';

/**
 * Who may do what with the queue. Everyone follows; participants in good
 * standing raise their own hand; only the facilitator orders the floor. There
 * is no action by which anyone, facilitator included, takes the floor alone:
 * the floor is given, from the queue.
 */
export function queuePermission(access: QueueAccess, action: QueueAction): PermissionRefusal | null {
  switch (action) {
    case 'follow':
      return null;
    case 'raise-hand':
      if (!access.signedIn) return 'not-signed-in';
      if (access.participantId === null) return 'not-participant';
      return access.mayTakePart ? null : 'standing-incomplete';
    case 'lower-hand':
      if (!access.signedIn) return 'not-signed-in';
      return access.participantId === null ? 'not-participant' : null;
    default:
      if (!access.signedIn) return 'not-signed-in';
      return access.facilitator ? null : 'not-facilitator';
  }
}

export function queueCan(access: QueueAccess): Record<QueueAction, boolean> {
  return Object.fromEntries(QUEUE_ACTIONS.map((a) => [a, queuePermission(access, a) === null])) as Record<QueueAction, boolean>;
}
