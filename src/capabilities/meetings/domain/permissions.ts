/** What Concert knows about the actor for one meeting. */
export type MeetingAccess = {
  signedIn: boolean;
  /** Convener of the process, or a site admin. */
  organizer: boolean;
  /** Facilitator (chair) of the meeting's body. */
  facilitator: boolean;
  participantId: number | null;
  /** Interests declared and the current rules accepted. */
  mayTakePart: boolean;
};

export type MeetingAction = 'schedule' | 'edit' | 'cancel' | 'manage-agenda' | 'run' | 'take-attendance' | 'edit-minutes' | 'approve-minutes' | 'manage-recordings' | 'register';

export const MEETING_ACTIONS: readonly MeetingAction[] = [
  'schedule',
  'edit',
  'cancel',
  'manage-agenda',
  'run',
  'take-attendance',
  'edit-minutes',
  'approve-minutes',
  'manage-recordings',
  'register',
];

export type MeetingPermissionRefusal = 'not-signed-in' | 'not-participant' | 'not-allowed';

/** Chairs the meeting: facilitates its body, or convenes the process. Organizing, never a louder voice. */
export const chairs = (a: MeetingAccess): boolean => a.organizer || a.facilitator;

/**
 * The convener and the body's facilitator schedule and run its meetings;
 * participants register. Everyone, signed in or not, follows: meetings are
 * public.
 */
export function meetingPermission(access: MeetingAccess, action: MeetingAction): MeetingPermissionRefusal | null {
  if (!access.signedIn) return 'not-signed-in';
  if (action === 'register') return access.participantId === null ? 'not-participant' : null;
  return chairs(access) ? null : 'not-allowed';
}

export function meetingCan(access: MeetingAccess): Record<MeetingAction, boolean> {
  return Object.fromEntries(MEETING_ACTIONS.map((a) => [a, meetingPermission(access, a) === null])) as Record<MeetingAction, boolean>;
}
