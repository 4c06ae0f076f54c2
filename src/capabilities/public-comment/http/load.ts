import type { Locale } from '../../../kernel/localized.ts';
import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { clientIp } from '../../../platform/http/middleware.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { loadVersion, textKey } from '../../documents/index.ts';
import { denied, loadProcess, type Process } from '../../processes/index.ts';
import { inputAccess } from '../commands/access.ts';
import { findPeriod } from '../db/periods.ts';
import { periodDocument, type PeriodDocument } from '../db/period-writes.ts';
import type { Period } from '../domain/period.ts';
import { inputRefusal, type InputAccess, type InputRefusal } from '../domain/permissions.ts';
import type { Passage } from '../views/parts.tsx';

export type LoadedPeriod = { process: Process; period: Period; doc: PeriodDocument };

/** The period named in the URL, in a process the actor may see. */
export async function loadPeriod(c: Ctx, deps: Pick<Deps, 'db'>): Promise<LoadedPeriod> {
  const { process } = await loadProcess(c, deps);
  const raw = c.req.param('periodId') ?? '';
  const period = /^\d{1,12}$/.test(raw) ? await findPeriod(deps.db, process.id, Number(raw)) : null;
  if (!period) throw new HttpProblem('not-found');
  const doc = await periodDocument(deps.db, period.documentId);
  if (!doc) throw new HttpProblem('not-found');
  return { process, period, doc };
}

// The comment form's POST is the one route a flood hits: the process and the
// period it names are kept a moment, so a submission costs one statement.
// Both change rarely (a period's times are fixed once scheduled), and the
// phase is still computed from the clock on every request. Submissions that
// arrive while it is being read wait for that one read instead of each
// starting their own.
const TARGET_TTL_MS = 2000;
const targets = new Map<string, { at: number; value: Promise<LoadedPeriod> }>();

export async function loadPeriodForSubmission(c: Ctx, deps: Pick<Deps, 'db'>): Promise<LoadedPeriod> {
  if (c.get('actor').kind !== 'anonymous') return loadPeriod(c, deps);
  const key = `${c.req.param('slug')}/${c.req.param('periodId')}`;
  const hit = targets.get(key);
  const now = performance.now();
  if (hit && now - hit.at < TARGET_TTL_MS) return hit.value;
  const value = loadPeriod(c, deps);
  if (targets.size > 500) targets.clear();
  targets.set(key, { at: now, value });
  // A refusal (no such period, a process not public) is not kept: the next request asks again.
  value.catch(() => {
    if (targets.get(key)?.value === value) targets.delete(key);
  });
  return value;
}

export const periodPath = (locale: Locale, l: { process: { slug: string }; period: { id: number } }, rest = '') => `/${locale}/p/${l.process.slug}/input/${l.period.id}${rest}`;

export async function accessOf(deps: Pick<Deps, 'db'>, c: Ctx, l: LoadedPeriod): Promise<InputAccess> {
  return inputAccess(deps.db, l.process, l.doc.bodyId, c.get('actor'));
}

/** Refusals as pages: sign in, forbidden, or a conflict in words. */
export function refusalProblem(c: Ctx, r: InputRefusal): HttpProblem {
  if (r === 'not-signed-in' || r === 'not-allowed') return denied(c);
  return new HttpProblem('conflict');
}

export function check(c: Ctx, access: InputAccess, action: Parameters<typeof inputRefusal>[1], phase: Parameters<typeof inputRefusal>[2]): void {
  const r = inputRefusal(access, action, phase);
  if (r) throw refusalProblem(c, r);
}

/** The passages of the version under consultation, with their text in each language. */
export async function passagesOf(deps: Pick<Deps, 'db'>, l: LoadedPeriod): Promise<Passage[]> {
  const loaded = await loadVersion(deps.db, l.doc.id, l.period.versionNumber, { html: false });
  if (!loaded) return [];
  return loaded.version.blocks.map((b) => {
    const text: Partial<Record<Locale, string>> = {};
    for (const lang of Object.keys(b.text) as Locale[]) text[lang] = loaded.texts.get(textKey(b.anchor, lang))?.plain ?? '';
    return { anchor: b.anchor, kind: b.kind, text };
  });
}

export const ipOf = (c: Ctx, deps: Deps) => clientIp(c, deps);
