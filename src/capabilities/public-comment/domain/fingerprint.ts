// Fingerprints of comment texts, for finding form letters and their variants.
//
// A signature is a MinHash sketch of the text's word shingles (three words in a
// row), so that the share of equal values between two signatures estimates the
// Jaccard similarity of their shingle sets. It is computed by one-permutation
// hashing: each shingle is hashed ONCE, the top bits pick one of SIGNATURE_SIZE
// buckets and the bucket keeps its smallest hash; empty buckets borrow from a
// non-empty one chosen by a fixed sequence (optimal densification, Shrivastava
// 2017), which keeps the estimate unbiased. That is what makes a million
// comments fingerprint in seconds: no per-shingle string, no 64 hash functions.

/** Values in a signature. */
export const SIGNATURE_SIZE = 64;
const BUCKET_SHIFT = 26; // 32 - log2(SIGNATURE_SIZE)
/** Words per shingle; shorter texts use as many words as they have. */
export const SHINGLE_WORDS = 3;

// Folding table, one entry per UTF-16 code unit: 0 not yet known, SEPARATOR
// (punctuation, space), MARK (a combining accent: dropped, not a separator), or
// up to two folded code units (lo | hi << 16), always positive so that the
// table holds small integers only (no boxed numbers in the hot loop).
const SEPARATOR = -1;
const MARK = -2;
const table = new Int32Array(65536);
const LETTER = /^[\p{L}\p{N}]$/u;
const COMBINING = /^\p{M}$/u;
const EXPANSIONS: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ẞ: 'ss' };

function foldOf(code: number): number {
  const ch = String.fromCharCode(code);
  // Surrogates are parts of characters beyond the BMP (emoji, rare scripts): kept as they are.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (COMBINING.test(ch)) return MARK;
  if (!LETTER.test(ch)) return SEPARATOR;
  // Compatibility decomposition also folds ligatures, full-width letters and superscripts.
  let f = EXPANSIONS[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (f.length === 0 || !/^[\p{L}\p{N}]+$/u.test(f)) f = ch.toLowerCase();
  const lo = f.charCodeAt(0);
  const hi = f.length > 1 ? f.charCodeAt(1) : 0;
  return lo | ((hi & 0x7fff) << 16);
}

function fold(code: number): number {
  let f = table[code]!;
  if (f === 0) f = table[code] = foldOf(code);
  return f;
}

// Warm the ASCII part so the hot loop's common case never calls foldOf.
for (let c = 0; c < 128; c++) fold(c);

/** Case-folded, accents stripped, punctuation and spaces collapsed to single spaces: "Réunion, l'été!" → "reunion l ete". */
export function normalizeText(text: string): string {
  // Folded code units first, then one string: no string built character by character.
  const codes = new Uint16Array(text.length * 2);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const f = fold(text.charCodeAt(i));
    if (f === MARK) continue;
    if (f === SEPARATOR) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) codes[n++] = 32;
    pendingSpace = false;
    codes[n++] = f & 0xffff;
    const hi = (f >>> 16) & 0x7fff;
    if (hi !== 0) codes[n++] = hi;
  }
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return out;
}

/** Murmur3's finalizer: every input bit moves every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Scratch space for word hashes, grown as needed and reused across calls (the
// functions stay pure: nothing of one call is visible to the next).
let words: Int32Array = new Int32Array(1024);

/** 32-bit FNV-1a of each folded word (mixed, as signed integers), written into `words`; returns the word count. */
function hashWords(text: string): number {
  const len = text.length;
  // A word and its separator take at least two code units: room for all, checked once.
  if (words.length < (len >> 1) + 1) words = new Int32Array((len >> 1) + 1024);
  const buf = words;
  const tab = table;
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let f = tab[c]!;
    if (f === 0) f = fold(c);
    if (f > 0) {
      // The common case first: a letter or digit, one or two folded code units.
      inWord = true;
      h = Math.imul(h ^ (f & 0xffff), 0x01000193);
      if (f > 0xffff) h = Math.imul(h ^ (f >>> 16), 0x01000193);
    } else if (inWord && f === SEPARATOR) {
      buf[n++] = mix32(h);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) buf[n++] = mix32(h);
  return n;
}

/** Writes the signature of `text` into `out` at `offset` (SIGNATURE_SIZE values); returns the number of shingles. */
export function signatureInto(text: string, out: Uint32Array, offset = 0): number {
  const n = hashWords(text);
  if (n === 0) {
    // No words at all: an all-zero signature, which clustering keeps alone.
    out.fill(0, offset, offset + SIGNATURE_SIZE);
    return 0;
  }
  const k = n < SHINGLE_WORDS ? n : SHINGLE_WORDS;
  const shingles = n - k + 1;
  // Minimums kept as signed integers (x ^ 0x80000000 orders like unsigned x),
  // so the hot loop never handles numbers above 2³¹.
  const min = mins;
  min.fill(0x7fffffff);
  let filledLo = 0;
  let filledHi = 0;
  const buf = words;
  for (let i = 0; i < shingles; i++) {
    // An order-sensitive combination of k word hashes (multiplying by an odd
    // constant is a bijection that spreads each word before the next is mixed in).
    let h = buf[i]!;
    if (k > 1) h = Math.imul(h, 0x9e3779b1) ^ buf[i + 1]!;
    if (k > 2) h = Math.imul(h, 0x9e3779b1) ^ buf[i + 2]!;
    const x = mix32(h ^ k);
    const b = x >>> BUCKET_SHIFT;
    const v = x ^ 0x80000000;
    if (v < min[b]!) min[b] = v;
    if (b < 32) filledLo |= 1 << b;
    else filledHi |= 1 << (b - 32);
  }
  for (let b = 0; b < SIGNATURE_SIZE; b++) out[offset + b] = (min[b]! ^ 0x80000000) >>> 0;
  // Densification: an empty bucket copies the value of the first non-empty bucket
  // in its own fixed pseudo-random sequence, the same for every text.
  for (let b = 0; b < SIGNATURE_SIZE; b++) {
    if (isFilled(filledLo, filledHi, b)) continue;
    for (let attempt = 1; ; attempt++) {
      const from = mix(Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77)) >>> BUCKET_SHIFT;
      if (isFilled(filledLo, filledHi, from)) {
        out[offset + b] = out[offset + from]!;
        break;
      }
    }
  }
  return shingles;
}

const mins = new Int32Array(SIGNATURE_SIZE);

/** mix, as a signed 32-bit integer. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function isFilled(lo: number, hi: number, b: number): boolean {
  return b < 32 ? (lo & (1 << b)) !== 0 : (hi & (1 << (b - 32))) !== 0;
}

/** MinHash signature of a text (SIGNATURE_SIZE values). */
export function signature(text: string): Uint32Array {
  const out = new Uint32Array(SIGNATURE_SIZE);
  signatureInto(text, out, 0);
  return out;
}

/** True for the signature of a text without any word. */
export function isEmptySignature(sig: Uint32Array, offset = 0): boolean {
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (sig[offset + i] !== 0) return false;
  return true;
}

/** Estimated Jaccard similarity of two texts' shingle sets: the share of equal signature values. */
export function similarity(a: Uint32Array, b: Uint32Array, aOffset = 0, bOffset = 0): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[aOffset + i] === b[bOffset + i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Little-endian bytes, for a bytea column. */
export function signatureToBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i]!, i * 4);
  return buf;
}

/** The inverse of signatureToBytes; refuses bytes that are not a whole signature. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE);
  signatureBytesInto(bytes, sig, 0);
  return sig;
}

/**
 * Reads stored bytes straight into a packed array (for clusterPacked): a
 * million rows then need no typed array each.
 */
export function signatureBytesInto(bytes: Uint8Array, out: Uint32Array, offset: number): void {
  if (bytes.length !== SIGNATURE_SIZE * 4) throw new RangeError(`a signature is ${SIGNATURE_SIZE * 4} bytes, not ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < SIGNATURE_SIZE; i++) out[offset + i] = view.getUint32(i * 4, true);
}
