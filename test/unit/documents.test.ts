import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/kernel/actor.ts';
import { splitMarkdown } from '../../src/platform/content/markdown.ts';
import { placeComments, type CommentRecord } from '../../src/capabilities/documents/domain/comments.ts';
import { diffVersions, wordDiff } from '../../src/capabilities/documents/domain/diff.ts';
import { classify, DOCUMENT_STATES, type Block, type DocumentState } from '../../src/capabilities/documents/domain/document.ts';
import { outline } from '../../src/capabilities/documents/domain/outline.ts';
import { documentRefusal, mayResolve, type DocumentAccess, type DocumentAction } from '../../src/capabilities/documents/domain/permissions.ts';
import { actionHolder, changeState, isEditable, TRANSITIONS } from '../../src/capabilities/documents/domain/states.ts';
import { statusOf, translationReport } from '../../src/capabilities/documents/domain/translation.ts';
import { applyEdit, applyTranslation, type Previous } from '../../src/capabilities/documents/domain/versioning.ts';

const parse = (md: string) => splitMarkdown(md).blocks.map(classify);
const both = ['en', 'fr'] as const;
const empty: Previous = { blocks: [], nextAnchor: 1, title: { en: 'T', fr: 'T' }, trailer: {} };

function start(md: string): Previous {
  const r = applyEdit(empty, 'en', parse(md), 1, { title: empty.title, trailer: {} });
  if (!r.ok) throw new Error(r.refusal);
  return { ...empty, blocks: r.value.blocks, nextAnchor: r.value.nextAnchor };
}
function translate(prev: Previous, version: number, edits: Array<[string, 'en' | 'fr', string | null, boolean?]>): Previous {
  const r = applyTranslation(
    prev,
    edits.map(([anchor, lang, content, confirm]) => ({ anchor, lang, content, confirm: !!confirm })),
    version,
    prev.title,
  );
  if (!r.ok) throw new Error(r.refusal);
  return { ...prev, blocks: r.value.blocks };
}
function editEn(prev: Previous, md: string, version: number): Previous {
  const r = applyEdit(prev, 'en', parse(md), version, { title: prev.title, trailer: {} });
  if (!r.ok) throw new Error(r.refusal);
  return { ...prev, blocks: r.value.blocks, nextAnchor: r.value.nextAnchor };
}
const statuses = (p: Previous) => p.blocks.map((b) => `${b.anchor}:${statusOf(b, 'en', both)}/${statusOf(b, 'fr', both)}`);

describe('translation status, paragraph by paragraph', () => {
  it('moves through missing → up to date → outdated → up to date, in either direction', () => {
    let d = start('Security by design.\n\nUpdates for a stated period.');
    assert.deepEqual(statuses(d), ['p1:current/missing', 'p2:current/missing']);
    d = translate(d, 2, [
      ['p1', 'fr', 'Sécurité dès la conception.'],
      ['p2', 'fr', 'Des mises à jour pendant une période déclarée.'],
    ]);
    assert.deepEqual(statuses(d), ['p1:current/current', 'p2:current/current']);
    d = editEn(d, 'Security by design, always.\n\nUpdates for a stated period.', 3);
    assert.deepEqual(statuses(d), ['p1:current/outdated', 'p2:current/current'], 'the French of the edited paragraph is outdated');
    d = translate(d, 4, [['p1', 'fr', 'Sécurité dès la conception, toujours.']]);
    assert.deepEqual(statuses(d), ['p1:current/current', 'p2:current/current']);
    d = translate(d, 5, [['p2', 'fr', 'Des mises à jour pendant une période annoncée.']]);
    assert.deepEqual(statuses(d), ['p1:current/current', 'p2:outdated/current'], 'a French change outdates the English');
    d = translate(d, 6, [['p2', 'en', null, true]]);
    assert.deepEqual(statuses(d), ['p1:current/current', 'p2:current/current'], 'confirmed as still matching');
    d = translate(d, 7, [['p2', 'fr', '']]);
    assert.deepEqual(statuses(d), ['p1:current/current', 'p2:current/missing'], 'an emptied translation is missing');
  });

  it('a new English paragraph is missing in French; a deleted one leaves both languages', () => {
    let d = translate(start('One.\n\nTwo.'), 2, [
      ['p1', 'fr', 'Un.'],
      ['p2', 'fr', 'Deux.'],
    ]);
    d = editEn(d, 'One.\n\nOne and a half.', 3);
    assert.deepEqual(statuses(d), ['p1:current/current', 'p3:current/missing']);
    assert.equal(
      d.blocks.find((b) => b.anchor === 'p2'),
      undefined,
    );
  });

  it('translating block by block keeps the structure: one paragraph per paragraph, one line per heading', () => {
    const d = start('# Heading\n\nText.');
    for (const [anchor, content, refusal] of [
      ['p1', 'Titre\nsur deux lignes', 'one-line'],
      ['p2', 'Un.\n\nDeux.', 'one-paragraph'],
      ['p9', 'X', 'unknown-anchor'],
    ] as const) {
      const r = applyTranslation(d, [{ anchor, lang: 'fr', content, confirm: false }], 2, d.title);
      assert.deepEqual(r, { ok: false, refusal });
    }
    assert.deepEqual(applyTranslation(d, [{ anchor: 'p2', lang: 'en', content: 'Text.', confirm: false }], 2, d.title), { ok: false, refusal: 'unchanged' });
  });

  it('the report lists every missing and outdated paragraph and a missing title', () => {
    const d = translate(start('One.\n\nTwo.\n\nThree.'), 2, [['p1', 'fr', 'Un.']]);
    const r = translationReport(d.blocks, { en: 'Title' }, both);
    assert.deepEqual(r.problems, [
      { anchor: 'p2', lang: 'fr', status: 'missing' },
      { anchor: 'p3', lang: 'fr', status: 'missing' },
    ]);
    assert.deepEqual(r.counts, { en: { current: 3, outdated: 0, missing: 0 }, fr: { current: 1, outdated: 0, missing: 2 } });
    assert.deepEqual(r.missingTitle, ['fr']);
  });
});

describe('review states and the publication gate', () => {
  const complete = translationReport([], { en: 'T', fr: 'T' }, both);
  const incomplete = translationReport(start('One.').blocks, { en: 'T', fr: 'T' }, both);
  const table: Array<[DocumentState, DocumentState, 'complete' | 'incomplete' | 'empty', string | null]> = [
    ['draft', 'wg-review', 'incomplete', null],
    ['draft', 'plenary-review', 'incomplete', null],
    ['draft', 'public-input', 'complete', 'invalid-transition'],
    ['draft', 'published', 'complete', 'invalid-transition'],
    ['wg-review', 'plenary-review', 'incomplete', null],
    ['wg-review', 'draft', 'incomplete', null],
    ['plenary-review', 'public-input', 'incomplete', 'translations-incomplete'],
    ['plenary-review', 'public-input', 'empty', 'empty'],
    ['plenary-review', 'public-input', 'complete', null],
    ['plenary-review', 'final', 'incomplete', 'translations-incomplete'],
    ['plenary-review', 'final', 'complete', null],
    ['public-input', 'final', 'incomplete', 'translations-incomplete'],
    ['public-input', 'plenary-review', 'incomplete', null],
    ['final', 'published', 'incomplete', 'translations-incomplete'],
    ['final', 'published', 'complete', null],
    ['final', 'plenary-review', 'incomplete', null],
    ['published', 'draft', 'complete', 'invalid-transition'],
    ['published', 'final', 'complete', 'invalid-transition'],
  ];
  for (const [from, to, content, refusal] of table) {
    it(`${from} → ${to} with ${content} translations: ${refusal ?? 'allowed'}`, () => {
      const r = changeState(from, to, true, { blockCount: content === 'empty' ? 0 : 1, translation: content === 'complete' || content === 'empty' ? complete : incomplete });
      assert.equal(r.ok ? null : r.refusal, refusal);
      if (r.ok) assert.equal(r.value[0]!.action, to === 'published' ? 'document.published' : 'document.state-changed');
    });
  }
  it('a transition the actor may not make is refused first', () => {
    assert.deepEqual(changeState('draft', 'wg-review', false, { blockCount: 1, translation: complete }), { ok: false, refusal: 'not-allowed' });
  });
  it('every state has an action holder but the last; text is frozen from public input on', () => {
    assert.deepEqual(
      DOCUMENT_STATES.map((s) => [s, actionHolder(s), isEditable(s)]),
      [
        ['draft', 'body-facilitators', true],
        ['wg-review', 'body-facilitators', true],
        ['plenary-review', 'convener', true],
        ['public-input', 'convener', false],
        ['final', 'convener', false],
        ['published', null, false],
      ],
    );
    assert.deepEqual(TRANSITIONS.published, []);
  });
});

describe('document permissions (who × action × state)', () => {
  const anon: Actor = { kind: 'anonymous' };
  const user: Actor = { kind: 'user', userId: 7, name: 'U', isAdmin: false };
  const who: Record<string, DocumentAccess> = {
    public: { actor: anon, organizer: false, participantId: null, mayTakePart: false, bodyRole: null },
    'signed-in': { actor: user, organizer: false, participantId: null, mayTakePart: false, bodyRole: null },
    'participant (no declaration)': { actor: user, organizer: false, participantId: 3, mayTakePart: false, bodyRole: 'member' },
    participant: { actor: user, organizer: false, participantId: 3, mayTakePart: true, bodyRole: null },
    observer: { actor: user, organizer: false, participantId: 3, mayTakePart: true, bodyRole: 'observer' },
    member: { actor: user, organizer: false, participantId: 3, mayTakePart: true, bodyRole: 'member' },
    facilitator: { actor: user, organizer: false, participantId: 3, mayTakePart: true, bodyRole: 'facilitator' },
    convener: { actor: user, organizer: true, participantId: null, mayTakePart: false, bodyRole: null },
  };
  const table: Array<[string, DocumentAction, DocumentState, string | null]> = [
    ['public', 'create', 'draft', 'not-signed-in'],
    ['participant', 'create', 'draft', 'not-member'],
    ['observer', 'create', 'draft', 'not-member'],
    ['member', 'create', 'draft', null],
    ['participant (no declaration)', 'edit', 'draft', 'standing-incomplete'],
    ['member', 'edit', 'draft', null],
    ['member', 'edit', 'plenary-review', null],
    ['member', 'edit', 'public-input', 'frozen'],
    ['convener', 'edit', 'final', 'frozen'],
    ['convener', 'edit', 'plenary-review', null],
    ['public', 'comment', 'plenary-review', 'not-signed-in'],
    ['participant', 'comment', 'wg-review', 'not-member'],
    ['member', 'comment', 'wg-review', null],
    ['participant', 'comment', 'plenary-review', null],
    ['participant', 'comment', 'public-input', null],
    ['participant (no declaration)', 'comment', 'plenary-review', 'standing-incomplete'],
    ['participant', 'comment', 'published', 'closed'],
    ['member', 'change-state', 'draft', 'not-action-holder'],
    ['facilitator', 'change-state', 'draft', null],
    ['facilitator', 'change-state', 'wg-review', null],
    ['facilitator', 'change-state', 'plenary-review', 'not-action-holder'],
    ['convener', 'change-state', 'plenary-review', null],
    ['convener', 'change-state', 'published', 'closed'],
    ['public', 'change-state', 'final', 'not-signed-in'],
    ['member', 'moderate', 'draft', 'not-action-holder'],
    ['facilitator', 'moderate', 'draft', null],
  ];
  for (const [w, action, state, refusal] of table) {
    it(`${w} ${action} in ${state} → ${refusal ?? 'allowed'}`, () => assert.equal(documentRefusal(who[w]!, state, action), refusal));
  }
  it('a comment is resolved by its author or the chair, nobody else', () => {
    assert.equal(mayResolve(who.member!, 7), true);
    assert.equal(mayResolve(who.member!, 8), false);
    assert.equal(mayResolve(who.facilitator!, 8), true);
    assert.equal(mayResolve(who.convener!, 8), true);
    assert.equal(mayResolve(who.public!, null), false);
  });
});

describe('outline: numbered sections and recommendations', () => {
  it('numbers headings by depth and recommendations in order', () => {
    const d = start('# Intro\n\nText.\n\n# Recommendations\n\n## Labels\n\nRecommendation: One.\n\n## Networks\n\n**Recommendation:** Two.\n\n# Annex');
    const o = outline(d.blocks);
    assert.deepEqual(
      o.toc.map((e) => [e.number, e.depth]),
      [
        ['1', 0],
        ['2', 0],
        ['2.1', 1],
        ['2.2', 1],
        ['3', 0],
      ],
    );
    assert.deepEqual([...o.recommendationNumber.values()], [1, 2]);
    assert.equal(d.blocks.find((b) => b.kind === 'recommendation' && b.text.en?.content === 'Two.') !== undefined, true);
  });
});

describe('comparing versions', () => {
  it('word by word inside a paragraph', () => {
    assert.deepEqual(wordDiff('Updates for a stated period.', 'Updates for at least five years.'), [
      { op: 'same', text: 'Updates for ' },
      { op: 'del', text: 'a stated period.' },
      { op: 'add', text: 'at least five years.' },
    ]);
  });
  it('block by block through anchors: added, removed where it was, changed, moved', () => {
    const side = (rows: Array<[string, string | null]>) => rows.map(([anchor, text]) => ({ anchor, kind: 'paragraph' as const, text }));
    const rows = diffVersions(
      side([
        ['p1', 'One.'],
        ['p2', 'Two.'],
        ['p3', 'Three.'],
        ['p4', 'Four.'],
      ]),
      side([
        ['p3', 'Three.'],
        ['p1', 'One, changed.'],
        ['p5', 'Five.'],
        ['p4', 'Four.'],
        ['p6', null],
      ]),
    );
    assert.deepEqual(
      rows.map((r) => `${r.anchor}:${r.change}${r.moved ? '+moved' : ''}`),
      ['p3:same+moved', 'p1:changed', 'p2:removed', 'p5:added', 'p4:same'],
    );
  });
});

describe('comments stay with their paragraph', () => {
  const c = (id: number, anchor: string | null, version: number, o: Partial<CommentRecord> = {}): CommentRecord => ({
    id,
    parentId: null,
    anchor,
    versionNumber: version,
    quote: { en: `quote ${id}` },
    body: `comment ${id}`,
    lang: 'en',
    authorUserId: 1,
    authorName: 'A',
    createdAt: new Date(0),
    resolvedAt: null,
    resolvedByName: null,
    ...o,
  });
  const blocks: Block[] = [
    { anchor: 'p1', kind: 'paragraph', text: { en: { content: 'One', rev: 1, basis: 1 } } },
    { anchor: 'p2', kind: 'paragraph', text: { en: { content: 'Two', rev: 4, basis: 4 } } },
  ];
  it('current, changed since, merged away, gone, whole document; replies follow their thread', () => {
    const placed = placeComments(
      [c(1, 'p1', 3), c(2, 'p2', 3), c(3, 'p7', 2), c(4, 'p8', 2), c(5, null, 1), c(6, 'p1', 3, { parentId: 1 }), c(7, 'p2', 5, { resolvedAt: new Date(1) })],
      blocks,
      new Map([
        ['p7', 'p2'],
        ['p8', null],
      ]),
    );
    assert.deepEqual(
      [...placed.byAnchor].map(([a, ts]) => [a, ts.map((t) => `${t.root.id}:${t.placement}:${t.replies.length}`)]),
      [
        ['p1', ['1:current:1']],
        ['p2', ['2:earlier:0', '3:earlier:0', '7:current:0']],
      ],
    );
    assert.deepEqual(
      placed.removed.map((t) => t.root.id),
      [4],
    );
    assert.deepEqual(
      placed.general.map((t) => t.root.id),
      [5],
    );
    assert.equal(placed.open, 5);
    assert.equal(placed.total, 6);
  });
});
