import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { denied, loadProcess, type Process } from '../../processes/index.ts';
import { periodContext, type PeriodContext } from '../commands/period-context.ts';
import { can, type InputRefusal } from '../domain/permissions.ts';
import { answerMessages } from '../messages/answer.ts';
import type { PeriodView } from '../views/answer-parts.tsx';

export type LoadedPeriod = { process: Process; pc: PeriodContext; v: PeriodView; staff: boolean };

/** The period named in the URL, in a process the reader may see; 404 otherwise. */
export async function loadPeriod(c: Ctx, deps: Pick<Deps, 'db' | 'clock'>): Promise<LoadedPeriod> {
  const { process } = await loadProcess(c, deps);
  const id = c.req.param('periodId') ?? '';
  const pc = /^\d{1,12}$/.test(id) ? await periodContext(deps.db, process, Number(id), c.get('actor'), deps.clock.now()) : null;
  if (!pc) throw new HttpProblem('not-found');
  // Those who answer (the chair and the convener) see every comment with its status.
  const staff = can(pc.access, 'answer', pc.phase);
  const v: PeriodView = {
    processSlug: process.slug,
    processTitle: process.title,
    docSlug: pc.doc.slug,
    docTitle: pc.doc.title,
    periodId: pc.period.id,
    timeZone: pc.period.timeZone,
    staff,
  };
  return { process, pc, v, staff };
}

/** A refused permission as a page in the reader's language. */
export function inputProblem(c: Ctx, refusal: InputRefusal): HttpProblem {
  if (refusal === 'not-signed-in') return new HttpProblem('sign-in');
  if (refusal === 'not-allowed') return denied(c);
  return new HttpProblem('conflict', refusal === 'still-open' ? answerMessages(c.get('locale')).stillOpen : undefined);
}

export function pageParam(c: Ctx): number {
  const raw = c.req.query('page');
  if (raw === undefined) return 1;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw new HttpProblem('bad-request');
  return Number(raw);
}
