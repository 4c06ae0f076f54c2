// A Concert server for the live benchmark: embedded PostgreSQL in a temporary
// folder, no demo, and one meeting in progress: a facilitator, ten
// participants with their hands raised, the queue open. Prints
// "READY <url> <scene as JSON>".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { start } from '../../src/main.ts';
import { appointMember, bodyBySlug, createBody } from '../../src/capabilities/groups/index.ts';
import { changeMeetingStatus, meetingById, scheduleMeeting } from '../../src/capabilities/meetings/index.ts';
import { joinProcess } from '../../src/capabilities/participants/index.ts';
import { createProcess, currentRules, findProcessBySlug, publishProcess } from '../../src/capabilities/processes/index.ts';
import { raiseHand, setQueueOpen } from '../../src/capabilities/speaking-queue/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { createUser } from '../../src/platform/auth/users.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-bench-'));
fs.chmodSync(dir, 0o755);
const running = await start(
  loadConfig({ CONCERT_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', CONCERT_LOG: 'quiet', CONCERT_SEED_DEMO: 'never', DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10' }),
);
const deps = { db: running.deps.db, clock: running.deps.clock };
const must = <T>(r: { ok: true; value: T } | { ok: false; refusal: string }, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.refusal}`);
  return r.value;
};

const admin = await createUser(deps.db, { email: 'convener@bench.example', name: 'Convener', isAdmin: true });
const convener = { kind: 'user' as const, userId: admin.id, name: 'Convener', isAdmin: true };
const text = (en: string) => ({ en, fr: `${en} (fr)` });
must(
  await createProcess(deps, convener, 'bench', {
    title: text('Bench process'),
    summary: text('Summary'),
    scope: text('Scope'),
    convenerName: text('Convener'),
    officialLanguages: ['en', 'fr'],
    timeZone: 'America/Toronto',
  }),
  'process',
);
must(
  await createBody(deps, convener, (await findProcessBySlug(deps.db, 'bench'))!, 'msg', {
    typeKey: 'multistakeholder-group',
    name: text('Multistakeholder Group'),
    charter: text('Charter'),
    membershipPolicy: 'open',
  }),
  'body',
);
must(await publishProcess(deps, convener, (await findProcessBySlug(deps.db, 'bench'))!), 'publish');
const proc = (await findProcessBySlug(deps.db, 'bench'))!;
const rules = (await currentRules(deps.db, proc.id))!;
const categories = ['technical-community', 'industry', 'government', 'consumers', 'academia', 'civil-society'];
const people: Array<{ userId: number; participantId: number; name: string; session: string }> = [];
for (let i = 0; i <= PEOPLE; i++) {
  const name = i === 0 ? 'Facilitator' : `Participant ${i}`;
  const { id } = await createUser(deps.db, { email: `p${i}@bench.example`, name, isAdmin: false });
  const actor = { kind: 'user' as const, userId: id, name, isAdmin: false };
  const { participantId } = must(
    await joinProcess(deps, actor, proc, {
      profile: { displayName: name, categoryKey: categories[i % categories.length]!, categoryOther: null, affiliation: null, representation: 'self', organization: null },
      acceptedRulesVersion: rules.version,
      declaration: i % 3 ? { hasInterests: false, text: null } : { hasInterests: true, text: 'Works for a maker of connected devices.' },
    }),
    'join',
  );
  people.push({ userId: id, participantId, name, session: await createSession(deps.db, id, 'bench', deps.clock.now()) });
}
const body = (await bodyBySlug(deps.db, proc.id, 'msg'))!;
must(await appointMember(deps, convener, proc, body, people[0]!.participantId, 'facilitator'), 'facilitator');
const today = new Date().toISOString().slice(0, 10);
const [meetingId] = must(
  await scheduleMeeting(
    deps,
    convener,
    proc,
    body,
    {
      format: 'webinar',
      title: text('Bench webinar'),
      description: {},
      date: today,
      startTime: '00:00',
      endTime: '23:59',
      timeZone: 'UTC',
      place: {},
      onlineUrl: 'https://meet.example.org/x',
      livestreamUrl: null,
      capacity: null,
    },
    null,
  ),
  'meeting',
).meetingIds;
const fac = { kind: 'user' as const, userId: people[0]!.userId, name: 'Facilitator', isAdmin: false };
must(await changeMeetingStatus(deps, fac, proc, (await meetingById(deps.db, proc.id, meetingId!))!, 'start'), 'start');
must(await setQueueOpen(deps, fac, proc, (await meetingById(deps.db, proc.id, meetingId!))!, true), 'open');
for (const p of people.slice(1))
  must(await raiseHand(deps, { kind: 'user', userId: p.userId, name: p.name, isAdmin: false }, proc, (await meetingById(deps.db, proc.id, meetingId!))!), 'raise');

const scene = {
  meetingPath: `/en/p/bench/meetings/${meetingId}`,
  facilitator: people[0]!.session,
  people: people.slice(1).map((p) => ({ participantId: p.participantId, session: p.session })),
};
console.log(`READY ${running.url.replace('localhost', '127.0.0.1')} ${JSON.stringify(scene)}`);
const stop = async () => {
  await running.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
