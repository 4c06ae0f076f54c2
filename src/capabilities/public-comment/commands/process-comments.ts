import { transact, type CommandDeps } from '../../../platform/commands.ts';
import {
  announceRegrouped,
  clusterDispositionKeys,
  clusterKeys,
  deleteClusters,
  lockPeriodProcessing,
  moveClusterDisposition,
  oldestUnprocessedAt,
  processedComments,
  textsOf,
  unprocessedComments,
  upsertClusters,
  writeProcessing,
  type ClusterRow,
} from '../db/clustering.ts';
import { templateOf } from '../domain/additions.ts';
import { clusterPacked } from '../domain/clusters.ts';
import { SIGNATURE_SIZE, signature, signatureBytesInto, signatureToBytes } from '../domain/fingerprint.ts';
import { mainLanguage, regroup } from '../domain/regroup.ts';
import { inFlood, nextRunAllowedAt, PROCESSING_DEBOUNCE_MS, waitsForFlood, type LastRun } from '../domain/pace.ts';
import { periodJobKey } from '../domain/period.ts';
import { enqueue } from '../../../platform/jobs/queue.ts';
import { intakeRateOf } from './intake-count.ts';
import { PROCESS_COMMENTS_JOB } from './submit-comment.ts';

// Signatures are computed and written this many comments at a time (bounded memory per round trip).
const BATCH = 500;
// The template is the most common text of a sample: a campaign's members share it, so a few dozen suffice.
const TEMPLATE_SAMPLE = 50;

export type ProcessingResult = { signed: number; processed: number; groups: number; moved: number };

/**
 * Fingerprints the period's new comments and re-clusters the whole period.
 * Idempotent (a second run finds nothing new and changes nothing) and safe to
 * run concurrently: an advisory lock per period makes the second run wait and
 * then see the first one's work.
 */
export async function processComments(deps: Pick<CommandDeps, 'db' | 'clock'>, periodId: number): Promise<ProcessingResult> {
  return transact(deps.db, async (trx) => {
    await lockPeriodProcessing(trx, periodId);
    // New comments are fingerprinted a batch at a time; their signatures are written with their group below.
    const fresh = new Map<number, { signature: Buffer; signatories: number }>();
    for (let after = 0; ; ) {
      const batch = await unprocessedComments(trx, periodId, after, BATCH);
      if (batch.length === 0) break;
      for (const c of batch) fresh.set(c.id, { signature: signatureToBytes(signature(c.body)), signatories: c.signatories });
      after = batch[batch.length - 1]!.id;
    }
    if (fresh.size === 0) return { signed: 0, processed: 0, groups: (await clusterKeys(trx, periodId)).size, moved: 0 };

    const old = await processedComments(trx, periodId);
    const comments = [...old, ...[...fresh].map(([id, c]) => ({ id, ...c, clusterId: null }))].sort((a, b) => a.id - b.id);
    // Packed (ids ascending, signatures end to end): no typed array per comment at 100,000 comments.
    const ids = new Float64Array(comments.length);
    const sigs = new Uint32Array(comments.length * SIGNATURE_SIZE);
    comments.forEach((c, i) => {
      ids[i] = c.id;
      signatureBytesInto(c.signature, sigs, i * SIGNATURE_SIZE);
    });
    const { clusters } = clusterPacked(ids, sigs);
    const before = await clusterKeys(trx, periodId);
    const plan = regroup(clusters, new Map(comments.map((c) => [c.id, c.signatories])), before.keys(), await clusterDispositionKeys(trx, periodId));
    const sample = plan.groups.flatMap((g) => g.members.slice(0, TEMPLATE_SAMPLE));
    const texts = await textsOf(trx, sample);
    const rows: ClusterRow[] = plan.groups.map((g) => {
      const own = g.members.slice(0, TEMPLATE_SAMPLE).map((id) => texts.get(id)!);
      return { key: g.key, size: g.size, signatories: g.signatories, template: templateOf(own.map((t) => t.body)), templateLang: mainLanguage(own.map((t) => t.lang)) };
    });
    const now = deps.clock.now();
    const idOf = await upsertClusters(trx, periodId, rows, now);
    const changed: { ids: number[]; clusterIds: (number | null)[]; sigs: (Buffer | null)[] } = { ids: [], clusterIds: [], sigs: [] };
    for (const c of comments) {
      const key = plan.keyOf.get(c.id);
      const clusterId = key == null ? null : idOf.get(key)!;
      const isNew = fresh.has(c.id);
      if (!isNew && c.clusterId === clusterId) continue;
      changed.ids.push(c.id);
      changed.clusterIds.push(clusterId);
      changed.sigs.push(isNew ? c.signature : null);
    }
    await writeProcessing(trx, changed, now);
    for (const m of plan.moves) await moveClusterDisposition(trx, periodId, m.from, m.to);
    await deleteClusters(
      trx,
      plan.vanished.map((k) => before.get(k)!),
    );
    await announceRegrouped(trx, periodId);
    return { signed: fresh.size, processed: fresh.size, groups: plan.groups.length, moved: plan.moves.length };
  });
}

/** How long the last run of each period took on this node (see domain/pace.ts). */
export const lastRuns = new Map<number, LastRun>();

/**
 * The `comments.process` job (enqueued by intake once per burst and period):
 * payload `{ periodId }`. A run asked for too soon after a long one, or while
 * this node is flooded with the period's comments, waits its turn as a
 * postponed job instead of running.
 */
export async function processCommentsJob(payload: Record<string, unknown>, ctx: Pick<CommandDeps, 'db' | 'clock'>): Promise<void> {
  const periodId = Number(payload.periodId);
  // A malformed payload is a bug upstream: fail loudly so the queue records it, never guess a period.
  if (!Number.isSafeInteger(periodId) || periodId <= 0) throw new Error(`comments.process: bad periodId ${JSON.stringify(payload.periodId)}`);
  const now = ctx.clock.now().getTime();
  let allowedAt = nextRunAllowedAt(lastRuns.get(periodId));
  // In a flood on this node, the form goes first: check again after the debounce (the oldest is read only then).
  const rate = intakeRateOf(periodId, now);
  if (now >= allowedAt && inFlood(rate) && waitsForFlood(rate, await oldestUnprocessedAt(ctx.db, periodId), now)) allowedAt = now + PROCESSING_DEBOUNCE_MS;
  if (now < allowedAt) {
    await enqueue(ctx.db, PROCESS_COMMENTS_JOB, { periodId }, { singletonKey: periodJobKey(periodId), runAt: new Date(allowedAt), onWaiting: 'later' });
    return;
  }
  const started = performance.now();
  await processComments(ctx, periodId);
  if (lastRuns.size > 1000) lastRuns.clear();
  lastRuns.set(periodId, { endedAt: ctx.clock.now().getTime(), tookMs: performance.now() - started });
}
