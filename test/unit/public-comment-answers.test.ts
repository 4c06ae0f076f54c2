import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerOf, checkDisposition, matchesFilter, progressOf, REASON_MAX, type DispositionInput } from '../../src/capabilities/public-comment/domain/disposition.ts';
import { whatWeHeard, type HeardComment } from '../../src/capabilities/public-comment/domain/what-we-heard.ts';

const targets = { versions: new Set([1, 2, 3]), commentedVersion: 2, anchorsOf: (v: number) => new Set(v === 3 ? ['p1', 'p7'] : ['p1']) };
const input = (o: Partial<DispositionInput>): DispositionInput => ({ kind: 'accepted', reason: {}, changedVersion: null, changedAnchor: null, ...o });

describe('disposition rules', () => {
  it('a "not accepted" needs a reason, in either language', () => {
    assert.deepEqual(checkDisposition(input({ kind: 'not-accepted', reason: { en: '  ' } }), targets), { ok: false, refusal: 'reason-required' });
    assert.equal(checkDisposition(input({ kind: 'not-accepted', reason: { fr: 'Hors mandat' } }), targets).ok, true);
    assert.equal(checkDisposition(input({ kind: 'accepted' }), targets).ok, true);
    assert.equal(checkDisposition(input({ kind: 'out-of-scope' }), targets).ok, true);
  });

  it('trims reasons, drops empty languages, refuses overlong ones', () => {
    const r = checkDisposition(input({ kind: 'partly-accepted', reason: { en: ' Yes ', fr: ' ' } }), targets);
    assert.deepEqual(r.ok && r.value.reason, { en: 'Yes' });
    assert.deepEqual(checkDisposition(input({ reason: { en: 'x'.repeat(REASON_MAX + 1) } }), targets), { ok: false, refusal: 'reason-too-long' });
  });

  it('links only to a real version, not older than the one commented on, and a passage in it', () => {
    assert.deepEqual(checkDisposition(input({ changedVersion: 9 }), targets), { ok: false, refusal: 'unknown-version' });
    assert.deepEqual(checkDisposition(input({ changedVersion: 1 }), targets), { ok: false, refusal: 'version-before-comment' });
    assert.deepEqual(checkDisposition(input({ changedAnchor: 'p1' }), targets), { ok: false, refusal: 'anchor-without-version' });
    assert.deepEqual(checkDisposition(input({ changedVersion: 2, changedAnchor: 'p7' }), targets), { ok: false, refusal: 'unknown-anchor' });
    assert.equal(checkDisposition(input({ changedVersion: 3, changedAnchor: 'p7' }), targets).ok, true);
  });

  it('a member inherits its group answer unless it has its own', () => {
    const own = new Map([[5, 'own']]);
    const groups = new Map([[1, 'group']]);
    assert.deepEqual(answerOf({ id: 5, clusterKey: 1 }, own, groups), { disposition: 'own', inherited: false });
    assert.deepEqual(answerOf({ id: 6, clusterKey: 1 }, own, groups), { disposition: 'group', inherited: true });
    assert.equal(answerOf({ id: 7, clusterKey: null }, own, groups), null);
    assert.equal(answerOf({ id: 8, clusterKey: 2 }, own, groups), null);
    assert.deepEqual(
      progressOf(
        [
          { id: 5, clusterKey: 1 },
          { id: 6, clusterKey: 1 },
          { id: 7, clusterKey: null },
        ],
        own,
        groups,
      ),
      { answered: 2, total: 3 },
    );
  });

  it('filters the register', () => {
    const a = { disposition: { kind: 'accepted' as const }, inherited: false };
    const f = { show: 'all' as const, kind: null, anchor: null };
    assert.equal(matchesFilter({ anchor: null }, null, { ...f, show: 'unanswered' }), true);
    assert.equal(matchesFilter({ anchor: null }, a, { ...f, show: 'unanswered' }), false);
    assert.equal(matchesFilter({ anchor: 'p1' }, a, { ...f, kind: 'not-accepted' }), false);
    assert.equal(matchesFilter({ anchor: 'p1' }, a, { ...f, kind: 'accepted', anchor: 'p1' }), true);
    assert.equal(matchesFilter({ anchor: 'p2' }, a, { ...f, anchor: 'p1' }), false);
  });
});

describe('what we heard', () => {
  const c = (id: number, o: Partial<HeardComment> = {}): HeardComment => ({
    id,
    categoryKey: 'industry',
    anchor: null,
    signatories: 1,
    clusterKey: null,
    lang: 'en',
    body: `Comment ${id}`,
    ...o,
  });
  const build = (comments: HeardComment[], dispositions: Parameters<typeof whatWeHeard>[0]['dispositions'] = []) =>
    whatWeHeard({
      version: 2,
      categories: [
        { key: 'government', label: { en: 'Government' } },
        { key: 'industry', label: { en: 'Industry' } },
      ],
      blocks: [
        { anchor: 'p1', heading: false, text: { en: 'Intro' } },
        { anchor: 'p2', heading: true, text: { en: 'Scope' } },
        { anchor: 'p3', heading: false, text: { en: 'Passwords' } },
        { anchor: 'p4', heading: true, text: { en: 'Labels' } },
        { anchor: 'p5', heading: false, text: { en: 'Support' } },
      ],
      comments,
      groups: [
        { key: 10, template: 'Template', templateLang: 'en' },
        { key: 99, template: 'Former', templateLang: 'fr' },
      ],
      dispositions,
      labels: { wholeDocument: { en: 'Whole' }, beforeFirstHeading: { en: 'Opening' }, otherCategory: { en: 'Other' } },
    });

  it('counts comments and signatories by category (government one among others) and by section', () => {
    const r = build([
      c(10, { clusterKey: 10, signatories: 100, anchor: 'p3' }),
      c(11, { clusterKey: 10, signatories: 5, anchor: 'p3' }),
      c(12, { categoryKey: 'government', anchor: 'p2' }),
      c(13, { categoryKey: 'academia', anchor: 'p1' }),
      c(14, { anchor: 'p99' }),
      c(15),
    ]);
    assert.deepEqual(r.totals, { comments: 6, signatories: 109, groups: 1, distinct: 4, answered: 0 });
    assert.deepEqual(
      r.byCategory.map((x) => [x.key, x.comments, x.signatories]),
      [
        ['government', 1, 1],
        ['industry', 4, 107],
        ['academia', 1, 1],
      ],
    );
    assert.deepEqual(
      r.bySection.map((s) => [s.anchor, s.comments, s.signatories, s.passages.map((p) => [p.anchor, p.comments])]),
      [
        [null, 2, 2, []],
        [null, 1, 1, [['p1', 1]]],
        ['p2', 3, 106, [['p3', 2]]],
        ['p4', 0, 0, [['p5', 0]]],
      ],
    );
    assert.deepEqual(r.groups, [{ key: 10, template: 'Template', templateLang: 'en', kind: null, comments: 2, signatories: 105 }]);
  });

  it('lists every public disposition with what it covers; own answers are not counted twice', () => {
    const r = build(
      [c(10, { clusterKey: 10, signatories: 100 }), c(11, { clusterKey: 10, signatories: 5 }), c(12)],
      [
        { target: { cluster: 10 }, kind: 'partly-accepted', reason: { en: 'Partly' }, changedVersion: 3, changedAnchor: 'p3' },
        { target: { comment: 11 }, kind: 'not-accepted', reason: { fr: 'Non' }, changedVersion: null, changedAnchor: null },
        { target: { cluster: 99 }, kind: 'accepted', reason: {}, changedVersion: null, changedAnchor: null },
        { target: { comment: 404 }, kind: 'accepted', reason: {}, changedVersion: null, changedAnchor: null },
      ],
    );
    assert.equal(r.totals.answered, 2);
    assert.deepEqual(
      r.dispositions.map((d) => [d.target, d.kind, d.covers]),
      [
        [{ cluster: 10, excerpt: 'Template', lang: 'en', size: 2 }, 'partly-accepted', { comments: 1, signatories: 100 }],
        [{ comment: 11, excerpt: 'Comment 11', lang: 'en' }, 'not-accepted', { comments: 1, signatories: 5 }],
      ],
    );
    assert.equal(r.groups[0]!.kind, 'partly-accepted');
  });
});
