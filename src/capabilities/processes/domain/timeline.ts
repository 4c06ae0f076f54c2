import { dateFormat } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';

/** Calendar days as 'YYYY-MM-DD'. Multistakeholder work moves slowly: each phase carries a buffer. */
export type Phase = {
  id: number;
  position: number;
  kind: 'phase' | 'milestone';
  name: Localized;
  plannedStart: string;
  plannedEnd: string;
  bufferDays: number;
  actualEnd: string | null;
  forecastEnd: string | null;
};

export type PhaseState = 'upcoming' | 'in-progress' | 'done';
export type Slippage = 'none' | 'within-buffer' | 'beyond-buffer';

export type PhaseView = Phase & {
  state: PhaseState;
  /** The end that counts: actual, else forecast, else planned. */
  expectedEnd: string;
  deadline: string;
  slipDays: number;
  slippage: Slippage;
};

const DAY = 86_400_000;
const toDays = (d: string) => Math.round(Date.parse(d + 'T00:00:00Z') / DAY);
export const addDays = (d: string, n: number) => new Date((toDays(d) + n) * DAY).toISOString().slice(0, 10);

/** Today in the process's time zone, as a calendar day. */
export function today(now: Date, timeZone: string): string {
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function viewPhase(p: Phase, todayIs: string): PhaseView {
  const expectedEnd = p.actualEnd ?? p.forecastEnd ?? p.plannedEnd;
  const deadline = addDays(p.plannedEnd, p.bufferDays);
  // A phase still open past its planned end slips day by day even without a forecast.
  const openEnd = !p.actualEnd && !p.forecastEnd && toDays(todayIs) > toDays(p.plannedEnd) ? todayIs : expectedEnd;
  const slipDays = Math.max(0, toDays(openEnd) - toDays(p.plannedEnd));
  const slippage: Slippage = slipDays === 0 ? 'none' : slipDays <= p.bufferDays ? 'within-buffer' : 'beyond-buffer';
  const state: PhaseState = p.actualEnd ? 'done' : toDays(todayIs) < toDays(p.plannedStart) ? 'upcoming' : 'in-progress';
  return { ...p, state, expectedEnd: openEnd, deadline, slipDays, slippage };
}

export function timeline(phases: Phase[], todayIs: string): PhaseView[] {
  return [...phases].sort((a, b) => a.position - b.position || a.plannedStart.localeCompare(b.plannedStart)).map((p) => viewPhase(p, todayIs));
}

export type PhaseInput = {
  kind: 'phase' | 'milestone';
  name: Localized;
  plannedStart: string;
  plannedEnd: string;
  bufferDays: number;
  actualEnd: string | null;
  forecastEnd: string | null;
};

export type PhaseRefusal = 'end-before-start' | 'milestone-spans-days' | 'actual-before-start';

export function checkPhase(input: PhaseInput): PhaseRefusal | null {
  if (toDays(input.plannedEnd) < toDays(input.plannedStart)) return 'end-before-start';
  if (input.kind === 'milestone' && input.plannedEnd !== input.plannedStart) return 'milestone-spans-days';
  if (input.actualEnd && toDays(input.actualEnd) < toDays(input.plannedStart)) return 'actual-before-start';
  return null;
}
