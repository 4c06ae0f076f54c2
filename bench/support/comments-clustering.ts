// The clustering half of `npm run bench -- comments`: generates synthetic
// FCC-like comments, fingerprints them and clusters them with the engine the
// application uses, and measures time, peak memory, and pairwise precision and
// recall against the generator's labels.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { SIGNATURE_SIZE, signatureInto } from '../../src/capabilities/public-comment/domain/fingerprint.ts';
import { clusterPacked, type Cluster, type ClusterOptions } from '../../src/capabilities/public-comment/domain/clusters.ts';
import { fccComments, UNIQUE } from './fcc-comments.ts';

export type ClusteringFigures = {
  comments: number;
  generateSeconds: number;
  fingerprintSeconds: number;
  clusteringSeconds: number;
  /** Fingerprinting and clustering: what Concert itself spends. */
  totalSeconds: number;
  /** CPU time of the same two phases (the machine is shared: wall time depends on the load). */
  fingerprintCpuSeconds: number;
  clusteringCpuSeconds: number;
  peakRssMB: number;
  precision: number;
  recall: number;
  clusters: number;
  trueClusters: number;
  largestCluster: number;
  loadAverage: number;
};

/** Peak resident memory of this process so far (VmHWM), in MB; the current RSS where /proc is missing. */
export function peakRssMB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.memoryUsage.rss() / 2 ** 20);
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const pairs = (k: number) => (k * (k - 1)) / 2;

/**
 * Pairwise precision and recall from the contingency table of clusters × true
 * labels: a pair of comments is a true positive when both are in one cluster
 * and share a template; every unique comment is its own label.
 */
export function pairwiseScores(clusters: ReadonlyArray<Cluster>, labelOf: (id: number) => number): { precision: number; recall: number } {
  let together = 0;
  let correct = 0;
  const labelSizes = new Map<number, number>();
  for (const c of clusters) {
    together += pairs(c.members.length);
    const counts = new Map<number, number>();
    for (const id of c.members) {
      const label = labelOf(id);
      if (label === UNIQUE) continue;
      counts.set(label, (counts.get(label) ?? 0) + 1);
      labelSizes.set(label, (labelSizes.get(label) ?? 0) + 1);
    }
    for (const k of counts.values()) correct += pairs(k);
  }
  let truePairs = 0;
  for (const k of labelSizes.values()) truePairs += pairs(k);
  return { precision: together === 0 ? 1 : correct / together, recall: truePairs === 0 ? 1 : correct / truePairs };
}

export async function clusteringFigures(n = 1_000_000, options: ClusterOptions = {}): Promise<ClusteringFigures> {
  const ids = new Float64Array(n);
  const labels = new Int32Array(n);
  const sigs = new Uint32Array(n * SIGNATURE_SIZE);
  let generateMs = 0;
  let fingerprintMs = 0;
  let fingerprintCpu = 0;
  let i = 0;
  const chunks = fccComments(n);
  for (;;) {
    const t0 = performance.now();
    const next = chunks.next();
    generateMs += performance.now() - t0;
    if (next.done) break;
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    for (const c of next.value) {
      signatureInto(c.text, sigs, i * SIGNATURE_SIZE);
      ids[i] = c.id;
      labels[i] = c.label;
      i++;
    }
    fingerprintMs += performance.now() - t1;
    fingerprintCpu += cpuMs(process.cpuUsage(c1));
  }
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const { clusters } = clusterPacked(ids, sigs, options);
  const clusteringMs = performance.now() - t2;
  const clusteringCpu = cpuMs(process.cpuUsage(c2));
  const peak = peakRssMB();

  // ids are 1..n in generation order.
  const { precision, recall } = pairwiseScores(clusters, (id) => labels[id - 1]!);
  const templates = new Set<number>();
  let uniques = 0;
  for (const l of labels) {
    if (l === UNIQUE) uniques++;
    else templates.add(l);
  }
  const round = (x: number, d = 3) => Number(x.toFixed(d));
  return {
    comments: n,
    generateSeconds: round(generateMs / 1000, 2),
    fingerprintSeconds: round(fingerprintMs / 1000, 2),
    clusteringSeconds: round(clusteringMs / 1000, 2),
    totalSeconds: round((fingerprintMs + clusteringMs) / 1000, 2),
    fingerprintCpuSeconds: round(fingerprintCpu / 1000, 2),
    clusteringCpuSeconds: round(clusteringCpu / 1000, 2),
    peakRssMB: peak,
    precision: round(precision, 4),
    recall: round(recall, 4),
    clusters: clusters.length,
    trueClusters: templates.size + uniques,
    largestCluster: clusters.reduce((m, c) => Math.max(m, c.members.length), 0),
    loadAverage: round(os.loadavg()[0]!, 2),
  };
}
