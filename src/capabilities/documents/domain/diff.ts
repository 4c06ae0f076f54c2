import type { BlockKind } from './document.ts';

/** One version's blocks in one language, as text to compare (null: no text in that language). */
export type DiffSide = ReadonlyArray<{ anchor: string; kind: BlockKind; text: string | null }>;

export type WordOp = { op: 'same' | 'add' | 'del'; text: string };

export type DiffRow = {
  anchor: string;
  kind: BlockKind;
  change: 'same' | 'changed' | 'added' | 'removed';
  moved: boolean;
  before: string | null;
  after: string | null;
  words: WordOp[] | null;
};

const MAX_CELLS = 4_000_000;

/** Word-level differences, longest common subsequence of words; very long texts are shown as replaced. */
export function wordDiff(before: string, after: string): WordOp[] {
  const a = before.match(/\S+\s*/g) ?? [];
  const b = after.match(/\S+\s*/g) ?? [];
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  // Common start and end first: most edits touch a few words of a long paragraph.
  let s = 0;
  while (s < a.length && s < b.length && a[s]!.trim() === b[s]!.trim()) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e]!.trim() === b[b.length - 1 - e]!.trim()) e++;
  const am = a.slice(s, a.length - e);
  const bm = b.slice(s, b.length - e);
  for (let i = 0; i < s; i++) push('same', b[i]!);
  const n = am.length;
  const m = bm.length;
  if (n * m > MAX_CELLS) {
    for (const w of am) push('del', w);
    for (const w of bm) push('add', w);
  } else if (n > 0 || m > 0) {
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = am[i]!.trim() === bm[j]!.trim() ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (am[i]!.trim() === bm[j]!.trim()) {
        push('same', bm[j]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) push('del', am[i++]!);
      else push('add', bm[j++]!);
    }
    while (i < n) push('del', am[i++]!);
    while (j < m) push('add', bm[j++]!);
  }
  for (let i = b.length - e; i < b.length; i++) push('same', b[i]!);
  return ops;
}

function increasing(seq: readonly number[]): Set<number> {
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
  const out = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) out.add(k);
  return out;
}

/**
 * Two versions compared block by block through their anchors (which is what
 * makes the comparison readable: a moved paragraph is a move, not a deletion
 * and an insertion), then word by word inside changed blocks.
 */
export function diffVersions(before: DiffSide, after: DiffSide): DiffRow[] {
  const a = before.filter((x) => x.text !== null);
  const b = after.filter((x) => x.text !== null);
  const posInA = new Map(a.map((x, i) => [x.anchor, i]));
  const inB = new Set(b.map((x) => x.anchor));
  const common = b.filter((x) => posInA.has(x.anchor));
  const order = increasing(common.map((x) => posInA.get(x.anchor)!));
  const moved = new Set(common.filter((_, i) => !order.has(i)).map((x) => x.anchor));

  // Removed blocks go back where they were: after the nearest earlier block that is still there.
  const removedAfter = new Map<string | null, DiffRow[]>();
  let lastKept: string | null = null;
  for (const x of a) {
    if (inB.has(x.anchor)) {
      lastKept = x.anchor;
      continue;
    }
    const list = removedAfter.get(lastKept) ?? [];
    list.push({ anchor: x.anchor, kind: x.kind, change: 'removed', moved: false, before: x.text, after: null, words: null });
    removedAfter.set(lastKept, list);
  }
  const rows: DiffRow[] = [...(removedAfter.get(null) ?? [])];
  for (const x of b) {
    const i = posInA.get(x.anchor);
    if (i === undefined) rows.push({ anchor: x.anchor, kind: x.kind, change: 'added', moved: false, before: null, after: x.text, words: null });
    else {
      const old = a[i]!.text!;
      const same = old.replace(/\s+/g, ' ').trim() === x.text!.replace(/\s+/g, ' ').trim();
      rows.push({
        anchor: x.anchor,
        kind: x.kind,
        change: same ? 'same' : 'changed',
        moved: moved.has(x.anchor),
        before: old,
        after: x.text,
        words: same ? null : wordDiff(old, x.text!),
      });
    }
    rows.push(...(removedAfter.get(x.anchor) ?? []));
  }
  return rows;
}
