// Processing (fingerprints, groups) re-reads and regroups a whole period, so
// its cost grows with the period. In a flood it would otherwise run back to
// back, every two seconds, and take a core from the comment form. Paced, it
// takes at most this share of the time; a small period is never held back.
export const PROCESSING_SHARE = 0.1;
/** Intake's own debounce: a run is never asked for sooner than this after a comment. */
export const PROCESSING_DEBOUNCE_MS = 2000;

export type LastRun = { endedAt: number; tookMs: number };

/** The earliest time (ms since the epoch) the next run may start; 0 when it may start now. */
export function nextRunAllowedAt(last: LastRun | undefined, share = PROCESSING_SHARE): number {
  if (!last) return 0;
  const rest = last.tookMs * (1 / share - 1);
  return rest > PROCESSING_DEBOUNCE_MS ? last.endedAt + rest : 0;
}
