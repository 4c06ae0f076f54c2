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

// A flood is the form's time: while a node takes this many comments a second
// for one period, processing that period waits for the flood to pass (it
// would take CPU from the form: measured, about a tenth of the comments a
// second), but never leaves a comment unprocessed longer than FLOOD_MAX_WAIT_MS.
export const FLOOD_PER_SECOND = 200;
export const FLOOD_MAX_WAIT_MS = 120_000;

/** Comments taken in the current second and the one before (one per period, per node). */
export type IntakeCount = { second: number; count: number; previous: number };

/** Counts one comment taken at `now` (ms since the epoch), in place. */
export function countIntake(c: IntakeCount, now: number): void {
  const s = Math.floor(now / 1000);
  if (s !== c.second) {
    c.previous = s === c.second + 1 ? c.count : 0;
    c.second = s;
    c.count = 0;
  }
  c.count++;
}

/** Comments a second at `now`: the last whole second, or the current one once it has more. */
export function intakePerSecond(c: IntakeCount | undefined, now: number): number {
  if (!c) return 0;
  const s = Math.floor(now / 1000);
  if (s === c.second) return Math.max(c.previous, c.count);
  return s === c.second + 1 ? c.count : 0;
}

/** Whether this many comments a second is a flood. */
export const inFlood = (perSecond: number): boolean => perSecond >= FLOOD_PER_SECOND;

/** Whether processing should wait for a flood to pass, given the intake rate and the oldest comment still to process. */
export function waitsForFlood(perSecond: number, oldestWaiting: Date | null, now: number): boolean {
  return inFlood(perSecond) && oldestWaiting !== null && now - oldestWaiting.getTime() < FLOOD_MAX_WAIT_MS;
}
