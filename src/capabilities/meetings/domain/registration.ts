import type { Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { isInPerson, isOnline, type Meeting } from './meeting.ts';

export type RegistrationMode = 'in-person' | 'online';
export type RegistrationRefusal = 'not-signed-in' | 'not-participant' | 'meeting-over' | 'already-registered' | 'full' | 'mode-unavailable' | 'not-registered';

type Facts = Pick<Meeting, 'status' | 'capacity' | 'format' | 'onlineUrl' | 'livestreamUrl'> & { place: Localized };

/** The ways one can attend: in the room if there is a place, online if there is a link or a livestream. */
export function modesOf(m: Facts): RegistrationMode[] {
  const hasPlace = Object.values(m.place).some((v) => !!v?.trim());
  const out: RegistrationMode[] = [];
  if ((isInPerson(m.format) || m.format === 'workshop') && hasPlace) out.push('in-person');
  if (isOnline(m.format) || m.onlineUrl || m.livestreamUrl) out.push('online');
  return out;
}

/**
 * Registering, or changing how one attends. Seats in the room are limited by
 * the capacity; following online is not.
 */
export function register(m: Facts, current: RegistrationMode | null, inPersonCount: number, mode: RegistrationMode): Result<{ changed: boolean }, RegistrationRefusal> {
  if (m.status === 'ended' || m.status === 'cancelled') return refuse('meeting-over');
  if (!modesOf(m).includes(mode)) return refuse('mode-unavailable');
  if (current === mode) return refuse('already-registered');
  if (mode === 'in-person' && m.capacity !== null && inPersonCount >= m.capacity) return refuse('full');
  return ok({ changed: current !== null });
}

export function cancelRegistration(m: Pick<Meeting, 'status'>, current: RegistrationMode | null): Result<null, RegistrationRefusal> {
  if (m.status === 'ended' || m.status === 'cancelled') return refuse('meeting-over');
  if (current === null) return refuse('not-registered');
  return ok(null);
}

export function seatsLeft(m: Pick<Meeting, 'capacity'>, inPersonCount: number): number | null {
  return m.capacity === null ? null : Math.max(0, m.capacity - inPersonCount);
}
