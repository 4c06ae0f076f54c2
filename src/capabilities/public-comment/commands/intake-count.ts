import { countIntake, intakePerSecond, type IntakeCount } from '../domain/pace.ts';

// This node's intake, per period (domain/pace.ts): processing waits while it floods.
const counts = new Map<number, IntakeCount>();

export function noteIntake(periodId: number, now: number): void {
  let c = counts.get(periodId);
  if (!c) {
    if (counts.size > 1000) counts.clear();
    counts.set(periodId, (c = { second: 0, count: 0, previous: 0 }));
  }
  countIntake(c, now);
}

export const intakeRateOf = (periodId: number, now: number): number => intakePerSecond(counts.get(periodId), now);
