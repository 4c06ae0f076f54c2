// `npm run bench -- consensus`: a proposal with 10,000 members and 2,000
// objections. Measures, in the same run: one raw position INSERT (the limit),
// recording a position through Concert (authorization, history, tallies,
// audit log, one transaction) and re-evaluating the criteria, the
// re-evaluation alone (aggregates + the pure function), and, for contrast, a
// re-evaluation that reloads every position and objection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { start } from '../src/main.ts';
import type { Actor } from '../src/kernel/actor.ts';
import { createUser } from '../src/platform/auth/users.ts';
import { advanceProposal, createProposal, evaluate, evaluationOf, inputFor, proposalById, takePosition, type Stance } from '../src/capabilities/consensus/index.ts';
import { recordOfRound, talliesOf } from '../src/capabilities/consensus/db/queries.ts';
import { rebuildTallies } from '../src/capabilities/consensus/db/writes.ts';
import { aggregate } from '../src/capabilities/consensus/domain/criteria.ts';
import { bodyBySlug, createBody } from '../src/capabilities/groups/index.ts';
import { createProcess, currentRules, findProcessBySlug, publishProcess } from '../src/capabilities/processes/index.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const OBJECTIONS = Number(process.env.BENCH_OBJECTIONS ?? 2_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const WARMUP = 40;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-bench-consensus-'));
fs.chmodSync(dir, 0o755);
const running = await start(loadConfig({ CONCERT_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', CONCERT_LOG: 'quiet', CONCERT_SEED_DEMO: 'never' }));
const { db } = running.deps;
const deps = running.deps;

type Figures = { p50Ms: number; p95Ms: number; meanMs: number };
function figures(samples: number[]): Figures {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const round = (x: number) => Number(x.toFixed(3));
  return { p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), meanMs: round(s.reduce((a, b) => a + b, 0) / s.length) };
}
async function measure(label: string, n: number, run: (i: number) => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await run(WARMUP + i);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const f = figures(samples);
  console.log(`# ${label}: ${JSON.stringify(f)}`);
  return f;
}

let result: Record<string, unknown> = {};
try {
  // A process with one working group of MEMBERS members in good standing (bulk-loaded: setup is not what is measured).
  const t0 = Date.now();
  const admin = await createUser(db, { email: 'convener@bench.example', name: 'Convener', isAdmin: true });
  const convener: Actor = { kind: 'user', userId: admin.id, name: 'Convener', isAdmin: true };
  const lang = { en: 'Bench', fr: 'Banc' };
  const created = await createProcess(deps, convener, 'bench', {
    title: lang,
    summary: lang,
    scope: lang,
    convenerName: lang,
    officialLanguages: ['en', 'fr'],
    timeZone: 'America/Toronto',
  });
  if (!created.ok) throw new Error(created.refusal);
  let proc = (await findProcessBySlug(db, 'bench'))!;
  if (!(await createBody(deps, convener, proc, 'wg', { typeKey: 'working-group', name: lang, charter: lang, membershipPolicy: 'self-select' })).ok) throw new Error('body');
  if (!(await publishProcess(deps, convener, proc)).ok) throw new Error('publish');
  proc = (await findProcessBySlug(db, 'bench'))!;
  const body = (await bodyBySlug(db, proc.id, 'wg'))!;
  const rules = (await currentRules(db, proc.id))!;
  const cats = proc.stakeholderCategories.map((c) => c.key).filter((k) => k !== 'other');
  await sql`INSERT INTO users (email, name) SELECT 'm' || g || '@bench.example', 'Member ' || g FROM generate_series(1, ${MEMBERS}) g`.execute(db);
  await sql`
    INSERT INTO participants (process_id, user_id, display_name, category_key, representation)
    SELECT ${proc.id}, u.id, u.name, (${sql.val(cats)}::text[])[1 + (u.id % ${cats.length})], 'self' FROM users u WHERE u.email LIKE 'm%@bench.example'`.execute(db);
  await sql`INSERT INTO coi_declarations (participant_id, version, has_interests, text) SELECT id, 1, false, NULL FROM participants WHERE process_id = ${proc.id}`.execute(db);
  await sql`INSERT INTO rules_acceptances (participant_id, rules_version_id) SELECT id, ${rules.id} FROM participants WHERE process_id = ${proc.id}`.execute(db);
  await sql`INSERT INTO memberships (body_id, participant_id, role) SELECT ${body.id}, id, 'member' FROM participants WHERE process_id = ${proc.id}`.execute(db);
  const members = await db.selectFrom('participants').select(['id', 'userId', 'displayName']).where('processId', '=', proc.id).orderBy('id').execute();
  const actorOf = (m: (typeof members)[number]): Actor => ({ kind: 'user', userId: m.userId, name: m.displayName, isAdmin: false });

  const draft = await createProposal(deps, actorOf(members[0]!), proc, body, { kind: 'text', title: lang, text: lang, proposedCharter: null, link: null });
  if (!draft.ok) throw new Error(draft.refusal);
  const opened = await advanceProposal(deps, convener, proc, (await proposalById(db, proc.id, draft.value.id))!, 'open-discussion');
  if (!opened.ok) throw new Error(opened.refusal);
  const pid = draft.value.id;

  // Positions for 90 % of the members (some with a history), and OBJECTIONS objections in every status.
  await sql`
    INSERT INTO positions (proposal_id, participant_id, round, stance, reason, category_key, taken_at, superseded_at)
    SELECT ${pid}, p.id, 1, 'can-live', NULL, p.category_key, now() - interval '3 days', now() - interval '2 days'
    FROM participants p WHERE p.process_id = ${proc.id} AND p.id % 4 = 0`.execute(db);
  await sql`
    INSERT INTO positions (proposal_id, participant_id, round, stance, reason, category_key, taken_at)
    SELECT ${pid}, p.id, 1,
      CASE WHEN p.id % 100 = 7 THEN 'cannot' WHEN p.id % 3 = 0 THEN 'can-live' ELSE 'agree' END,
      CASE WHEN p.id % 100 = 7 THEN '{"en":"A reason"}'::jsonb END,
      p.category_key, now() - interval '1 day'
    FROM participants p WHERE p.process_id = ${proc.id} AND p.id % 10 <> 0`.execute(db);
  await sql`
    INSERT INTO objections (proposal_id, author_participant_id, text, status, round, raised_at, from_position)
    SELECT ${pid}, p.id, '{"en":"An objection"}'::jsonb,
      (ARRAY['discussed','discussed','standing','withdrawn','open'])[1 + (g % 5)], 1, now() - interval '1 day' - g * interval '1 second', false
    FROM generate_series(1, ${OBJECTIONS}) g JOIN participants p ON p.id = (SELECT min(id) FROM participants WHERE process_id = ${proc.id}) + (g % ${MEMBERS})`.execute(db);
  await rebuildTallies(db, pid);
  await sql`
    UPDATE proposals SET
      open_objections = (SELECT count(*) FROM objections WHERE proposal_id = ${pid} AND status = 'open'),
      discussed_objections = (SELECT count(*) FROM objections WHERE proposal_id = ${pid} AND status = 'discussed'),
      standing_objections = (SELECT count(*) FROM objections WHERE proposal_id = ${pid} AND status = 'standing'),
      withdrawn_objections = (SELECT count(*) FROM objections WHERE proposal_id = ${pid} AND status = 'withdrawn'),
      last_argument_at = (SELECT max(raised_at) FROM objections WHERE proposal_id = ${pid})
    WHERE id = ${pid}`.execute(db);
  await sql`ANALYZE`.execute(db);
  console.log(`# setup: ${MEMBERS} members, ${OBJECTIONS} objections, loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${os.cpus().length} cores`);

  const proposal = (await proposalById(db, proc.id, pid))!;
  const order = proc.stakeholderCategories.map((c) => c.key);
  // The aggregates kept with the proposal say what the full record says.
  const record = await recordOfRound(db, pid, 1);
  const reference = evaluate(inputFor(proposal, aggregate(record.positions, record.objections).tallies, proc.consensusSettings, order), running.deps.clock.now());
  const kept = await evaluationOf(db, proc, proposal, running.deps.clock.now());
  if (JSON.stringify(reference.criteria.support) !== JSON.stringify(kept.criteria.support)) throw new Error('aggregates differ from the record');
  console.log(`# positions in the record: ${record.positions.length}; objections: ${record.objections.length}; outcome now: ${kept.outcome}`);

  // The limit: one raw position INSERT, autocommitted (a history row, so it never collides with a current one).
  const insert = await measure('raw position INSERT', ITERATIONS, async (i) => {
    const m = members[i % members.length]!;
    await sql`INSERT INTO positions (proposal_id, participant_id, round, stance, category_key, taken_at, superseded_at) VALUES (${pid}, ${m.id}, 1, 'agree', 'industry', now(), now())`.execute(
      db,
    );
  });

  // Concert: record a position (changing each time) and re-evaluate the criteria, as members do.
  const stances: Stance[] = ['agree', 'can-live', 'agree', 'cannot'];
  const record_ = await measure('record a position and re-evaluate (Concert)', ITERATIONS, async (i) => {
    const m = members[(i * 37) % members.length]!;
    const stance = stances[i % stances.length]!;
    const r = await takePosition(deps, actorOf(m), proc, proposal, { stance, reason: stance === 'cannot' ? { en: `Reason ${i}` } : null });
    if (!r.ok && r.refusal !== 'unchanged') throw new Error(r.refusal);
  });

  // The re-evaluation alone: a handful of aggregate rows and the pure function.
  const fresh = (await proposalById(db, proc.id, pid))!;
  const evaluation = await measure('re-evaluate from the aggregates', ITERATIONS, async () => {
    await evaluationOf(db, proc, fresh, running.deps.clock.now());
  });
  const tallies = await talliesOf(db, pid);
  const pure = await measure('the pure function alone', ITERATIONS * 10, async () => {
    evaluate(inputFor(fresh, tallies, proc.consensusSettings, order), running.deps.clock.now());
  });

  // For contrast: reloading every position and objection to evaluate.
  const naive = await measure('re-evaluate by reloading the whole record', Math.max(20, Math.floor(ITERATIONS / 10)), async () => {
    const r = await recordOfRound(db, pid, 1);
    const a = aggregate(r.positions, r.objections);
    evaluate(inputFor({ ...fresh, objections: a.objections, lastArgumentAt: a.lastArgumentAt }, a.tallies, proc.consensusSettings, order), running.deps.clock.now());
  });

  result = {
    bench: 'consensus',
    members: MEMBERS,
    objections: OBJECTIONS,
    iterations: ITERATIONS,
    rawInsert: insert,
    recordAndEvaluate: record_,
    evaluateFromAggregates: evaluation,
    pureFunction: pure,
    evaluateByReloading: naive,
    // The aim: re-evaluating adds less than the INSERT itself (evaluation p95 ÷ INSERT p95 < 1).
    ratio: Number((evaluation.p95Ms / insert.p95Ms).toFixed(3)),
    recordAndEvaluateOverInsert: Number((record_.p95Ms / insert.p95Ms).toFixed(3)),
  };
} finally {
  await running.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
