// Grouping identical and near-identical comments (form letters, mail-merge
// variants) into clusters, from their MinHash signatures.
//
// 1. Candidates by LSH banding: signatures cut into bands of a few values;
//    comments whose band is equal land in the same bucket (a hash table of
//    typed arrays, one band at a time: no object per band or per bucket).
// 2. Each candidate is VERIFIED against its bucket's first member with the
//    whole signature (estimated Jaccard ≥ threshold), then union-find.
// 3. Union-find alone chains: A≈B, B≈C, … Y≈Z puts A and Z together though they
//    share nothing. So each component is then cut around a representative: the
//    member closest to the component's majority signature (for a campaign, the
//    template itself or its most faithful copy); members similar enough to it
//    form the cluster, the others are clustered again on their own.
import { SIGNATURE_SIZE, isEmptySignature, signatureInto, similarity } from './fingerprint.ts';

export type ClusterOptions = {
  /** LSH bands; bands × rows ≤ SIGNATURE_SIZE. */
  bands?: number;
  /** Signature values per band. */
  rows?: number;
  /** Estimated Jaccard similarity two comments need to be linked. */
  threshold?: number;
  /** Estimated Jaccard similarity a member needs with its cluster's representative. */
  representativeThreshold?: number;
};

export type Cluster = { key: number; members: number[] };
export type Clustering = { clusters: Cluster[] };

// Tuned on the bench's synthetic FCC-like comments (200,000; pairwise recall,
// precision was 1 throughout): 0.45/0.4 → 0.997, 0.5/0.45 → 0.990,
// 0.55/0.5 → 0.965, 0.6/0.55 → 0.920. The bench cannot see precision lost to
// chaining, the unit test's sliding-window chains can: over 300 chains, clusters
// holding texts that share only a quarter of their words were 11 at 0.5/0.45
// and 101 at 0.45/0.4. So 0.5/0.45: recall near 0.99, and chains kept short.
const DEFAULTS: Required<ClusterOptions> = { bands: 16, rows: 4, threshold: 0.5, representativeThreshold: 0.45 };
// Leftovers of a component are re-clustered at most this deep, then left alone.
const MAX_DEPTH = 12;

/**
 * Clusters comments by signature. Every id appears in exactly one cluster
 * (singletons included); a cluster's key is its smallest member id, so it stays
 * the same as members are added; members are sorted, clusters sorted by key.
 * The result depends only on the set of entries, not on their order.
 */
export function clusterSignatures(entries: ReadonlyArray<{ id: number; sig: Uint32Array }>, options: ClusterOptions = {}): Clustering {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const ids = new Float64Array(sorted.length);
  const sigs = new Uint32Array(sorted.length * SIGNATURE_SIZE);
  sorted.forEach((e, i) => {
    if (e.sig.length !== SIGNATURE_SIZE) throw new RangeError(`signature of ${e.id} has ${e.sig.length} values, not ${SIGNATURE_SIZE}`);
    ids[i] = e.id;
    sigs.set(e.sig, i * SIGNATURE_SIZE);
  });
  return clusterPacked(ids, sigs, options);
}

/** Convenience: fingerprints and clusters texts. */
export function clusterTexts(items: ReadonlyArray<{ id: number; text: string }>, options: ClusterOptions = {}): Clustering {
  return clusterSignatures(
    items.map((it) => {
      const sig = new Uint32Array(SIGNATURE_SIZE);
      signatureInto(it.text, sig);
      return { id: it.id, sig };
    }),
    options,
  );
}

/**
 * The engine, on packed data: `ids` in ascending order, `sigs` their signatures
 * one after another (SIGNATURE_SIZE values each). A million comments take 256 MB
 * of signatures and a few dozen MB besides.
 */
export function clusterPacked(ids: Float64Array, sigs: Uint32Array, options: ClusterOptions = {}): Clustering {
  const opts = { ...DEFAULTS, ...options };
  if (opts.bands * opts.rows > SIGNATURE_SIZE || opts.bands < 1 || opts.rows < 1) throw new RangeError('bands × rows must be between 1 and the signature size');
  const n = ids.length;
  if (sigs.length !== n * SIGNATURE_SIZE) throw new RangeError('one signature per id');
  for (let i = 1; i < n; i++) if (!(ids[i - 1]! < ids[i]!)) throw new RangeError('ids must be distinct and ascending');

  const groups: Int32Array[] = [];
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (const component of linkComponents(sigs, all, opts)) cutAroundRepresentatives(sigs, component, opts, 0, groups);

  const clusters: Cluster[] = groups.map((g) => {
    const members = Array.from(g, (i) => ids[i]!);
    return { key: members[0]!, members };
  });
  clusters.sort((a, b) => a.key - b.key);
  return { clusters };
}

/** Connected components of verified LSH candidates among `subset` (ascending indices); each component ascending. */
function linkComponents(sigs: Uint32Array, subset: Int32Array, opts: Required<ClusterOptions>): Int32Array[] {
  const m = subset.length;
  const parent = new Int32Array(m);
  const size = new Int32Array(m).fill(1);
  for (let i = 0; i < m; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    if (size[a]! < size[b]!) [a, b] = [b, a];
    parent[b] = a;
    size[a]! += size[b]!;
  };
  const empty = new Uint8Array(m);
  for (let i = 0; i < m; i++) empty[i] = isEmptySignature(sigs, subset[i]! * SIGNATURE_SIZE) ? 1 : 0;
  const linked = (a: number, b: number) => similarity(sigs, sigs, subset[a]! * SIGNATURE_SIZE, subset[b]! * SIGNATURE_SIZE) >= opts.threshold;

  // Buckets of one band at a time in an open-addressing table (band hash → the
  // bucket's first and latest member): one pass, no sorting, 12 bytes a slot.
  let capacity = 16;
  while (capacity < m * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotHash = new Uint32Array(capacity);
  const slotFirst = new Int32Array(capacity);
  const slotLatest = new Int32Array(capacity);
  for (let band = 0; band < opts.bands; band++) {
    const first = band * opts.rows;
    slotFirst.fill(-1);
    for (let i = 0; i < m; i++) {
      if (empty[i]) continue;
      const at = subset[i]! * SIGNATURE_SIZE + first;
      let h = Math.imul(band + 1, 0x9e3779b1);
      for (let r = 0; r < opts.rows; r++) h = Math.imul(h ^ sigs[at + r]!, 0x01000193) ^ (h >>> 15);
      h = mixHash(h);
      let slot = h & mask;
      while (slotFirst[slot] !== -1 && slotHash[slot] !== h) slot = (slot + 1) & mask;
      const leader = slotFirst[slot]!;
      if (leader === -1) {
        slotFirst[slot] = i;
        slotHash[slot] = h;
        slotLatest[slot] = i;
        continue;
      }
      // Verify against the bucket's first member, or else against the previous one
      // (a bucket's first member may be a chance collision).
      const previous = slotLatest[slot]!;
      slotLatest[slot] = i;
      let ri = find(i);
      const rl = find(leader);
      if (ri !== rl && linked(i, leader)) {
        union(ri, rl);
        ri = find(i);
      }
      if (previous !== leader) {
        const rp = find(previous);
        if (ri !== rp && linked(i, previous)) union(ri, rp);
      }
    }
  }

  // Group by root, keeping ascending order inside each component.
  const count = new Int32Array(m);
  const roots = new Int32Array(m);
  for (let i = 0; i < m; i++) count[(roots[i] = find(i))]!++;
  const start = new Int32Array(m);
  const order: number[] = [];
  let offset = 0;
  for (let i = 0; i < m; i++) {
    if (roots[i] !== i) continue;
    start[i] = offset;
    offset += count[i]!;
    order.push(i);
  }
  const grouped = new Int32Array(m);
  const fill = start.slice();
  for (let i = 0; i < m; i++) grouped[fill[roots[i]!]!++] = subset[i]!;
  // Components ordered by their smallest member, so everything downstream is deterministic.
  const components = order.map((r) => grouped.subarray(start[r]!, start[r]! + count[r]!));
  components.sort((a, b) => a[0]! - b[0]!);
  return components;
}

/** Splits a component into clusters of members close to a representative; appends them to `out`. */
function cutAroundRepresentatives(sigs: Uint32Array, component: Int32Array, opts: Required<ClusterOptions>, depth: number, out: Int32Array[]): void {
  if (component.length === 1) {
    out.push(component);
    return;
  }
  if (depth >= MAX_DEPTH) {
    for (let i = 0; i < component.length; i++) out.push(component.subarray(i, i + 1));
    return;
  }
  const mode = majoritySignature(sigs, component);
  let representative = component[0]!;
  let best = -1;
  for (const x of component) {
    const s = similarity(sigs, mode, x * SIGNATURE_SIZE, 0);
    if (s > best) {
      best = s;
      representative = x;
    }
  }
  const rOffset = representative * SIGNATURE_SIZE;
  const inside: number[] = [];
  const outside: number[] = [];
  for (const x of component) (x === representative || similarity(sigs, sigs, x * SIGNATURE_SIZE, rOffset) >= opts.representativeThreshold ? inside : outside).push(x);
  out.push(Int32Array.from(inside));
  if (outside.length === 0) return;
  for (const rest of linkComponents(sigs, Int32Array.from(outside), opts)) cutAroundRepresentatives(sigs, rest, opts, depth + 1, out);
}

/** Per value, the majority among members (Boyer–Moore vote): for a campaign, the template's own signature. */
function majoritySignature(sigs: Uint32Array, members: Int32Array): Uint32Array {
  const candidate = new Uint32Array(SIGNATURE_SIZE);
  const votes = new Int32Array(SIGNATURE_SIZE);
  for (const x of members) {
    const at = x * SIGNATURE_SIZE;
    for (let b = 0; b < SIGNATURE_SIZE; b++) {
      const v = sigs[at + b]!;
      if (votes[b] === 0) {
        candidate[b] = v;
        votes[b] = 1;
      } else if (candidate[b] === v) votes[b]!++;
      else votes[b]!--;
    }
  }
  return candidate;
}

function mixHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
