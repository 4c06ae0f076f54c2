import { sql } from 'kysely';
import type { Db } from '../../../platform/database/connect.ts';
import type { NewComment } from './comments.ts';
import type { CommentStatus } from './tables.ts';

export type RateKey = { key: string; limit: number };
export type IntakeJob = { name: string; singletonKey: string | null; payload: Record<string, unknown>; runAt: Date; withCommentId: boolean };
export type IntakeOutcome =
  | { kind: 'inserted'; id: number }
  | { kind: 'repeat'; receipt: string; status: CommentStatus }
  | { kind: 'duplicate' }
  | { kind: 'limited'; retryAfterSeconds: number };

/**
 * One submission in one call (db/migrations/0504): count the rate-limit
 * hits, insert the comment unless a limit is exceeded or its idempotency key
 * was seen, and enqueue its jobs. Outside a transaction it commits by itself,
 * synchronously: a receipt must mean "on disk".
 */
export async function insertSubmission(db: Db, c: Submission['c'], o: Submission['o']): Promise<IntakeOutcome> {
  return (await insertMany(db, [{ c, o }]))[0]!;
}

// The function's own column names: these statements skip the camel-case plugin,
// whose rewriting of every parameter cost more than the rest of the call in a flood.
type OutcomeRow = { o_outcome: string; o_comment_id: number | null; o_receipt: string | null; o_status: CommentStatus | null; o_retry_after: number };
const bareDbs = new WeakMap<Db, Db>();
const bare = (db: Db): Db => {
  if (db.isTransaction) return db.withoutPlugins();
  let b = bareDbs.get(db);
  if (!b) bareDbs.set(db, (b = db.withoutPlugins()));
  return b;
};

function outcomeOf(r: OutcomeRow): IntakeOutcome {
  switch (r.o_outcome) {
    case 'repeat':
      return { kind: 'repeat', receipt: r.o_receipt!, status: r.o_status! };
    case 'limited':
      return { kind: 'limited', retryAfterSeconds: r.o_retry_after };
    case 'duplicate':
      return { kind: 'duplicate' };
    default:
      return { kind: 'inserted', id: Number(r.o_comment_id) };
  }
}

type Submission = { c: Omit<NewComment, 'signatoryNames' | 'attachments'>; o: { rate: RateKey[]; windowSeconds: number; jobs: IntakeJob[] } };
type Pending = Submission & { resolve: (r: IntakeOutcome) => void; reject: (e: unknown) => void };
type Lane = { waiting: Pending[]; inFlight: number };
const lanes = new WeakMap<Db, Lane>();
// One statement at a time; whatever arrives meanwhile goes in the next one.
// Measured (npm run bench -- comments, 16 clients, 2 cores): two or four
// concurrent statements made smaller batches and cost PostgreSQL two to three
// times the CPU per comment, for fewer comments per second.
const MAX_IN_FLIGHT = 1;
const MAX_BATCH = 64;

/**
 * insertSubmission for a flood: submissions that arrive while others are
 * being written share one statement and one durable commit (group commit in
 * the application). Each caller still gets its own outcome only after that
 * commit. If the shared statement fails, nothing of it committed, and each
 * submission is written again on its own, so one bad row cannot sink others.
 */
export function insertSubmissionSoon(db: Db, c: Submission['c'], o: Submission['o']): Promise<IntakeOutcome> {
  let lane = lanes.get(db);
  if (!lane) lanes.set(db, (lane = { waiting: [], inFlight: 0 }));
  const l = lane;
  return new Promise((resolve, reject) => {
    l.waiting.push({ c, o, resolve, reject });
    if (l.inFlight < MAX_IN_FLIGHT) void flush(db, l);
  });
}

async function flush(db: Db, lane: Lane): Promise<void> {
  const batch = lane.waiting.splice(0, MAX_BATCH);
  if (batch.length === 0) return;
  lane.inFlight++;
  try {
    if (batch.length === 1) {
      const p = batch[0]!;
      await insertSubmission(db, p.c, p.o).then(p.resolve, p.reject);
      return;
    }
    let outcomes: IntakeOutcome[] | null = null;
    try {
      outcomes = await insertMany(db, batch);
    } catch {
      outcomes = null;
    }
    if (outcomes) batch.forEach((p, i) => p.resolve(outcomes[i]!));
    else await Promise.all(batch.map((p) => insertSubmission(db, p.c, p.o).then(p.resolve, p.reject)));
  } finally {
    lane.inFlight--;
    if (lane.waiting.length) void flush(db, lane);
  }
}

async function insertMany(db: Db, batch: readonly Submission[]): Promise<IntakeOutcome[]> {
  const windowSeconds = batch[0]!.o.windowSeconds;
  // One window per statement (it is the deployment's setting; a batch mixing two is written a submission at a time).
  if (batch.some((s) => s.o.windowSeconds !== windowSeconds)) throw new Error('one rate-limit window per batch');
  const rows = batch.map(({ c, o }, n) => ({
    n,
    p: c.periodId,
    r: c.receipt,
    k: c.idempotencyKey,
    a: c.anchor,
    v: c.versionNumber,
    nm: c.name,
    an: c.anonymous,
    org: c.organization,
    cat: c.categoryKey,
    e: c.email,
    vh: c.verifyTokenHash,
    l: c.lang,
    b: c.body,
    s: c.signatories,
    st: c.status,
    ip: c.ipHash,
    now: c.now.toISOString(),
    rk: o.rate.map((x) => x.key),
    rl: o.rate.map((x) => x.limit),
    j: o.jobs.map((j) => ({ ...j, runAt: j.runAt.toISOString() })),
  }));
  // One statement for the batch (db/migrations/0504), committed as one: outside a transaction,
  // synchronously, since a receipt must mean "on disk".
  const { rows: out } = await sql<OutcomeRow & { o_n: number }>`SELECT * FROM submit_public_comments(${JSON.stringify(rows)}::jsonb, ${windowSeconds})`.execute(bare(db));
  if (out.length !== batch.length || out.some((r, i) => r.o_n !== i)) throw new Error('batch answered different rows');
  return out.map(outcomeOf);
}
