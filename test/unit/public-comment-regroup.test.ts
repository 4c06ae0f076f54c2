import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainLanguage, regroup } from '../../src/capabilities/public-comment/domain/regroup.ts';

describe('regrouping a period', () => {
  const sigs = new Map([
    [1, 1],
    [2, 10],
    [3, 1],
    [4, 1],
  ]);

  it('keeps groups of two or more, counts signatories, marks lone comments distinct', () => {
    const r = regroup(
      [
        { key: 1, members: [1, 2, 3] },
        { key: 4, members: [4] },
      ],
      sigs,
      [],
      new Set(),
    );
    assert.deepEqual(r.groups, [{ key: 1, members: [1, 2, 3], size: 3, signatories: 12 }]);
    assert.equal(r.keyOf.get(2), 1);
    assert.equal(r.keyOf.get(4), null);
  });

  it('moves the disposition of a vanished group to the group holding its key comment', () => {
    // Group 3 (3,4) was answered; now 1,2,3,4 are one group keyed 1 without its own answer.
    const r = regroup([{ key: 1, members: [1, 2, 3, 4] }], sigs, [3], new Set([3]));
    assert.deepEqual(r.vanished, [3]);
    assert.deepEqual(r.moves, [{ from: 3, to: 1 }]);
  });

  it('keeps it on the former group when the new group has its own, or the key comment is alone', () => {
    const merged = regroup([{ key: 1, members: [1, 2, 3, 4] }], sigs, [1, 3], new Set([1, 3]));
    assert.deepEqual(merged.moves, []);
    assert.deepEqual(merged.vanished, [3]);
    const alone = regroup(
      [
        { key: 1, members: [1, 2] },
        { key: 3, members: [3] },
      ],
      sigs,
      [3],
      new Set([3]),
    );
    assert.deepEqual(alone.moves, []);
    assert.deepEqual(alone.vanished, [3]);
  });

  it('two vanished answered groups merging: only the first moves', () => {
    const r = regroup([{ key: 1, members: [1, 2, 3, 4] }], sigs, [2, 3], new Set([2, 3]));
    assert.deepEqual(r.moves, [{ from: 2, to: 1 }]);
  });

  it('names the main language of a sample', () => {
    assert.equal(mainLanguage(['fr', 'fr', 'en']), 'fr');
    assert.equal(mainLanguage(['fr', 'en']), 'en');
    assert.equal(mainLanguage([]), 'en');
  });
});
