import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitMarkdown } from '../../src/platform/content/markdown.ts';
import { classify, toMarkdown, type Block } from '../../src/capabilities/documents/domain/document.ts';
import { applyEdit, type NewVersion, type Previous } from '../../src/capabilities/documents/domain/versioning.ts';

// Anchoring across inserts, deletions, moves, splits and merges: what a link
// to a paragraph (and a comment on it) depends on.

const parse = (md: string) => splitMarkdown(md).blocks.map(classify);
const empty: Previous = { blocks: [], nextAnchor: 1, title: {}, trailer: {} };

function edit(prev: Previous, md: string, version: number, lang: 'en' | 'fr' = 'en'): NewVersion & Previous {
  const r = applyEdit(prev, lang, parse(md), version, { title: prev.title, trailer: prev.trailer });
  if (!r.ok) throw new Error(r.refusal);
  return { ...r.value, title: prev.title, trailer: prev.trailer };
}

/** anchor → English text, in document order. */
const map = (blocks: readonly Block[]) => blocks.map((b) => [b.anchor, b.text.en?.content ?? null]);
const anchorOf = (blocks: readonly Block[], text: string) => blocks.find((b) => b.text.en?.content === text)?.anchor;

const P = {
  a: 'Devices should be built with security at the forefront of their design.',
  b: 'Manufacturers should support devices with security updates for a stated period.',
  c: 'Consumers need clear labels describing how long a device will receive updates.',
  d: 'Networks should be able to isolate a compromised device without harming others.',
  e: 'Security training should be tied into digital literacy training.',
};
const doc = (...ps: string[]) => ps.join('\n\n');

describe('anchors: the first version', () => {
  it('numbers blocks in order: headings, paragraphs, list items, recommendations, tables', () => {
    const v = edit(empty, '# Intro\n\nText.\n\n- one\n- two\n\nRecommendation: Do it.\n\n| a |\n|---|\n| 1 |\n', 1);
    assert.deepEqual(
      v.blocks.map((b) => [b.anchor, b.kind]),
      [
        ['p1', 'heading'],
        ['p2', 'paragraph'],
        ['p3', 'item'],
        ['p4', 'item'],
        ['p5', 'recommendation'],
        ['p6', 'other'],
      ],
    );
    assert.equal(v.nextAnchor, 7);
    assert.equal(v.blocks[4]!.text.en!.content, 'Do it.');
    assert.equal(v.blocks[0]!.level, 2, 'a Markdown # is a section under the document title');
  });
});

describe('anchors survive edits elsewhere', () => {
  const v1 = edit(empty, doc(P.a, P.b, P.c, P.d), 1);
  const before = Object.fromEntries(map(v1.blocks).map(([a, t]) => [t, a]));

  const cases: Array<[string, string, (v: NewVersion) => void]> = [
    [
      'insert at the start',
      doc(P.e, P.a, P.b, P.c, P.d),
      (v) => {
        for (const p of [P.a, P.b, P.c, P.d]) assert.equal(anchorOf(v.blocks, p), before[p]);
        assert.equal(anchorOf(v.blocks, P.e), 'p5');
        assert.deepEqual(v.summary, { added: 1, changed: 0, removed: 0, moved: 0 });
      },
    ],
    [
      'insert in the middle',
      doc(P.a, P.b, P.e, P.c, P.d),
      (v) => {
        for (const p of [P.a, P.b, P.c, P.d]) assert.equal(anchorOf(v.blocks, p), before[p]);
        assert.deepEqual(v.anchors.added, [{ anchor: 'p5', splitFrom: null }]);
      },
    ],
    [
      'delete',
      doc(P.a, P.c, P.d),
      (v) => {
        for (const p of [P.a, P.c, P.d]) assert.equal(anchorOf(v.blocks, p), before[p]);
        assert.deepEqual(v.anchors.removed, [{ anchor: before[P.b], mergedInto: null }]);
      },
    ],
    [
      'move (unchanged text)',
      doc(P.c, P.a, P.b, P.d),
      (v) => {
        for (const p of [P.a, P.b, P.c, P.d]) assert.equal(anchorOf(v.blocks, p), before[p]);
        assert.equal(v.summary.moved, 1);
        assert.deepEqual(v.anchors, { added: [], removed: [] });
      },
    ],
    [
      'move and edit at once',
      doc(P.b, P.c, P.d, P.a.replace('forefront', 'very forefront')),
      (v) => {
        assert.equal(anchorOf(v.blocks, P.a.replace('forefront', 'very forefront')), before[P.a]);
        assert.equal(v.summary.changed, 1);
      },
    ],
    [
      'edit in place (a few words)',
      doc(P.a, P.b.replace('a stated period', 'at least five years'), P.c, P.d),
      (v) => {
        assert.equal(v.blocks[1]!.anchor, before[P.b]);
        assert.equal(v.blocks[1]!.text.en!.rev, 2, 'revised in version 2');
        assert.equal(v.blocks[0]!.text.en!.rev, 1, 'untouched blocks keep their revision');
      },
    ],
    [
      'rewrite beyond recognition: a new paragraph replaces the old',
      doc(P.a, 'Something else entirely, about spectrum auctions.', P.c, P.d),
      (v) => {
        assert.equal(anchorOf(v.blocks, 'Something else entirely, about spectrum auctions.'), 'p5');
        assert.deepEqual(v.anchors.removed, [{ anchor: before[P.b], mergedInto: null }]);
      },
    ],
    [
      'whitespace and line breaks are not changes',
      doc(P.a, P.b.replace(' with ', '\nwith  '), P.c, P.d),
      (v) => {
        assert.equal(v.blocks[1]!.anchor, before[P.b]);
        assert.equal(v.blocks[1]!.text.en!.rev, 1);
      },
    ],
  ];
  for (const [name, md, check] of cases) it(name, () => check(edit(v1, md, 2)));

  it('split: the larger part keeps the anchor, the other is new and remembers where it came from', () => {
    const long = `${P.b} ${P.c} They should also publish a contact for vulnerability reports.`;
    const v = edit(edit(empty, doc(P.a, long, P.d), 1), doc(P.a, P.b, `${P.c} They should also publish a contact for vulnerability reports.`, P.d), 2);
    assert.deepEqual(
      v.blocks.map((b) => b.anchor),
      ['p1', 'p4', 'p2', 'p3'],
    );
    assert.deepEqual(v.anchors.added, [{ anchor: 'p4', splitFrom: 'p2' }]);
    assert.deepEqual(v.anchors.removed, []);
  });

  it('merge: the paragraph with most of the words keeps its anchor; the absorbed one’s anchor leads to it', () => {
    const v = edit(edit(empty, doc(P.a, P.b, P.c, P.d), 1), doc(P.a, `${P.b} ${P.c}`, P.d), 2);
    assert.deepEqual(
      v.blocks.map((b) => b.anchor),
      ['p1', 'p3', 'p4'],
    );
    assert.deepEqual(v.anchors.removed, [{ anchor: 'p2', mergedInto: 'p3' }]);
  });

  it('identical paragraphs are matched in order', () => {
    const v = edit(edit(empty, doc('To be decided.', P.a, 'To be decided.'), 1), doc(P.e, 'To be decided.', P.a, 'To be decided.'), 2);
    assert.deepEqual(
      v.blocks.map((b) => b.anchor),
      ['p4', 'p1', 'p2', 'p3'],
    );
  });

  it('a reworded heading keeps its anchor; list items keep theirs when an item is inserted', () => {
    const v1b = edit(empty, '# Lifespan guidelines\n\n- Development\n- Manufacturing\n- Management\n', 1);
    const v = edit(v1b, '# Guidelines for the lifespan\n\n- Development\n- Manufacturing\n- Communications\n- Management\n', 2);
    assert.deepEqual(map(v.blocks), [
      ['p1', 'Guidelines for the lifespan'],
      ['p2', 'Development'],
      ['p3', 'Manufacturing'],
      ['p5', 'Communications'],
      ['p4', 'Management'],
    ]);
  });

  it('an unchanged save is refused rather than making an empty version', () => {
    const r = applyEdit(v1, 'en', parse(doc(P.a, P.b, P.c, P.d)), 2, { title: {}, trailer: {} });
    assert.equal(r.ok, false);
  });

  it('anchors survive a long chain of versions (a link made on version 1 still works on version 6)', () => {
    let v: NewVersion & Previous = v1;
    const steps = [
      doc(P.e, P.a, P.b, P.c, P.d),
      doc(P.e, P.a, P.c, P.b, P.d),
      doc(P.e, P.a, P.c, `${P.b} Extra words.`, P.d),
      doc(P.a, P.c, `${P.b} Extra words.`, P.d),
      doc(P.d, P.a, P.c, `${P.b} Extra words.`),
    ];
    steps.forEach((md, i) => (v = edit(v, md, i + 2)));
    assert.equal(anchorOf(v.blocks, `${P.b} Extra words.`), before[P.b]);
    assert.equal(anchorOf(v.blocks, P.d), before[P.d]);
  });

  it('scales: 4,000 paragraphs, 20 edited, 5 inserted, 3 deleted, 2 moved keep every other anchor', () => {
    const paras = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i} talks about ${['labels', 'updates', 'networks', 'consumers'][i % 4]} and item ${i * 7}.`);
    const big = edit(empty, paras.join('\n\n'), 1);
    const next = [...paras];
    for (let k = 0; k < 20; k++) next[k * 150 + 3] = next[k * 150 + 3]!.replace('talks about', 'now discusses');
    next.splice(3999, 1);
    next.splice(2000, 1);
    next.splice(10, 1);
    for (let k = 0; k < 5; k++) next.splice(500 * (k + 1), 0, `Inserted paragraph number ${k} on spectrum.`);
    const [m] = next.splice(100, 1);
    next.splice(3000, 0, m!);
    const started = performance.now();
    const v = edit(big, next.join('\n\n'), 2);
    const ms = performance.now() - started;
    assert.deepEqual(v.summary, { added: 5, changed: 20, removed: 3, moved: 1 });
    assert.ok(ms < 5000, `${ms} ms`);
  });
});

describe('both languages in one structure', () => {
  it('a block not yet written in the edited language stays where it was', () => {
    const v1 = edit(empty, doc(P.a, P.b), 1);
    // French is added for the first block only, then the English is edited around it.
    const withFr: Previous = {
      ...v1,
      blocks: v1.blocks.map((b, i) => (i === 0 ? { ...b, text: { ...b.text, fr: { content: 'Sécurité dès la conception.', rev: 2, basis: 2 } } } : b)),
    };
    const frOnly = edit(withFr, 'Sécurité dès la conception.\n\nUn paragraphe seulement en français.', 3, 'fr');
    assert.deepEqual(
      frOnly.blocks.map((b) => [b.anchor, Object.keys(b.text).sort().join('+')]),
      [
        ['p1', 'en+fr'],
        ['p2', 'en'],
        ['p3', 'fr'],
      ],
    );
    const en = edit(frOnly, doc(P.e, P.a, P.b), 4);
    assert.deepEqual(
      en.blocks.map((b) => b.anchor),
      ['p4', 'p1', 'p2', 'p3'],
    );
  });

  it('the editor shows each language’s Markdown back, markers included, and it parses to the same blocks', () => {
    const md =
      '# Title\n\nIntro with [a link][r].\n\n- one\n- two\n  continued\n\n1. first\n2. second\n\n* other list\n\nRecommendation: Label devices.\n\n> A quote.\n\n[r]: https://example.org\n';
    const split = splitMarkdown(md);
    const v = edit({ ...empty, trailer: { en: split.trailer } }, md, 1);
    const back = toMarkdown(v.blocks, { en: split.trailer }, 'en');
    assert.deepEqual(parse(back), parse(md));
    assert.match(back, /\[r\]: https:\/\/example\.org/);
    assert.match(
      toMarkdown(
        v.blocks.map((b) => ({ ...b, text: { fr: b.text.en! } })),
        {},
        'fr',
      ),
      /^Recommandation : Label devices\.$/m,
    );
  });
});

describe('a first translation of the whole text', () => {
  it('pairs paragraph for paragraph when the structure matches; otherwise the new language’s blocks are new', () => {
    const v1 = edit(empty, '# Intro\n\nRecommendation: Label devices.\n\n- one\n- two\n', 1);
    const fr = edit(v1, '# Introduction\n\nÉtiqueter les appareils.\n\n- un\n- deux\n', 2, 'fr');
    assert.deepEqual(
      fr.blocks.map((b) => [b.anchor, b.kind, b.text.fr?.content]),
      [
        ['p1', 'heading', 'Introduction'],
        ['p2', 'recommendation', 'Étiqueter les appareils.'],
        ['p3', 'item', 'un'],
        ['p4', 'item', 'deux'],
      ],
    );
    const other = edit(v1, 'Un seul paragraphe.', 2, 'fr');
    assert.deepEqual(
      other.blocks.map((b) => [b.anchor, Object.keys(b.text).join('+')]),
      [
        ['p1', 'en'],
        ['p2', 'en'],
        ['p3', 'en'],
        ['p4', 'en'],
        ['p5', 'fr'],
      ],
    );
  });
});
