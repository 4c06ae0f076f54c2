// What a member of a cluster added to or changed in the cluster's template:
// a campaign's members mostly repeat the template, and the few words they add
// are where substantive points hide, so those are what a reader is shown.
import { normalizeText, signatureInto, similarity, SIGNATURE_SIZE } from './fingerprint.ts';

export type Segment = { kind: 'same' | 'added' | 'removed'; text: string };

// A template is found among the first texts of a cluster (members in id order,
// so it stays put as members are added); the most central one compares every pair.
const TEMPLATE_SAMPLE = 1000;
const CENTRAL_SAMPLE = 200;
// The diff's cost grows with the number of edits (Myers): past this many, the
// texts share too little for a word diff to help, and the whole text is shown as changed.
const MAX_EDITS = 2000;

/**
 * The template of a cluster, from its members' texts in id order: the most
 * frequent text (compared normalized) when some text occurs more than once,
 * otherwise the text most similar to all the others. Only the first
 * TEMPLATE_SAMPLE texts are looked at: a caller with a huge cluster passes those.
 * Returns one of the texts as written.
 */
export function templateOf(texts: readonly string[]): string {
  if (texts.length === 0) return '';
  const counts = new Map<string, { count: number; first: number }>();
  texts.slice(0, TEMPLATE_SAMPLE).forEach((t, i) => {
    const key = normalizeText(t);
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { count: 1, first: i });
  });
  let best: { count: number; first: number } | null = null;
  for (const c of counts.values()) if (!best || c.count > best.count || (c.count === best.count && c.first < best.first)) best = c;
  if (best && best.count > 1) return texts[best.first]!;

  const sample = texts.slice(0, CENTRAL_SAMPLE);
  const sigs = new Uint32Array(sample.length * SIGNATURE_SIZE);
  sample.forEach((t, i) => signatureInto(t, sigs, i * SIGNATURE_SIZE));
  let central = 0;
  let bestTotal = -1;
  for (let i = 0; i < sample.length; i++) {
    let total = 0;
    for (let j = 0; j < sample.length; j++) if (j !== i) total += similarity(sigs, sigs, i * SIGNATURE_SIZE, j * SIGNATURE_SIZE);
    if (total > bestTotal) {
      bestTotal = total;
      central = i;
    }
  }
  return sample[central]!;
}

type Token = { key: string; text: string };

/** Words with the spacing and punctuation that follow them; compared case- and accent-insensitively. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const lead = /^\s+/.exec(text);
  if (lead) out.push({ key: '', text: lead[0] });
  for (const m of text.matchAll(/\S+\s*/g)) out.push({ key: normalizeText(m[0]) || m[0].trim(), text: m[0] });
  return out;
}

/**
 * Word-level differences between the template and a member's text: 'same' and
 * 'added' carry the member's words, 'removed' the template's. Consecutive words
 * of one kind are joined into one segment.
 */
export function additions(template: string, text: string): Segment[] {
  const a = tokens(template);
  const b = tokens(text);
  const out: Segment[] = [];
  const push = (kind: Segment['kind'], t: string) => {
    if (t === '') return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += t;
    else out.push({ kind, text: t });
  };
  // Common start and end first: most members change a few words of a long letter.
  let s = 0;
  while (s < a.length && s < b.length && a[s]!.key === b[s]!.key) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e]!.key === b[b.length - 1 - e]!.key) e++;
  for (let i = 0; i < s; i++) push('same', b[i]!.text);
  const script = editScript(a.slice(s, a.length - e), b.slice(s, b.length - e));
  if (script) for (const op of script) push(op.kind, op.text);
  else {
    for (let i = s; i < a.length - e; i++) push('removed', a[i]!.text);
    for (let i = s; i < b.length - e; i++) push('added', b[i]!.text);
  }
  for (let i = b.length - e; i < b.length; i++) push('same', b[i]!.text);
  return out;
}

/** How many words a member's text adds to the template (changed words count as added). */
export function addedWords(template: string, text: string): number {
  let count = 0;
  for (const seg of additions(template, text)) if (seg.kind === 'added') count += normalizeText(seg.text).split(' ').filter(Boolean).length;
  return count;
}

/**
 * Myers' O((N+M)·D) greedy diff, keeping each round's frontier to trace the
 * path back; null when the texts need more than MAX_EDITS edits.
 */
function editScript(a: Token[], b: Token[]): Segment[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x]!.key === b[y]!.key) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;

  // Walk back from (n, m); trace[d] holds the frontier before round d, indexed k + d + 1.
  const ops: Segment[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'same', text: b[--y]!.text });
      x--;
    }
    if (down) ops.push({ kind: 'added', text: b[--y]!.text });
    else ops.push({ kind: 'removed', text: a[--x]!.text });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: 'same', text: b[--y]!.text });
    x--;
  }
  return ops.reverse();
}
