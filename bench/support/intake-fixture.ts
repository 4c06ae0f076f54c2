// An open public input period on a bilingual document, made through the real
// commands (as a convener would): for the intake benchmark and the kill test.
import { randomBytes } from 'node:crypto';
import { systemClock } from '../../src/kernel/clock.ts';
import type { Db } from '../../src/platform/database/connect.ts';
import { createUser } from '../../src/platform/auth/users.ts';
import { createProcess, findProcessBySlug, publishProcess } from '../../src/capabilities/processes/index.ts';
import { bodyBySlug, createBody } from '../../src/capabilities/groups/index.ts';
import { changeDocumentState, createDocument, documentBySlug, saveDocument } from '../../src/capabilities/documents/index.ts';
import { DEFAULT_POLICY, schedulePeriod } from '../../src/capabilities/public-comment/index.ts';

export type OpenPeriod = { processSlug: string; periodId: number; path: string };

export async function openPeriodFixture(db: Db, o: { requireVerifiedEmail?: boolean } = {}): Promise<OpenPeriod> {
  const deps = { db, clock: systemClock };
  const tag = randomBytes(4).toString('hex');
  const { id } = await createUser(db, { email: `convener-${tag}@example.org`, name: 'Convener', isAdmin: true });
  const actor = { kind: 'user' as const, userId: id, name: 'Convener', isAdmin: true };
  const slug = `intake-${tag}`;
  const created = await createProcess(deps, actor, slug, {
    title: { en: 'Intake', fr: 'Réception' },
    summary: { en: 'S', fr: 'S' },
    scope: { en: 'S', fr: 'S' },
    convenerName: { en: 'C', fr: 'C' },
    officialLanguages: ['en', 'fr'],
    timeZone: 'America/Toronto',
  });
  if (!created.ok) throw new Error(created.refusal);
  const published = await publishProcess(deps, actor, (await findProcessBySlug(db, slug))!);
  if (!published.ok) throw new Error(published.refusal);
  const process = (await findProcessBySlug(db, slug))!;
  const body = await createBody(deps, actor, process, 'wg', { typeKey: 'working-group', name: { en: 'WG', fr: 'GT' }, charter: { en: 'C', fr: 'C' }, membershipPolicy: 'open' });
  if (!body.ok) throw new Error(body.refusal);
  const b = (await bodyBySlug(db, process.id, 'wg'))!;
  const doc = await createDocument(deps, actor, process, b, {
    slug: 'report',
    type: 'report',
    title: { en: 'Report', fr: 'Rapport' },
    lang: 'en',
    markdown: '# Security\n\nDevices should be secure.\n\nUpdates matter.\n',
  });
  if (!doc.ok) throw new Error(doc.refusal);
  let d = (await documentBySlug(db, process.id, 'report'))!;
  const fr = await saveDocument(deps, actor, process, d, {
    lang: 'fr',
    markdown: '# Sécurité\n\nLes appareils doivent être sûrs.\n\nLes mises à jour comptent.\n',
    title: d.title,
    type: d.type,
    baseVersion: d.currentVersion,
    note: null,
  });
  if (!fr.ok) throw new Error(fr.refusal);
  for (const to of ['plenary-review', 'public-input'] as const) {
    d = (await documentBySlug(db, process.id, 'report'))!;
    const r = await changeDocumentState(deps, actor, process, d, to);
    if (!r.ok) throw new Error(r.refusal);
  }
  d = (await documentBySlug(db, process.id, 'report'))!;
  const now = Date.now();
  const period = await schedulePeriod(deps, actor, process, d, {
    startsAt: new Date(now - 60_000),
    endsAt: new Date(now + 30 * 86_400_000),
    timeZone: 'America/Toronto',
    allowAnonymous: true,
    requireVerifiedEmail: o.requireVerifiedEmail ?? false,
    moderation: 'post',
    policy: DEFAULT_POLICY,
  });
  if (!period.ok) throw new Error(period.refusal);
  return { processSlug: slug, periodId: period.value.id, path: `/en/p/${slug}/input/${period.value.id}` };
}

/** One synthetic submission: distinct text, email and key. */
export function submission(i: number, runTag: string): Record<string, string> {
  return {
    name: `Person ${i}`,
    category: ['industry', 'academia', 'civil-society', 'consumers'][i % 4]!,
    email: `p${i}-${runTag}@example.org`,
    lang: i % 3 === 0 ? 'fr' : 'en',
    body: `Comment ${i} of run ${runTag}: devices should receive security updates for their whole life, and labels should say for how long.`,
    signatories: '1',
  };
}
