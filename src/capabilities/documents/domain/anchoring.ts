// Which new block is which old block. Anchors must survive edits elsewhere in
// the document, edits to the block itself, moves, splits and merges, so that
// links and comments keep pointing at the right text.
//
// 1. Identical text is the same block, wherever it went (moves included).
// 2. Between two blocks that kept their place, changed blocks are paired by
//    word similarity (an edit in place), closest position first.
// 3. What is left is paired across the whole document when very similar (moved and edited).
// 4. A new block whose words come from an old block next to it is a split: the
//    part that keeps most of the words keeps the anchor, the others are new.
// 5. An old block whose words went into a neighbour is a merge: its anchor
//    now leads to that neighbour.

/** A block to match: what makes it identical (`key`), its kind and text. Words are computed only for blocks that need them. */
export type Candidate = { key: string; kind: string; text: string; words?: readonly string[] };

function wordsFor(c: Candidate): readonly string[] {
  return (c.words ??= wordsOf(c.text));
}

export type Matching = {
  /** For each new block, the index of the old block it continues, or -1. */
  oldOf: Int32Array;
  /** New blocks split off an old block: new index → old index. */
  splitFrom: Map<number, number>;
  /** Old blocks merged into a new one: old index → new index. */
  mergedInto: Map<number, number>;
};

const LOCAL_THRESHOLD = 0.5;
const GLOBAL_THRESHOLD = 0.6;
const CONTAINMENT = 0.8;
const WINDOW = 12;
const NEIGHBOURHOOD = 3;

/** Lower-case words without accents: what similarity is measured on. */
export function wordsOf(content: string): string[] {
  return content
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .sort();
}

/** Size of the multiset intersection of two sorted word lists. */
function shared(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

function dice(a: Candidate, b: Candidate): number {
  const aw = wordsFor(a);
  const bw = wordsFor(b);
  if (aw.length + bw.length === 0) return a.key === b.key ? 1 : 0;
  const s = (2 * shared(aw, bw)) / (aw.length + bw.length);
  return a.kind === b.kind ? s : s * 0.9;
}

/** Share of `part`'s words found in `whole`. */
function containment(part: Candidate, whole: Candidate): number {
  const pw = wordsFor(part);
  if (pw.length === 0) return 0;
  return shared(pw, wordsFor(whole)) / pw.length;
}

/** Indices (into `seq`) of a longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Int32Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) out.push(k);
  return out.reverse();
}

type Pair = { o: number; n: number; score: number; distance: number };

function assign(pairs: Pair[], oldOf: Int32Array, newOf: Int32Array): void {
  pairs.sort((x, y) => y.score - x.score || x.distance - y.distance || x.n - y.n || x.o - y.o);
  for (const p of pairs) {
    if (oldOf[p.n] !== -1 || newOf[p.o] !== -1) continue;
    oldOf[p.n] = p.o;
    newOf[p.o] = p.n;
  }
}

export function matchBlocks(old: readonly Candidate[], neu: readonly Candidate[]): Matching {
  const oldOf = new Int32Array(neu.length).fill(-1);
  const newOf = new Int32Array(old.length).fill(-1);

  // 1. Identical text.
  const byKey = new Map<string, number[]>();
  for (let o = 0; o < old.length; o++) {
    const list = byKey.get(old[o]!.key);
    if (list) list.push(o);
    else byKey.set(old[o]!.key, [o]);
  }
  const taken = new Map<string, number>();
  for (let n = 0; n < neu.length; n++) {
    const key = neu[n]!.key;
    const list = byKey.get(key);
    if (!list) continue;
    const k = taken.get(key) ?? 0;
    if (k < list.length) {
      oldOf[n] = list[k]!;
      newOf[list[k]!] = n;
      taken.set(key, k + 1);
    }
  }

  // 2. Edits in place, in the gaps between blocks that kept their order.
  const matchedNew: number[] = [];
  for (let n = 0; n < neu.length; n++) if (oldOf[n] !== -1) matchedNew.push(n);
  const spine = longestIncreasing(matchedNew.map((n) => oldOf[n]!)).map((i) => matchedNew[i]!);
  const bounds: Array<[number, number]> = [[-1, -1], ...spine.map((n) => [oldOf[n]!, n] as [number, number]), [old.length, neu.length]];
  const local: Pair[] = [];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const [o0, n0] = bounds[g]!;
    const [o1, n1] = bounds[g + 1]!;
    const olds: number[] = [];
    for (let o = o0 + 1; o < o1; o++) if (newOf[o] === -1) olds.push(o);
    const news: number[] = [];
    for (let n = n0 + 1; n < n1; n++) if (oldOf[n] === -1) news.push(n);
    if (olds.length === 0 || news.length === 0) continue;
    const all = olds.length * news.length <= 400;
    for (let k = 0; k < news.length; k++) {
      const centre = news.length === 1 ? 0 : Math.round((k * (olds.length - 1)) / (news.length - 1));
      const from = all ? 0 : Math.max(0, centre - WINDOW);
      const to = all ? olds.length : Math.min(olds.length, centre + WINDOW + 1);
      for (let i = from; i < to; i++) {
        const score = dice(old[olds[i]!]!, neu[news[k]!]!);
        if (score >= LOCAL_THRESHOLD) local.push({ o: olds[i]!, n: news[k]!, score, distance: Math.abs(i - centre) });
      }
    }
  }
  assign(local, oldOf, newOf);

  // 3. Moved and edited: very similar text anywhere, found through shared words.
  const postings = new Map<string, number[]>();
  for (let o = 0; o < old.length; o++) {
    if (newOf[o] !== -1) continue;
    for (const w of new Set(wordsFor(old[o]!))) {
      const list = postings.get(w);
      if (list) list.push(o);
      else postings.set(w, [o]);
    }
  }
  const global: Pair[] = [];
  if (postings.size > 0) {
    for (let n = 0; n < neu.length; n++) {
      if (oldOf[n] !== -1) continue;
      const seen = new Set<number>();
      for (const w of new Set(wordsFor(neu[n]!))) {
        const list = postings.get(w);
        // Very common words say little and would make this quadratic.
        if (!list || list.length > 200) continue;
        for (const o of list) {
          if (seen.has(o)) continue;
          seen.add(o);
          const score = dice(old[o]!, neu[n]!);
          if (score >= GLOBAL_THRESHOLD) global.push({ o, n, score, distance: Math.abs(o - n) });
        }
      }
    }
  }
  assign(global, oldOf, newOf);

  // 4. Splits: an unmatched new block made of an old neighbour's words.
  const splitFrom = new Map<number, number>();
  for (let n = 0; n < neu.length; n++) {
    if (oldOf[n] !== -1) continue;
    let best = -1;
    let bestScore = CONTAINMENT;
    for (let d = 1; d <= NEIGHBOURHOOD; d++) {
      for (const m of [n - d, n + d]) {
        if (m < 0 || m >= neu.length || oldOf[m] === -1) continue;
        const c = containment(neu[n]!, old[oldOf[m]!]!);
        if (c >= bestScore && (best === -1 || c > bestScore)) {
          best = oldOf[m]!;
          bestScore = c;
        }
      }
    }
    if (best !== -1) splitFrom.set(n, best);
  }

  // 5. Merges: an unmatched old block whose words went into the block its neighbour became.
  const mergedInto = new Map<number, number>();
  for (let o = 0; o < old.length; o++) {
    if (newOf[o] !== -1) continue;
    let best = -1;
    let bestScore = CONTAINMENT;
    for (let d = 1; d <= NEIGHBOURHOOD; d++) {
      for (const p of [o - d, o + d]) {
        if (p < 0 || p >= old.length || newOf[p] === -1) continue;
        const c = containment(old[o]!, neu[newOf[p]!]!);
        if (c >= bestScore && (best === -1 || c > bestScore)) {
          best = newOf[p]!;
          bestScore = c;
        }
      }
    }
    if (best !== -1) mergedInto.set(o, best);
  }

  return { oldOf, splitFrom, mergedInto };
}

/** How many matched blocks changed their relative order (moves). */
export function movedCount(oldOf: Int32Array): number {
  const matched: number[] = [];
  for (let n = 0; n < oldOf.length; n++) if (oldOf[n] !== -1) matched.push(oldOf[n]!);
  return matched.length - longestIncreasing(matched).length;
}
