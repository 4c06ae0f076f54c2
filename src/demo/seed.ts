import type { Actor } from '../kernel/actor.ts';
import type { Clock } from '../kernel/clock.ts';
import { createUser } from '../platform/auth/users.ts';
import type { Db } from '../platform/database/connect.ts';
import { transact } from '../platform/commands.ts';
import { appointMember, bodyBySlug, createBody, joinBody } from '../capabilities/groups/index.ts';
import { joinProcess } from '../capabilities/participants/index.ts';
import { createProcess, currentRules, findProcessBySlug, publishProcess, savePhase, type Process } from '../capabilities/processes/index.ts';
import * as demo from './data.ts';
import { seedConsensusDemo } from './consensus.ts';
import { seedDocuments } from './documents.ts';
import { seedMeetings } from './meetings.ts';
import { seedPublicInput } from './public-input.ts';
import { seedAnswers } from './answers.ts';
import { must } from './must.ts';

export const DEMO_CONVENER_EMAIL = 'convener@concert.example';

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('processes').select('id').limit(1).executeTakeFirst());
}

/**
 * The demo process "Enhancing IoT Security", built through the same commands
 * people use, so it carries a real activity log.
 */
export async function seedDemo(outer: { db: Db; clock: Clock }): Promise<void> {
  // One transaction: an interrupted first start leaves no half-built demo behind.
  await transact(outer.db, (db) => seedInto({ db, clock: outer.clock }));
}

async function seedInto(deps: { db: Db; clock: Clock }): Promise<void> {
  const { db } = deps;
  if (await findProcessBySlug(db, demo.process.slug)) throw new Error(`A process at /p/${demo.process.slug} already exists.`);
  const convenerUser = await createUser(db, { email: DEMO_CONVENER_EMAIL, name: 'Demo Convener', isAdmin: true });
  const convener: Actor = { kind: 'user', userId: convenerUser.id, name: 'Demo Convener', isAdmin: true };

  must(
    await createProcess(deps, convener, demo.process.slug, {
      title: demo.process.title,
      summary: demo.process.summary,
      scope: demo.process.scope,
      convenerName: demo.process.convenerName,
      officialLanguages: ['en', 'fr'],
      timeZone: 'America/Toronto',
    }),
    'create process',
  );
  let process = (await findProcessBySlug(db, demo.process.slug))!;
  for (const p of demo.phases) {
    must(
      await savePhase(deps, convener, process, null, {
        kind: p.kind,
        name: p.name,
        plannedStart: p.start,
        plannedEnd: p.end,
        bufferDays: p.buffer,
        actualEnd: p.actual,
        forecastEnd: null,
      }),
      'phase',
    );
  }
  for (const b of demo.bodies) {
    must(await createBody(deps, convener, process, b.slug, { typeKey: b.typeKey, name: b.name, charter: b.charter, membershipPolicy: b.policy }), `body ${b.slug}`);
  }
  must(await publishProcess(deps, convener, process), 'publish');
  process = (await findProcessBySlug(db, demo.process.slug))!;
  const rules = (await currentRules(db, process.id))!;

  const join = async (actor: Actor & { kind: 'user' }, person: demo.DemoPerson) =>
    must(
      await joinProcess(deps, actor, process, {
        profile: {
          displayName: person.name,
          categoryKey: person.category,
          categoryOther: person.other ?? null,
          affiliation: person.affiliation,
          representation: person.org ? 'organization' : 'self',
          organization: person.org ?? null,
        },
        acceptedRulesVersion: rules.version,
        declaration: person.interests ? { hasInterests: true, text: person.interests } : { hasInterests: false, text: null },
      }),
      `join ${person.name}`,
    ).participantId;

  // The convener takes part like anyone else, on behalf of the Internet Society.
  const convenerPid = await join(convener, {
    name: 'Internet Society delegate (demo)',
    category: 'technical-community',
    affiliation: 'Internet Society',
    org: 'Internet Society',
    bodies: [],
  });
  const bodyCache = new Map<string, NonNullable<Awaited<ReturnType<typeof bodyBySlug>>>>();
  const body = async (slug: string) => {
    if (!bodyCache.has(slug)) bodyCache.set(slug, (await bodyBySlug(db, process.id, slug))!);
    return bodyCache.get(slug)!;
  };
  must(await appointMember(deps, convener, process, await body('oversight-committee'), convenerPid, 'member'), 'appoint convener');
  must(await appointMember(deps, convener, process, await body('multistakeholder-group'), convenerPid, 'facilitator'), 'msg facilitator');

  const everyone = [...demo.delegates, ...demo.people()];
  for (const [i, person] of everyone.entries()) {
    const email = `demo-${i + 1}@concert.example`;
    const { id } = await createUser(db, { email, name: person.name, isAdmin: false, locale: i % 3 === 0 ? 'fr' : 'en' });
    const actor = { kind: 'user' as const, userId: id, name: person.name, isAdmin: false };
    const pid = await join(actor, person);
    for (const slug of person.bodies) {
      const b = await body(slug);
      if (b.membershipPolicy === 'appointed') must(await appointMember(deps, convener, process, b, pid, 'member'), `appoint ${person.name}`);
      else must(await joinBody(deps, actor, process, b, 'member'), `join ${slug}`);
    }
    if (person.facilitates) must(await appointMember(deps, convener, process, await body(person.facilitates), pid, 'facilitator'), 'facilitator');
  }
  await seedConsensusDemo(deps, process);
  await seedDocuments(deps, convener);
  await seedMeetings(deps, convener, process);
  // ---- Public input (issue 6): the draft report's period and a few comments ----
  await seedPublicInput(deps, convener, process);
  // ---- Public input (issue 6), answering: processed, first dispositions ----
  await seedAnswers(deps, convener, process);
}
