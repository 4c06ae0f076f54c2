import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  normalizeText,
  signature,
  signatureBytesInto,
  signatureFromBytes,
  signatureInto,
  signatureToBytes,
  similarity,
  SIGNATURE_SIZE,
} from '../../src/capabilities/public-comment/domain/fingerprint.ts';
import { clusterPacked, clusterSignatures, clusterTexts, type Clustering } from '../../src/capabilities/public-comment/domain/clusters.ts';
import { additions, addedWords, templateOf } from '../../src/capabilities/public-comment/domain/additions.ts';
import { fccComments, UNIQUE } from '../../bench/support/fcc-comments.ts';
import { pairwiseScores } from '../../bench/support/comments-clustering.ts';

// Deterministic words for long texts (mulberry32).
function words(seed: number) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const syl = 'ba ke ri to mu sa le no vi da pe go fu la mi ro te xu'.split(' ');
  return (n: number) => Array.from({ length: n }, () => syl[Math.floor(rnd() * syl.length)]! + syl[Math.floor(rnd() * syl.length)]! + syl[Math.floor(rnd() * syl.length)]!);
}

const GREETING = 'Dear Commissioners, I am writing to you today about the proposal before you.';
const CLOSING = 'Thank you for your time and consideration. Sincerely,';
const BODY_A =
  'The open internet has been a powerful engine of innovation and free expression, and the rules that protect it should stay in place. ' +
  'Internet service providers should not be allowed to block, throttle or prioritize lawful content for payment, because that would let a few companies decide what we can read and watch. ' +
  'Small businesses, libraries and schools depend on equal access to reach their customers, patrons and students, and they cannot afford to pay for a fast lane. ' +
  'Rolling back these protections would hurt consumers in rural and urban communities alike and would reduce competition in a market where most households have one or two choices. ' +
  'I urge you to keep the current framework and to enforce it vigorously.';
const BODY_B =
  'Heavy regulation from the nineteen thirties was designed for telephone monopolies and does not fit a modern broadband market that changes every year. ' +
  'Since the classification was imposed, investment in new fiber and wireless networks has slowed, and smaller carriers report that compliance costs are delaying upgrades. ' +
  'A light touch approach let the internet flourish for two decades, and returning to it will encourage providers to expand service to underserved areas. ' +
  'Consumers are better protected by transparency and by the competition authorities than by utility rules written for another century. ' +
  'Please restore the earlier policy and let the market work.';

const letter = (body: string, name: string) => `${GREETING} ${body} ${CLOSING} ${name}`;

const ids = (texts: string[]) => texts.map((text, i) => ({ id: i + 1, text }));
const clusterOf = (c: Clustering, id: number) => c.clusters.find((k) => k.members.includes(id))!;
const sizes = (c: Clustering) => c.clusters.map((k) => k.members.length).sort((x, y) => y - x);

function assertPartition(c: Clustering, expectedIds: number[]) {
  const seen = c.clusters.flatMap((k) => k.members).sort((x, y) => x - y);
  assert.deepEqual(
    seen,
    [...expectedIds].sort((x, y) => x - y),
    'every id in exactly one cluster',
  );
  for (const k of c.clusters) {
    assert.deepEqual(
      k.members,
      [...k.members].sort((x, y) => x - y),
      'members sorted',
    );
    assert.equal(k.key, Math.min(...k.members), 'key is the smallest member');
  }
}

describe('normalizing and fingerprinting comment texts', () => {
  it('folds case, accents, ligatures and punctuation, in English and French', () => {
    assert.equal(normalizeText('Réunion'), 'reunion');
    assert.equal(normalizeText("  L'ÉTÉ, à Montréal!!  Ça va ?"), 'l ete a montreal ca va');
    assert.equal(normalizeText('Le cœur, l’Œuvre — naïve façade'), 'le coeur l oeuvre naive facade');
    // The same words typed with combining accents (decomposed) fold the same way.
    assert.equal(normalizeText('Re\u0301union de\u0301cide\u0301e'), 'reunion decidee');
    assert.equal(normalizeText('Straße'), 'strasse');
    assert.equal(normalizeText('...!?'), '');
  });

  it('gives the same signature to a text and its normalized form', () => {
    const text = letter(BODY_A, 'Émilie Côté-Lévesque, Québec');
    assert.deepEqual(signature(text), signature(normalizeText(text)));
    assert.deepEqual(signature('RÉUNION publique'), signature('reunion   PUBLIQUE.'));
    // Long texts of one-letter words: the most words a text of that length can hold.
    const long = words(5)(20000).join(' ') + ' ' + 'a b c d e f g h i j '.repeat(3000) + 'z';
    assert.deepEqual(signature(long), signature(normalizeText(long)));
  });

  it('estimates similarity: identical 1, unrelated near 0, a small edit high', () => {
    const a = signature(letter(BODY_A, 'Ann'));
    assert.equal(similarity(a, signature(letter(BODY_A, 'Ann'))), 1);
    assert.ok(similarity(a, signature(words(1)(120).join(' '))) < 0.1);
    assert.ok(similarity(a, signature(letter(BODY_A, 'Bob Marley from Kingston'))) > 0.75);
  });

  it('round-trips through bytes for storage and refuses truncated bytes', () => {
    const sig = signature(letter(BODY_B, 'Zoé'));
    const bytes = signatureToBytes(sig);
    assert.equal(bytes.length, SIGNATURE_SIZE * 4);
    assert.deepEqual(signatureFromBytes(bytes), sig);
    assert.deepEqual(signatureFromBytes(new Uint8Array(bytes)), sig);
    // The driver may hand over a slice of a larger buffer.
    assert.deepEqual(signatureFromBytes(Buffer.concat([Buffer.from('xyz'), bytes]).subarray(3)), sig);
    assert.throws(() => signatureFromBytes(bytes.subarray(1)), RangeError);
    const packed = new Uint32Array(3 * SIGNATURE_SIZE);
    signatureBytesInto(bytes, packed, SIGNATURE_SIZE);
    assert.deepEqual(packed.subarray(SIGNATURE_SIZE, 2 * SIGNATURE_SIZE), sig);
    assert.equal(packed[0], 0);
    assert.equal(packed[2 * SIGNATURE_SIZE], 0);
  });
});

describe('clustering near-duplicate comments', () => {
  it('puts identical texts in one cluster, keyed by the smallest id', () => {
    const text = letter(BODY_A, 'Ann Lee');
    const c = clusterTexts([
      { id: 30, text },
      { id: 7, text },
      { id: 12, text },
    ]);
    assert.deepEqual(c.clusters, [{ key: 7, members: [7, 12, 30] }]);
  });

  it('groups a mail-merge form letter whose names and places change', () => {
    const people = ['Ann Lee, Toronto', 'Jean-Marc Tremblay of Rimouski', 'Priya Natarajan from Surrey BC', 'Bob', 'Dr. Kwame Mensah, Halifax, Nova Scotia'];
    const texts = people.map((p) => `My name is ${p}. ${letter(BODY_A, p)}`);
    const c = clusterTexts(ids(texts));
    assertPartition(c, [1, 2, 3, 4, 5]);
    assert.deepEqual(sizes(c), [5]);
  });

  it('groups variants with synonyms swapped', () => {
    const variants = [
      BODY_A,
      BODY_A.replace('powerful', 'mighty').replace('urge', 'ask').replace('hurt', 'harm'),
      BODY_A.replace('block', 'stop').replace('lawful', 'legal').replace('vigorously', 'firmly').replace('customers', 'clients'),
      BODY_A.replace('companies', 'firms').replace('depend', 'rely').replace('reduce', 'lower'),
    ];
    const c = clusterTexts(ids(variants.map((v, i) => letter(v, `Person ${i}`))));
    assert.deepEqual(sizes(c), [4]);
  });

  it('groups a member that added a sentence, and one with a paragraph moved', () => {
    const sentences = BODY_A.split('. ');
    const reordered = [...sentences.slice(2), ...sentences.slice(0, 2)].join('. ');
    const texts = [
      letter(BODY_A, 'Ann'),
      letter(BODY_A + ' As a nurse in a remote clinic I rely on video consultations that would suffer first.', 'Ben'),
      letter(reordered, 'Cleo'),
    ];
    const c = clusterTexts(ids(texts));
    assert.deepEqual(sizes(c), [3]);
  });

  it('keeps apart two campaigns that share only a greeting and a closing', () => {
    const texts = [...['Ann', 'Ben', 'Cleo', 'Dan'].map((n) => letter(BODY_A, n)), ...['Eve', 'Fay', 'Gus'].map((n) => letter(BODY_B, n))];
    const c = clusterTexts(ids(texts));
    assertPartition(c, [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(c.clusters, [
      { key: 1, members: [1, 2, 3, 4] },
      { key: 5, members: [5, 6, 7] },
    ]);
  });

  it('does not chain: texts each close to the next but far from the ends stay apart', () => {
    // A sliding window over one long text: neighbours share 75 % of their words,
    // texts four steps apart share none. Union-find alone makes one cluster of it.
    // Fifty different chains, so that the guard does not pass by luck of one seed.
    for (let seed = 1; seed <= 50; seed++) {
      const long = words(seed)(60 + 15 * 12);
      const chain = Array.from({ length: 13 }, (_, i) => long.slice(i * 15, i * 15 + 60).join(' '));
      const c = clusterTexts(ids(chain));
      assertPartition(
        c,
        chain.map((_, i) => i + 1),
      );
      assert.ok(c.clusters.length >= 4, `seed ${seed}: ${c.clusters.length} clusters`);
      for (const k of c.clusters) {
        const span = Math.max(...k.members) - Math.min(...k.members);
        assert.ok(span <= 3, `seed ${seed}: cluster ${k.members.join(',')} holds texts that share no word`);
      }
      if (seed === 1) {
        const sigs = chain.map((t) => signature(t));
        assert.ok(similarity(sigs[5]!, sigs[6]!) >= 0.5, 'neighbours are similar enough to be linked');
        assert.ok(similarity(sigs[0]!, sigs[12]!) < 0.05);
      }
    }
  });

  it('treats French accents and case as the same letter', () => {
    const fr =
      "Madame, Monsieur, je souhaite que la réunion publique sur la sécurité des objets connectés se tienne à Montréal et à Québec, et que l'étiquette de sécurité soit obligatoire pour tous les fabricants. Les consommateurs ont le droit de savoir pendant combien de temps leurs appareils recevront des mises à jour.";
    const texts = [fr, fr.toUpperCase(), fr.normalize('NFD').replace(/\p{M}/gu, ''), fr.replace('Montréal', 'Sherbrooke')];
    const c = clusterTexts(ids(texts));
    assert.deepEqual(c.clusters, [{ key: 1, members: [1, 2, 3, 4] }]);
  });

  it('keeps empty texts alone and groups very short texts only when they say the same', () => {
    const texts = ['', '   ', '!!!', 'Oui', 'oui.', 'OUI !', 'I support net neutrality', 'I oppose net neutrality', 'i SUPPORT net-neutrality.', 'Non'];
    const c = clusterTexts(ids(texts));
    assertPartition(
      c,
      texts.map((_, i) => i + 1),
    );
    assert.deepEqual(clusterOf(c, 1).members, [1]);
    assert.deepEqual(clusterOf(c, 2).members, [2]);
    assert.deepEqual(clusterOf(c, 3).members, [3]);
    assert.deepEqual(clusterOf(c, 4).members, [4, 5, 6]);
    assert.deepEqual(clusterOf(c, 7).members, [7, 9]);
    assert.deepEqual(clusterOf(c, 8).members, [8]);
    assert.deepEqual(clusterOf(c, 10).members, [10]);
  });

  it('is deterministic and independent of input order', () => {
    const w = words(3);
    const texts: string[] = [];
    for (let i = 0; i < 40; i++) texts.push(letter(BODY_A, w(2).join(' ')));
    for (let i = 0; i < 25; i++) texts.push(letter(BODY_B, w(3).join(' ')));
    for (let i = 0; i < 30; i++) texts.push(w(20 + i * 3).join(' '));
    const items = ids(texts);
    const first = clusterTexts(items);
    assert.deepEqual(clusterTexts(items), first);
    const shuffled = [...items].sort((a, b) => ((a.id * 7919) % 97) - ((b.id * 7919) % 97) || a.id - b.id);
    assert.deepEqual(clusterTexts(shuffled), first);
    assertPartition(
      first,
      items.map((i) => i.id),
    );
    assert.deepEqual(sizes(first).slice(0, 3), [40, 25, 1]);
    assert.equal(first.clusters.length, 32);
  });

  it('refuses signatures of the wrong size and duplicate ids', () => {
    assert.throws(() => clusterSignatures([{ id: 1, sig: new Uint32Array(3) }]), RangeError);
    const sig = signature('hello there world');
    assert.throws(
      () =>
        clusterSignatures([
          { id: 1, sig },
          { id: 1, sig },
        ]),
      RangeError,
    );
    assert.deepEqual(clusterSignatures([]), { clusters: [] });
  });

  it('clusters packed signatures written in place, and refuses ids out of order', () => {
    const texts = [letter(BODY_A, 'Ann'), letter(BODY_B, 'Ben'), letter(BODY_A, 'Cleo')];
    const sigs = new Uint32Array(texts.length * SIGNATURE_SIZE).fill(7);
    texts.forEach((t, i) => signatureInto(t, sigs, i * SIGNATURE_SIZE));
    assert.deepEqual(sigs.subarray(SIGNATURE_SIZE, 2 * SIGNATURE_SIZE), signature(texts[1]!));
    assert.deepEqual(clusterPacked(new Float64Array([10, 20, 30]), sigs).clusters, [
      { key: 10, members: [10, 30] },
      { key: 20, members: [20] },
    ]);
    assert.throws(() => clusterPacked(new Float64Array([10, 30, 20]), sigs), RangeError);
    assert.throws(() => clusterPacked(new Float64Array([10, 20]), sigs), RangeError);
    assert.throws(() => clusterPacked(new Float64Array([10, 20, 30]), sigs, { bands: 20, rows: 4 }), RangeError);
  });
});

describe('what a member added to the template', () => {
  const template = 'Please keep the rules that protect the open internet. Thank you.';

  it('shows added words (punctuation aside), with the member’s own spelling', () => {
    const text = 'Please keep the rules that protect the open internet for rural schools. Thank you.';
    assert.deepEqual(additions(template, text), [
      { kind: 'same', text: 'Please keep the rules that protect the open internet ' },
      { kind: 'added', text: 'for rural schools. ' },
      { kind: 'same', text: 'Thank you.' },
    ]);
    assert.equal(addedWords(template, text), 3);
  });

  it('shows removed and changed words, and ignores case and accents', () => {
    assert.deepEqual(additions(template, 'Please keep the rules that protect the internet. Thank you.'), [
      { kind: 'same', text: 'Please keep the rules that protect the ' },
      { kind: 'removed', text: 'open ' },
      { kind: 'same', text: 'internet. Thank you.' },
    ]);
    assert.deepEqual(additions(template, 'Please keep the laws that protect the open internet. Thank you.'), [
      { kind: 'same', text: 'Please keep the ' },
      { kind: 'removed', text: 'rules ' },
      { kind: 'added', text: 'laws ' },
      { kind: 'same', text: 'that protect the open internet. Thank you.' },
    ]);
    assert.deepEqual(additions('La réunion publique', 'LA REUNION publique'), [{ kind: 'same', text: 'LA REUNION publique' }]);
    assert.equal(addedWords(template, template), 0);
  });

  it('handles empty texts and texts with nothing in common', () => {
    assert.deepEqual(additions('', 'New words'), [{ kind: 'added', text: 'New words' }]);
    assert.deepEqual(additions('Old words', ''), [{ kind: 'removed', text: 'Old words' }]);
    assert.deepEqual(additions('', ''), []);
    assert.equal(addedWords('alpha beta', 'gamma delta epsilon'), 3);
  });

  it('stays exact on long letters with scattered edits', () => {
    const w = words(11)(3000);
    const edited = [...w];
    edited.splice(2500, 0, 'ADDED', 'POINT');
    edited.splice(1200, 1);
    edited[10] = 'CHANGED';
    const segs = additions(w.join(' '), edited.join(' '));
    assert.equal(
      segs
        .filter((s) => s.kind === 'added')
        .map((s) => s.text.trim())
        .join('|'),
      'CHANGED|ADDED POINT',
    );
    assert.equal(segs.filter((s) => s.kind === 'removed').length, 2);
    // The member's text is rebuilt exactly from its same and added segments.
    assert.equal(
      segs
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
      edited.join(' '),
    );
  });

  it('gives up on a word diff when the texts share almost nothing', () => {
    const a = words(21)(5000).join(' ');
    const b = words(22)(5000).join(' ');
    const segs = additions(a, b);
    assert.deepEqual(
      segs.map((s) => s.kind),
      ['removed', 'added'],
    );
    assert.equal(segs[1]!.text, b);
  });

  it('picks the template: the most frequent text, else the most central one', () => {
    const a = letter(BODY_A, 'Ann');
    assert.equal(templateOf([letter(BODY_A, 'x y'), a, a.toUpperCase(), letter(BODY_A + ' More.', 'z')]), a);
    const central = letter(BODY_A, '');
    const others = [BODY_A.replace('powerful', 'mighty') + ' Extra words of my own here.', BODY_A.replace('urge', 'ask') + ' And a longer addition that is only mine.'].map((b) =>
      letter(b, ''),
    );
    assert.equal(templateOf([others[0]!, central, others[1]!]), central);
    assert.equal(templateOf([]), '');
  });
});

describe('the clustering benchmark’s generator and scores', () => {
  it('counts pairwise precision and recall from the contingency table', () => {
    // Truth: template 0 = {1,2,3,4}, template 1 = {5,6}, 7 and 8 unique.
    const label = (id: number) => (id <= 4 ? 0 : id <= 6 ? 1 : UNIQUE);
    const perfect = [
      { key: 1, members: [1, 2, 3, 4] },
      { key: 5, members: [5, 6] },
      { key: 7, members: [7] },
      { key: 8, members: [8] },
    ];
    assert.deepEqual(pairwiseScores(perfect, label), { precision: 1, recall: 1 });
    // {1,2,3} + {4,5,6,7}: together 3 + 6 = 9 pairs, correct 3 + 1 = 4; true pairs 6 + 1 = 7.
    const mixed = [
      { key: 1, members: [1, 2, 3] },
      { key: 4, members: [4, 5, 6, 7] },
      { key: 8, members: [8] },
    ];
    const s = pairwiseScores(mixed, label);
    assert.equal(s.precision, 4 / 9);
    assert.equal(s.recall, 4 / 7);
    // Two unique comments clustered together are a false pair.
    assert.equal(pairwiseScores([...perfect.slice(0, 2), { key: 7, members: [7, 8] }], label).precision, 7 / 8);
  });

  it('generates the same labelled comments for a seed, about 6 % unique, the largest template near 40 %', () => {
    const all = [...fccComments(4000, { chunkSize: 1000 })];
    assert.equal(all.length, 4);
    const flat = all.flat();
    assert.deepEqual(
      flat.map((c) => c.id),
      flat.map((_, i) => i + 1),
    );
    assert.deepEqual([...fccComments(200)].flat(), [...fccComments(200)].flat());
    assert.notDeepEqual([...fccComments(200, { seed: 1 })].flat(), [...fccComments(200)].flat());
    const unique = flat.filter((c) => c.label === UNIQUE).length / flat.length;
    assert.ok(unique > 0.045 && unique < 0.075, `unique share ${unique}`);
    const largest = flat.filter((c) => c.label === 0).length / flat.length;
    assert.ok(largest > 0.33 && largest < 0.43, `largest template ${largest}`);
  });

  it('clusters 5,000 generated comments with precision and recall of at least 0.95', () => {
    const flat = [...fccComments(5000)].flat();
    const { clusters } = clusterTexts(flat);
    const { precision, recall } = pairwiseScores(clusters, (id) => flat[id - 1]!.label);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.95, `recall ${recall}`);
  });
});
