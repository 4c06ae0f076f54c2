import type { Actor } from '../../../kernel/actor.ts';
import type { Process } from './process.ts';

/** What Concert knows about the actor in one process. */
export type ProcessAccess = {
  actor: Actor;
  isConvener: boolean;
  participantId: number | null;
};

export type ProcessAction = 'view' | 'edit' | 'publish' | 'join' | 'manage-bodies' | 'edit-rules' | 'edit-timeline';

export const isAdmin = (actor: Actor): boolean => actor.kind === 'user' && actor.isAdmin;

export function canCreateProcess(actor: Actor): boolean {
  return isAdmin(actor);
}

/**
 * One table of who may do what in a process. Commands check it; views use the
 * same answers to show or hide controls. No role gives a louder voice: these
 * are organizing permissions, never weights.
 */
export function canInProcess(access: ProcessAccess, process: Pick<Process, 'status'>, action: ProcessAction): boolean {
  const organizer = access.isConvener || isAdmin(access.actor);
  switch (action) {
    case 'view':
      return process.status === 'published' || organizer;
    case 'edit':
    case 'manage-bodies':
    case 'edit-rules':
    case 'edit-timeline':
      return organizer;
    case 'publish':
      return organizer && process.status === 'draft';
    case 'join':
      return access.actor.kind === 'user' && access.participantId === null && (process.status === 'published' || organizer);
  }
}

export function processCan(access: ProcessAccess, process: Pick<Process, 'status'>): Record<ProcessAction, boolean> {
  const actions: ProcessAction[] = ['view', 'edit', 'publish', 'join', 'manage-bodies', 'edit-rules', 'edit-timeline'];
  return Object.fromEntries(actions.map((a) => [a, canInProcess(access, process, a)])) as Record<ProcessAction, boolean>;
}
