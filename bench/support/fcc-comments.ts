// Synthetic public comments shaped like the US FCC's 2017 docket 17-108: a few
// form letters make up most of the comments (one of them about 40 %), sent
// through mail-merge tools that insert names and places, with people swapping
// synonyms, adding or dropping a sentence, making typos; about 6 % of comments
// are unique texts. Each comment carries its true label, to measure clustering.
// Deterministic for a seed, and produced in chunks so that a million comments
// never need to be in memory at once.

/** The label of a comment written by its author alone. */
export const UNIQUE = -1;

export type SyntheticComment = { id: number; text: string; label: number };
export type FccOptions = { seed?: number; templates?: number; uniqueShare?: number; chunkSize?: number };

/** mulberry32: small, fast, and the same numbers on every machine. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  'the of and to a in that is for it as with be on not this are by or have from but an they which you were their has would there what will all been can more if no when who one so about than them these may into could should our its also any other only those such because most over some new us very much we i my our'.split(
    ' ',
  );
const POLICY =
  'internet broadband provider consumer access service network rule order commission title classification competition investment market content speed price customer innovation regulation freedom speech business startup rural community school library telephone cable wireless fiber data privacy traffic lane payment choice public utility authority oversight transparency enforcement agency congress court law protection economy job growth infrastructure deployment subscriber household'.split(
    ' ',
  );
// Words a campaign's members swap for one another.
const SYNONYMS: string[][] = [
  ['support', 'back', 'endorse', 'favor'],
  ['oppose', 'reject', 'resist', 'object to'],
  ['important', 'vital', 'essential', 'crucial'],
  ['rules', 'regulations', 'protections', 'safeguards'],
  ['urge', 'ask', 'implore', 'call on'],
  ['harm', 'hurt', 'damage', 'injure'],
  ['keep', 'preserve', 'maintain', 'retain'],
  ['repeal', 'undo', 'reverse', 'roll back'],
  ['companies', 'corporations', 'firms', 'carriers'],
  ['free', 'open', 'unrestricted', 'neutral'],
  ['people', 'citizens', 'Americans', 'users'],
  ['government', 'Washington', 'bureaucrats', 'regulators'],
  ['big', 'large', 'huge', 'giant'],
  ['stop', 'end', 'halt', 'prevent'],
  ['believe', 'think', 'feel', 'am convinced'],
];
const GREETINGS = ['Dear FCC,', 'Dear Commissioners,', 'To the Federal Communications Commission:', 'Dear Chairman Pai,', 'Hello,', ''];
const CLOSINGS = ['Thank you.', 'Thank you for your consideration.', 'Sincerely,', 'Respectfully submitted,', 'Regards,', ''];
const FIRST =
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah Carlos Maria Wei Aisha Mohammed Priya Olga Juan Kenji Fatima Pierre Chloé'.split(
    ' ',
  );
const LAST =
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Nguyen Patel Kim Chen Okafor Tremblay Kowalski Rossi Müller'.split(
    ' ',
  );
const CITIES = 'Springfield Portland Austin Denver Columbus Madison Richmond Albany Fresno Tucson Omaha Raleigh Boise Tulsa Akron Dayton Eugene Reno Flint Laredo'.split(' ');
const STATES = 'Ohio Texas Oregon Iowa Maine Utah Idaho Nevada Georgia Florida Vermont Kansas Alabama Montana Virginia'.split(' ');

type Sentence = { words: string[]; swappable: Array<[position: number, group: number]>; text: string };
type Template = { sentences: Sentence[] };

function vocabulary(rnd: () => number): string[] {
  const syllables = 'ba be bi bo ca ce co da de di do fa fe fi ga ge go la le li lo ma me mi mo na ne no pa pe po ra re ri ro sa se si so ta te ti to va ve vo'.split(' ');
  const out = [...COMMON, ...POLICY];
  const seen = new Set(out);
  while (out.length < 8000) {
    const w = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => syllables[Math.floor(rnd() * syllables.length)]!).join('');
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

/** Zipf's law over a vocabulary: a few very common words, most rare. */
function zipf(n: number, rnd: () => number): () => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cum[r] = total += 1 / (r + 1);
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const join = (words: string[]) => capitalize(words.join(' ')) + '.';

/**
 * Yields `n` comments in chunks (ids 1..n). Labels: the template's index, or
 * UNIQUE. Templates have Zipf-like shares (the largest about 40 % of them).
 */
export function* fccComments(n: number, options: FccOptions = {}): Generator<SyntheticComment[]> {
  const rnd = prng(options.seed ?? 2017);
  const templateCount = options.templates ?? 10;
  const uniqueShare = options.uniqueShare ?? 0.06;
  const chunkSize = options.chunkSize ?? 10_000;
  const vocab = vocabulary(rnd);
  const word = zipf(vocab.length, rnd);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

  const sentence = (length: number, synonyms: boolean): Sentence => {
    const words: string[] = [];
    const swappable: Sentence['swappable'] = [];
    for (let i = 0; i < length; i++) {
      if (synonyms && rnd() < 0.08) {
        const g = Math.floor(rnd() * SYNONYMS.length);
        swappable.push([i, g]);
        words.push(SYNONYMS[g]![0]!);
      } else words.push(vocab[word()]!);
    }
    return { words, swappable, text: join(words) };
  };
  const templates: Template[] = Array.from({ length: templateCount }, () => {
    const target = 80 + Math.floor(rnd() * 170);
    const sentences: Sentence[] = [];
    for (let total = 0; total < target; ) {
      const s = sentence(8 + Math.floor(rnd() * 18), true);
      sentences.push(s);
      total += s.words.length;
    }
    return { sentences };
  });
  // One campaign adapted another's letter: the last template keeps every other
  // sentence of the third and rewrites the rest (a different campaign for the
  // labels, about a third of its shingles shared: close, but not the same).
  if (templateCount >= 4) {
    const source = templates[2]!.sentences;
    templates[templateCount - 1] = { sentences: source.map((s, i) => (i % 2 === 0 ? s : sentence(s.words.length, true))) };
  }
  const shares = templates.map((_, r) => 1 / (r + 1) ** 1.2);
  const cumulative = shares.map(
    (
      (sum) => (s: number) =>
        (sum += s)
    )(0),
  );
  const totalShare = cumulative[cumulative.length - 1]!;
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;

  const member = (t: Template): string => {
    const parts: string[] = [];
    const greeting = pick(GREETINGS);
    if (greeting) parts.push(greeting);
    if (rnd() < 0.5) parts.push(`My name is ${name()} and I live in ${pick(CITIES)}, ${pick(STATES)}.`);
    const drop = rnd() < 0.1 && t.sentences.length > 2 ? Math.floor(rnd() * t.sentences.length) : -1;
    // A quarter of members write something of their own: one sentence, or a few.
    const extra = rnd();
    const added = extra < 0.75 ? 0 : extra < 0.9 ? 1 : 2 + Math.floor(rnd() * 2);
    const addAt = added ? Math.floor(rnd() * (t.sentences.length + 1)) : -1;
    const own = () => Array.from({ length: added }, () => sentence(8 + Math.floor(rnd() * 18), false).text).join(' ');
    const typos = rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 0;
    const typoAt = typos ? Math.floor(rnd() * t.sentences.length) : -1;
    t.sentences.forEach((s, i) => {
      if (i === addAt) parts.push(own());
      if (i === drop) return;
      let words: string[] | null = null;
      for (const [position, group] of s.swappable) {
        if (rnd() < 0.25) {
          words ??= [...s.words];
          words[position] = pick(SYNONYMS[group]!);
        }
      }
      if (i === typoAt) {
        words ??= [...s.words];
        for (let k = 0; k < typos; k++) {
          const at = Math.floor(rnd() * words.length);
          const w = words[at]!;
          const c = Math.floor(rnd() * Math.max(1, w.length - 1));
          words[at] = w.length > 1 ? w.slice(0, c) + w[c + 1] + w[c] + w.slice(c + 2) : w + w;
        }
      }
      parts.push(words ? join(words) : s.text);
    });
    if (addAt === t.sentences.length) parts.push(own());
    const closing = pick(CLOSINGS);
    if (closing) parts.push(closing);
    if (rnd() < 0.9) parts.push(rnd() < 0.5 ? name() : `${name()}, ${pick(CITIES)}`);
    return parts.join(' ');
  };

  const unique = (): string => {
    const target = 10 + Math.floor(rnd() * 290);
    const parts: string[] = [];
    if (rnd() < 0.3) parts.push(pick(GREETINGS));
    for (let total = 0; total < target; ) {
      const s = sentence(5 + Math.floor(rnd() * 20), false);
      parts.push(s.text);
      total += s.words.length;
    }
    if (rnd() < 0.3) parts.push(pick(CLOSINGS), name());
    return parts.join(' ');
  };

  let chunk: SyntheticComment[] = [];
  for (let id = 1; id <= n; id++) {
    if (rnd() < uniqueShare) chunk.push({ id, text: unique(), label: UNIQUE });
    else {
      const x = rnd() * totalShare;
      let label = 0;
      while (cumulative[label]! < x) label++;
      chunk.push({ id, text: member(templates[label]!), label });
    }
    if (chunk.length === chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
