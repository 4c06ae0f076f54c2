import type { Actor } from '../../src/kernel/actor.ts';
import { changeDocumentState, documentBySlug } from '../../src/capabilities/documents/index.ts';
import { DEFAULT_POLICY, findPeriod, schedulePeriod, type PeriodInput } from '../../src/capabilities/public-comment/index.ts';
import type { Process } from '../../src/capabilities/processes/index.ts';
import { drainJobs } from '../../src/platform/jobs/queue.ts';
import { jobRegistry } from '../../src/jobs.ts';
import type { TestApp } from './app.ts';
import { XSS, makeBody, makeDocument, makeProcess } from './factories.ts';

export const DOC_EN = `# Security ${XSS}

Devices should be built with security at the forefront.

Manufacturers should support devices with security updates.
`;
export const DOC_FR = `# Sécurité ${XSS}

Les appareils doivent être conçus en plaçant la sécurité au premier plan.

Les fabricants doivent soutenir les appareils par des mises à jour de sécurité.
`;

/** Runs every due job now, as the workers would. */
export function drain(t: TestApp) {
  return drainJobs({ db: t.db, clock: t.clock, log: t.deps.log, mailer: t.deps.mailer, publicUrl: t.deps.publicUrl }, jobRegistry());
}

/** A bilingual document in public input with a period scheduled a minute from now (open it by moving the clock). */
export async function makePeriod(
  t: TestApp,
  o: Partial<PeriodInput> & { open?: boolean } = {},
): Promise<{ process: Process; convener: Actor & { kind: 'user' }; docSlug: string; periodId: number; base: string }> {
  const { process, convener } = await makeProcess(t.deps);
  const body = await makeBody(t.deps, process, convener);
  const docSlug = await makeDocument(t.deps, process, convener, body, { en: DOC_EN, fr: DOC_FR });
  for (const to of ['plenary-review', 'public-input'] as const) {
    const doc = (await documentBySlug(t.db, process.id, docSlug))!;
    const r = await changeDocumentState(t.deps, convener, process, doc, to);
    if (!r.ok) throw new Error(r.refusal);
  }
  const doc = (await documentBySlug(t.db, process.id, docSlug))!;
  const now = t.clock.now();
  const r = await schedulePeriod(t.deps, convener, process, doc, {
    startsAt: new Date(now.getTime() + 60_000),
    endsAt: new Date(now.getTime() + 30 * 86_400_000),
    timeZone: 'America/Toronto',
    allowAnonymous: true,
    requireVerifiedEmail: false,
    moderation: 'post',
    policy: DEFAULT_POLICY,
    ...o,
  });
  if (!r.ok) throw new Error(r.refusal);
  if (o.open !== false) {
    t.clock.advance(120_000);
    await drain(t);
    const p = await findPeriod(t.db, process.id, r.value.id);
    if (!p?.openedAt) throw new Error('period did not open');
  }
  return { process, convener, docSlug, periodId: r.value.id, base: `/p/${process.slug}/input/${r.value.id}` };
}

/** A minimal real PDF (header, one empty page, trailer). */
export function pdfBytes(extra = ''): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n${extra}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');
}
