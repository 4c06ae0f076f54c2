import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, evaluate, type CategoryTally, type ConsensusSettings, type CriteriaInput, type RecordedPosition } from '../../src/capabilities/consensus/domain/criteria.ts';
import type { ObjectionCounts } from '../../src/capabilities/consensus/domain/proposal.ts';

const H = 3600_000;
const T0 = new Date('2026-03-02T15:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const DEFAULT: ConsensusSettings = { quietPeriodHours: 72, almostNonePercent: 5, almostNoneMax: 2 };
const ZERO: ConsensusSettings = { quietPeriodHours: 72, almostNonePercent: 0, almostNoneMax: 0 };
const none: ObjectionCounts = { open: 0, discussed: 0, standing: 0, withdrawn: 0 };

/** One category's tally, written as "agree/can-live/cannot". */
const t = (categoryKey: string, spec: string): CategoryTally => {
  const [agree, canLive, cannot] = spec.split('/').map(Number) as [number, number, number];
  return { categoryKey, agree, canLive, cannot };
};

const base = (o: Partial<CriteriaInput> = {}): CriteriaInput => ({
  tallies: [],
  objections: none,
  lastArgumentAt: null,
  openedAt: T0,
  meetingEndsAt: null,
  settings: DEFAULT,
  ...o,
});

describe('criterion 3, support: a majority agrees, the rest can live with it, none or almost none cannot', () => {
  type Row = [label: string, tallies: CategoryTally[], settings: ConsensusSettings, met: boolean, majority: boolean, allowed: number];
  const table: Row[] = [
    ['no positions', [], DEFAULT, false, false, 0],
    ['one agree', [t('a', '1/0/0')], DEFAULT, true, true, 0],
    ['tie: half agree, half can live', [t('a', '2/2/0')], DEFAULT, false, false, 0],
    ['one more than half agree', [t('a', '3/2/0')], DEFAULT, true, true, 0],
    ['all can live with it: no majority agrees', [t('a', '0/10/0')], DEFAULT, false, false, 0],
    ['majority split across categories', [t('a', '2/0/0'), t('b', '1/2/0')], DEFAULT, true, true, 0],
    ['exactly 5 %: 2 cannot of 40', [t('a', '30/8/2')], DEFAULT, true, true, 2],
    ['just over 5 %: 2 cannot of 39', [t('a', '30/7/2')], DEFAULT, false, true, 1],
    ['5 % of 20 is one person', [t('a', '15/4/1')], DEFAULT, true, true, 1],
    ['at most 2 people even when 5 % allows more: 3 of 100', [t('a', '90/7/3')], DEFAULT, false, true, 2],
    ['2 of 100 is within both', [t('a', '90/8/2')], DEFAULT, true, true, 2],
    ['one cannot with zero tolerance', [t('a', '99/0/1')], ZERO, false, true, 0],
    ['none cannot with zero tolerance', [t('a', '99/1/0')], ZERO, true, true, 0],
    ['one cannot in a small group is more than 5 %', [t('a', '8/1/1')], DEFAULT, false, true, 0],
  ];
  for (const [label, tallies, settings, met, majority, allowed] of table) {
    it(label, () => {
      const e = evaluate(base({ tallies, settings }), at(100));
      assert.equal(e.criteria.support.met, met);
      assert.equal(e.criteria.support.majority, majority);
      assert.equal(e.criteria.support.cannotAllowed, allowed);
      assert.equal(e.unmet.includes('support'), !met);
    });
  }
});

describe('criterion 1, no one is arguing anymore: the quiet period', () => {
  type Row = [label: string, input: Partial<CriteriaInput>, now: Date, met: boolean, quietUntil: Date | null];
  const table: Row[] = [
    ['not yet open: no quiet period runs', { openedAt: null }, at(500), false, null],
    ['1 ms before the period ends', {}, new Date(at(72).getTime() - 1), false, at(72)],
    ['exactly when the period ends', {}, at(72), true, at(72)],
    ['an argument restarts the period', { lastArgumentAt: at(10) }, at(81), false, at(82)],
    ['…and it ends 72 hours after the argument', { lastArgumentAt: at(10) }, at(82), true, at(82)],
    ['an argument before the call opened does not count', { lastArgumentAt: at(-5) }, at(72), true, at(72)],
    ['an open objection keeps it unmet after the period', { objections: { ...none, open: 1 } }, at(1000), false, at(72)],
    ['a process may set no quiet period at all', { settings: { ...DEFAULT, quietPeriodHours: 0 } }, T0, true, T0],
    ['a call in a meeting: quiet until the meeting ends', { meetingEndsAt: at(2) }, at(1.99), false, at(2)],
    ['a call in a meeting: met when the meeting ends', { meetingEndsAt: at(2) }, at(2), true, at(2)],
    ['an argument after a meeting call: the full period again', { meetingEndsAt: at(2), lastArgumentAt: at(1) }, at(2), false, at(73)],
    [
      'an argument after a meeting call with no quiet period: still until the meeting ends',
      { meetingEndsAt: at(2), lastArgumentAt: at(1), settings: { ...DEFAULT, quietPeriodHours: 0 } },
      at(1.5),
      false,
      at(2),
    ],
  ];
  for (const [label, input, now, met, until] of table) {
    it(label, () => {
      const e = evaluate(base(input), now);
      assert.equal(e.criteria.quiet.met, met);
      assert.equal(e.criteria.quiet.quietUntil, until ? until.toISOString() : null);
      assert.equal(e.criteria.quiet.inMeeting, (input.meetingEndsAt ?? null) !== null);
    });
  }
});

describe('criterion 2, all dissenting views discussed', () => {
  const table: Array<[string, ObjectionCounts, boolean]> = [
    ['no objections', none, true],
    ['one open', { ...none, open: 1 }, false],
    ['discussed, standing and withdrawn ones', { open: 0, discussed: 2, standing: 1, withdrawn: 3 }, true],
    ['one open among many discussed', { open: 1, discussed: 1999, standing: 0, withdrawn: 0 }, false],
  ];
  for (const [label, objections, met] of table) {
    it(label, () => {
      const e = evaluate(base({ objections }), at(100));
      assert.equal(e.criteria.dissentDiscussed.met, met);
      assert.equal(e.criteria.dissentDiscussed.total, objections.open + objections.discussed + objections.standing + objections.withdrawn);
    });
  }
});

describe('outcome', () => {
  const table: Array<[string, Partial<CriteriaInput>, Date, string, string[]]> = [
    ['no positions yet: pending', {}, at(100), 'pending', ['support']],
    ['all three hold: consensus', { tallies: [t('a', '5/1/0')] }, at(72), 'consensus', []],
    ['still in the quiet period: pending', { tallies: [t('a', '5/1/0')] }, at(71), 'pending', ['quiet']],
    ['quiet, discussed, but too many cannot: no consensus', { tallies: [t('a', '5/1/3')] }, at(100), 'no-consensus', ['support']],
    ['an open objection: pending, two criteria unmet', { tallies: [t('a', '5/1/0')], objections: { ...none, open: 1 } }, at(100), 'pending', ['quiet', 'dissentDiscussed']],
    ['a tie in a quiet room: no consensus', { tallies: [t('a', '2/2/0')] }, at(100), 'no-consensus', ['support']],
  ];
  for (const [label, input, now, outcome, unmet] of table) {
    it(label, () => {
      const e = evaluate(base(input), now);
      assert.equal(e.outcome, outcome);
      assert.deepEqual(e.unmet, unmet);
    });
  }
});

describe('views matter more than numbers: the breakdown by stakeholder category', () => {
  it('flags a category where most cannot live with it, even when the totals pass', () => {
    const e = evaluate(
      base({ tallies: [t('industry', '40/0/0'), t('consumers', '0/0/1'), t('academia', '1/0/1')], settings: { ...DEFAULT, almostNonePercent: 10, almostNoneMax: 5 } }),
      at(100),
    );
    assert.equal(e.outcome, 'consensus');
    assert.deepEqual(e.flaggedCategories, ['consumers']);
    assert.deepEqual(
      e.categories.map((c) => [c.categoryKey, c.total, c.flagged]),
      [
        ['academia', 2, false],
        ['consumers', 1, true],
        ['industry', 40, false],
      ],
    );
  });
  it('exactly half cannot is not "most"', () => {
    assert.deepEqual(evaluate(base({ tallies: [t('a', '1/0/1')] }), at(100)).flaggedCategories, []);
  });
  it('follows the process order of categories, then any others', () => {
    const e = evaluate(base({ tallies: [t('zeta', '1/0/0'), t('government', '1/0/0'), t('industry', '1/0/0')], categoryOrder: ['industry', 'government'] }), at(100));
    assert.deepEqual(
      e.categories.map((c) => c.categoryKey),
      ['industry', 'government', 'zeta'],
    );
  });
  it('never weighs a person by category: moving people between categories never changes the criteria', () => {
    const spread = [t('government', '3/0/0'), t('industry', '0/2/0'), t('civil-society', '1/0/1')];
    const lumped = [t('government', '4/2/1')];
    const a = evaluate(base({ tallies: spread, settings: { ...DEFAULT, almostNonePercent: 20 } }), at(100));
    const b = evaluate(base({ tallies: lumped, settings: { ...DEFAULT, almostNonePercent: 20 } }), at(100));
    assert.deepEqual(a.criteria, b.criteria);
    assert.equal(a.outcome, b.outcome);
  });
});

describe('aggregate: the slow reference the database aggregates are checked against', () => {
  it('counts current positions, objections by status, and the last argument', () => {
    const positions: RecordedPosition[] = [
      { participantId: 1, stance: 'agree', categoryKey: 'a', takenAt: at(1), superseded: true },
      { participantId: 1, stance: 'cannot', categoryKey: 'a', takenAt: at(2), superseded: true },
      { participantId: 1, stance: 'cannot', categoryKey: 'a', takenAt: at(3), superseded: false },
      { participantId: 2, stance: 'can-live', categoryKey: 'b', takenAt: at(4), superseded: false },
      { participantId: 3, stance: 'agree', categoryKey: 'b', takenAt: at(5), superseded: false },
    ];
    const r = aggregate(positions, [
      { status: 'open', raisedAt: at(2) },
      { status: 'withdrawn', raisedAt: at(1.5) },
    ]);
    assert.deepEqual(
      r.tallies.sort((x, y) => x.categoryKey.localeCompare(y.categoryKey)),
      [t('a', '0/0/1'), t('b', '1/1/0')],
    );
    assert.deepEqual(r.objections, { open: 1, discussed: 0, standing: 0, withdrawn: 1 });
    assert.deepEqual(r.lastArgumentAt, at(2));
  });
});
