import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderQueue, speakingShare } from '../../src/capabilities/speaking-queue/domain/order.ts';
import { QUEUE_ACTIONS, queuePermission, type QueueAccess, type QueueAction } from '../../src/capabilities/speaking-queue/domain/permissions.ts';
import { emptyQueue, turnLength, type Entry, type OrderPolicy, type Queue, type Speech } from '../../src/capabilities/speaking-queue/domain/queue.ts';
import { queueSnapshot } from '../../src/capabilities/speaking-queue/domain/snapshot.ts';
import {
  closeForMeetingEnd,
  endTurn,
  giveFloor,
  lowerHand,
  moveUp,
  raiseHand,
  removeHand,
  setOpen,
  setPolicy,
  setTimeLimit,
  type RoomState,
} from '../../src/capabilities/speaking-queue/domain/transitions.ts';

const T = (s: number) => new Date(Date.UTC(2019, 3, 18, 14, 0, s));
const categoryOf: Record<string, string> = { A: 'industry', B: 'industry', C: 'government', D: 'civil-society', E: 'academia', F: 'industry', G: 'government' };
const pid = (name: string) => name.charCodeAt(0);

function hand(name: string, seq: number, o: Partial<Entry> = {}): Entry {
  return {
    id: seq * 10,
    seq,
    participantId: pid(name),
    displayName: name,
    categoryKey: categoryOf[name]!,
    categoryOther: null,
    source: 'online',
    raisedAt: T(seq),
    status: 'waiting',
    movedRank: null,
    movedReason: null,
    ...o,
  };
}

function spoke(name: string, seconds: number): Speech {
  return {
    participantId: pid(name),
    displayName: name,
    categoryKey: categoryOf[name]!,
    categoryOther: null,
    entryId: 0,
    agendaItemId: null,
    source: 'online',
    startedAt: T(0),
    endedAt: T(seconds),
    seconds,
    timeLimitSeconds: null,
  };
}

/** Who is next and why, for every policy. Rows: [policy, waiting hands in the order raised, speaker log, who speaks now, expected order, expected reasons]. */
type PolicyRow = [OrderPolicy, string[], Speech[], string | null, string, string[]];
const policyTable: PolicyRow[] = [
  ['fifo', [], [], null, '', []],
  ['fifo', ['A', 'B', 'C'], [], null, 'ABC', ['order 1', 'order 2', 'order 3']],
  ['fifo', ['C', 'A'], [spoke('C', 300)], null, 'CA', ['order 1', 'order 2']],
  // first-time: people who have not spoken go first, each group in the order raised
  ['first-time', ['A', 'B', 'C'], [], null, 'ABC', ['first-time', 'first-time', 'first-time']],
  ['first-time', ['A', 'B', 'C'], [spoke('A', 60)], null, 'BCA', ['first-time', 'first-time', 'spoken 1']],
  ['first-time', ['A', 'B', 'C'], [spoke('A', 60), spoke('B', 5), spoke('B', 5)], null, 'CAB', ['first-time', 'spoken 1', 'spoken 2']],
  // balanced: categories heard least (turns) first; categories take turns; ties to the earlier hand
  ['balanced', ['A', 'B', 'C'], [], null, 'ACB', ['balanced industry 0 1', 'balanced government 0 1', 'balanced industry 0 2']],
  ['balanced', ['A', 'C', 'D'], [spoke('C', 30)], null, 'ADC', ['balanced industry 0 1', 'balanced civil-society 0 1', 'balanced government 1 1']],
  ['balanced', ['A', 'C'], [spoke('A', 10), spoke('B', 10)], null, 'CA', ['balanced government 0 1', 'balanced industry 2 1']],
  // long speeches do not reorder: turns count, so the queue never shifts while someone speaks
  ['balanced', ['A', 'C'], [spoke('A', 900), spoke('C', 5)], null, 'AC', ['balanced industry 1 1', 'balanced government 1 1']],
  [
    'balanced',
    ['A', 'B', 'F', 'C', 'E'],
    [spoke('E', 60)],
    null,
    'ACBEF',
    ['balanced industry 0 1', 'balanced government 0 1', 'balanced industry 0 2', 'balanced academia 1 1', 'balanced industry 0 3'],
  ],
  ['balanced', ['B', 'C'], [], 'A', 'CB', ['balanced government 0 1', 'balanced industry 1 1']],
];

const words = (w: ReturnType<typeof orderQueue>[number]['why']) => {
  switch (w.k) {
    case 'order':
      return `order ${w.seq}`;
    case 'first-time':
      return 'first-time';
    case 'spoken':
      return `spoken ${w.times}`;
    case 'balanced':
      return `balanced ${w.category} ${w.turns} ${w.round}`;
    case 'moved':
      return `moved ${w.reason}`;
  }
};

describe('order policies: who is next and why', () => {
  for (const [policy, hands, log, speaking, order, reasons] of policyTable) {
    it(`${policy}: hands ${hands.join('') || '∅'}, log ${log.map((s) => s.displayName).join('') || '∅'}${speaking ? `, ${speaking} speaking` : ''} → ${order || '∅'}`, () => {
      const entries = hands.map((h, i) => hand(h, i + 1));
      if (speaking) entries.push(hand(speaking, 99, { status: 'speaking' }));
      const placed = orderQueue(entries, log, policy);
      assert.equal(placed.map((p) => p.entry.displayName).join(''), order);
      assert.deepEqual(
        placed.map((p) => words(p.why)),
        reasons,
      );
    });
  }

  it('hands the facilitator moved up come first, latest move first, each with its reason, under every policy', () => {
    for (const policy of ['fifo', 'first-time', 'balanced'] as const) {
      const entries = [hand('A', 1), hand('B', 2, { movedRank: 0, movedReason: 'presenter of this item' }), hand('C', 3, { movedRank: -1, movedReason: 'leaving early' })];
      const placed = orderQueue(entries, [], policy);
      assert.equal(placed.map((p) => p.entry.displayName).join(''), 'CBA', policy);
      assert.deepEqual(placed[0]!.why, { k: 'moved', reason: 'leaving early' });
      assert.deepEqual(placed[1]!.why, { k: 'moved', reason: 'presenter of this item' });
    }
  });

  it('only waiting hands are placed', () => {
    const entries = [hand('A', 1, { status: 'lowered' }), hand('B', 2, { status: 'removed' }), hand('C', 3, { status: 'spoke' }), hand('D', 4)];
    assert.deepEqual(
      orderQueue(entries, [], 'fifo').map((p) => p.entry.displayName),
      ['D'],
    );
  });
});

describe('share of speaking time by category', () => {
  it('lists every category, government as one row among others, with seconds, turns and share', () => {
    const s = speakingShare([spoke('A', 60), spoke('C', 30), spoke('B', 30)], ['industry', 'government', 'academia']);
    assert.equal(s.totalSeconds, 120);
    assert.deepEqual(
      s.rows.map((r) => [r.key, r.seconds, r.turns, r.share]),
      [
        ['industry', 90, 2, 0.75],
        ['government', 30, 1, 0.25],
        ['academia', 0, 0, 0],
      ],
    );
    assert.deepEqual(speakingShare([], ['industry']).rows, [{ key: 'industry', seconds: 0, turns: 0, share: 0 }]);
    // a category no longer in the process's list still counts
    assert.equal(speakingShare([spoke('D', 10)], ['industry']).rows[1]!.key, 'civil-society');
  });
});

const who: Record<string, QueueAccess> = {
  public: { signedIn: false, participantId: null, mayTakePart: false, facilitator: false },
  'signed-in': { signedIn: true, participantId: null, mayTakePart: false, facilitator: false },
  'participant (no declaration)': { signedIn: true, participantId: 5, mayTakePart: false, facilitator: false },
  participant: { signedIn: true, participantId: 5, mayTakePart: true, facilitator: false },
  facilitator: { signedIn: true, participantId: 6, mayTakePart: true, facilitator: true },
  'convener (not a participant)': { signedIn: true, participantId: null, mayTakePart: false, facilitator: true },
};
const expected: Record<string, (a: QueueAction) => string | null> = {
  public: (a) => (a === 'follow' ? null : 'not-signed-in'),
  'signed-in': (a) => (a === 'follow' ? null : a === 'raise-hand' || a === 'lower-hand' ? 'not-participant' : 'not-facilitator'),
  'participant (no declaration)': (a) => (a === 'follow' || a === 'lower-hand' ? null : a === 'raise-hand' ? 'standing-incomplete' : 'not-facilitator'),
  participant: (a) => (a === 'follow' || a === 'raise-hand' || a === 'lower-hand' ? null : 'not-facilitator'),
  facilitator: () => null,
  'convener (not a participant)': (a) => (a === 'raise-hand' || a === 'lower-hand' ? 'not-participant' : null),
};

describe('queue permissions: every role × every action', () => {
  for (const [w, access] of Object.entries(who)) {
    for (const action of QUEUE_ACTIONS) {
      const want = expected[w]!(action);
      it(`${w} ${action} → ${want ?? 'allowed'}`, () => assert.equal(queuePermission(access, action), want));
    }
  }
});

const live: RoomState = { live: true, currentItemId: 7, speeches: [] };
const notLive: RoomState = { live: false, currentItemId: null, speeches: [] };
const person = (name: string) => ({ participantId: pid(name), displayName: name, categoryKey: categoryOf[name]!, categoryOther: null });

function openQueue(): Queue {
  return { ...emptyQueue(1), open: true };
}
/** Applies a decision and gives new entries ids, as saving would. */
function saved(r: ReturnType<typeof raiseHand>): Queue {
  assert.ok(r.ok, r.ok ? '' : r.refusal);
  return { ...r.value.queue, entries: r.value.queue.entries.map((e) => (e.id === null ? { ...e, id: e.seq * 10 } : e)) };
}

describe('queue changes and their refusals', () => {
  it('raising a hand: twice is refused, on a closed queue or outside a live meeting too; the order comes from the queue, not the clock', () => {
    let q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(50)));
    assert.deepEqual(raiseHand(q, live, person('A'), 'online', T(51)), { ok: false, refusal: 'already-waiting' });
    // B's server clock is behind: B still comes after A, who raised first
    q = saved(raiseHand(q, live, person('B'), 'online', T(10)));
    assert.deepEqual(
      orderQueue(q.entries, [], 'fifo').map((p) => p.entry.displayName),
      ['A', 'B'],
    );
    assert.deepEqual(raiseHand({ ...q, open: false }, live, person('C'), 'online', T(52)), { ok: false, refusal: 'queue-closed' });
    assert.deepEqual(raiseHand(q, notLive, person('C'), 'online', T(52)), { ok: false, refusal: 'meeting-not-live' });
    const r = raiseHand(q, live, person('C'), 'in-room', T(53));
    assert.ok(r.ok);
    assert.equal(r.value.events[0]!.action, 'queue.hand-added');
    assert.equal(r.value.queue.version, q.version + 1);
  });

  it('giving the floor: only from the queue; the next in order, or someone else with a reason that is logged', () => {
    let q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    q = saved(raiseHand(q, live, person('C'), 'online', T(2)));
    assert.deepEqual(giveFloor(emptyQueue(1), live, { entryId: null, reason: null }, T(3)), { ok: false, refusal: 'queue-empty' });
    assert.deepEqual(giveFloor(q, notLive, { entryId: null, reason: null }, T(3)), { ok: false, refusal: 'meeting-not-live' });
    assert.deepEqual(giveFloor(q, live, { entryId: 20, reason: '  ' }, T(3)), { ok: false, refusal: 'reason-required' });
    assert.deepEqual(giveFloor(q, live, { entryId: 20, reason: 'x'.repeat(301) }, T(3)), { ok: false, refusal: 'reason-too-long' });
    assert.deepEqual(giveFloor(q, live, { entryId: 999, reason: null }, T(3)), { ok: false, refusal: 'not-waiting' });
    const first = giveFloor(q, live, { entryId: 10, reason: null }, T(3));
    assert.ok(first.ok);
    assert.deepEqual(
      first.value.events.map((e) => e.action),
      ['queue.floor-given'],
    );
    const out = giveFloor(q, live, { entryId: 20, reason: ' Presenter of this item ' }, T(3));
    assert.ok(out.ok);
    assert.deepEqual(
      out.value.events.map((e) => e.action),
      ['queue.floor-given', 'queue.override'],
    );
    assert.equal(out.value.events[1]!.data!.reason, 'Presenter of this item');
    assert.equal(out.value.queue.floorEntryId, 20);
    assert.equal(out.value.queue.floorItemId, 7);
    // A hand raised while speaking is refused: the speaker already has the floor
    assert.deepEqual(raiseHand(out.value.queue, live, person('C'), 'online', T(4)), { ok: false, refusal: 'has-floor' });
  });

  it('next speaker ends the current turn and logs it, on the agenda item current when the floor was given', () => {
    let q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    q = saved(raiseHand(q, live, person('C'), 'online', T(2)));
    const a = giveFloor(q, live, { entryId: null, reason: null }, T(10));
    assert.ok(a.ok);
    const c = giveFloor(a.value.queue, { ...live, currentItemId: 8 }, { entryId: null, reason: null }, T(100));
    assert.ok(c.ok);
    assert.equal(c.value.speech?.displayName, 'A');
    assert.equal(c.value.speech?.seconds, 90);
    assert.equal(c.value.speech?.agendaItemId, 7);
    assert.equal(c.value.queue.floorItemId, 8);
    assert.equal(c.value.queue.entries.find((e) => e.displayName === 'A')!.status, 'spoke');
    assert.deepEqual(
      c.value.events.map((e) => e.action),
      ['queue.turn-ended', 'queue.floor-given'],
    );
    const end = endTurn(c.value.queue, live, T(130));
    assert.ok(end.ok);
    assert.equal(end.value.speech?.seconds, 30);
    assert.equal(end.value.queue.floorEntryId, null);
    assert.deepEqual(endTurn(end.value.queue, live, T(131)), { ok: false, refusal: 'no-floor' });
  });

  it('clock skew between servers: a turn ended by a server whose clock is behind lasts zero seconds, never less', () => {
    assert.deepEqual(turnLength(T(100), T(90)), { endedAt: T(100), seconds: 0 });
    assert.deepEqual(turnLength(T(100), T(161)), { endedAt: T(161), seconds: 61 });
    const q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    const a = giveFloor(q, live, { entryId: null, reason: null }, T(100));
    assert.ok(a.ok);
    const e = endTurn(a.value.queue, live, T(95));
    assert.ok(e.ok);
    assert.equal(e.value.speech?.seconds, 0);
    assert.equal(e.value.speech?.endedAt.getTime(), T(100).getTime());
  });

  it('lowering and removing hands', () => {
    const q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    assert.deepEqual(lowerHand(q, live, pid('B')), { ok: false, refusal: 'not-waiting' });
    const low = lowerHand(q, live, pid('A'));
    assert.ok(low.ok);
    assert.equal(low.value.queue.entries[0]!.status, 'lowered');
    assert.deepEqual(lowerHand(low.value.queue, live, pid('A')), { ok: false, refusal: 'not-waiting' });
    assert.deepEqual(removeHand(q, live, 999), { ok: false, refusal: 'not-waiting' });
    const rm = removeHand(q, live, 10);
    assert.ok(rm.ok);
    assert.equal(rm.value.queue.entries[0]!.status, 'removed');
    assert.equal(rm.value.events[0]!.action, 'queue.hand-removed');
  });

  it('moving a hand up takes a reason and shows it; moving the first is a no-op', () => {
    let q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    q = saved(raiseHand(q, live, person('C'), 'online', T(2)));
    assert.deepEqual(moveUp(q, live, 10, 'x'), { ok: false, refusal: 'unchanged' });
    assert.deepEqual(moveUp(q, live, 20, ''), { ok: false, refusal: 'reason-required' });
    const m = moveUp(q, live, 20, 'Answers the question just asked');
    assert.ok(m.ok);
    assert.equal(m.value.events[0]!.action, 'queue.override');
    assert.deepEqual(
      orderQueue(m.value.queue.entries, [], 'fifo').map((p) => [p.entry.displayName, words(p.why)]),
      [
        ['C', 'moved Answers the question just asked'],
        ['A', 'order 1'],
      ],
    );
  });

  it('time limit, policy, open and close', () => {
    const q = openQueue();
    assert.deepEqual(setTimeLimit(q, { live: true, ended: false }, 10), { ok: false, refusal: 'bad-time-limit' });
    assert.deepEqual(setTimeLimit(q, { live: true, ended: false }, 3601), { ok: false, refusal: 'bad-time-limit' });
    assert.deepEqual(setTimeLimit(q, { live: true, ended: false }, null), { ok: false, refusal: 'unchanged' });
    assert.deepEqual(setTimeLimit(q, { live: false, ended: true }, 120), { ok: false, refusal: 'meeting-not-live' });
    const t = setTimeLimit(q, { live: false, ended: false }, 120);
    assert.ok(t.ok);
    assert.equal(t.value.queue.timeLimitSeconds, 120);
    assert.deepEqual(setPolicy(q, { ended: false }, 'loudest'), { ok: false, refusal: 'unknown-policy' });
    assert.deepEqual(setPolicy(q, { ended: false }, 'fifo'), { ok: false, refusal: 'unchanged' });
    assert.ok(setPolicy(q, { ended: false }, 'balanced').ok);
    assert.deepEqual(setOpen(q, live, true), { ok: false, refusal: 'unchanged' });
    assert.deepEqual(setOpen(emptyQueue(1), notLive, true), { ok: false, refusal: 'meeting-not-live' });
    const c = setOpen(q, live, false);
    assert.ok(c.ok);
    assert.equal(c.value.events[0]!.action, 'queue.closed');
  });

  it('closing the queue stops new hands; those already waiting are still given the floor', () => {
    const q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    const closed = setOpen(q, live, false);
    assert.ok(closed.ok);
    assert.deepEqual(raiseHand(closed.value.queue, live, person('C'), 'online', T(2)), { ok: false, refusal: 'queue-closed' });
    assert.ok(giveFloor(closed.value.queue, live, { entryId: null, reason: null }, T(3)).ok);
  });

  it('the meeting ends while people wait: the turn is logged, the queue closes, and the waiting are named as not heard', () => {
    let q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    q = saved(raiseHand(q, live, person('C'), 'online', T(2)));
    q = saved(raiseHand(q, live, person('D'), 'online', T(3)));
    const a = giveFloor(q, live, { entryId: null, reason: null }, T(10));
    assert.ok(a.ok);
    const end = closeForMeetingEnd(a.value.queue, T(70));
    assert.equal(end.speech?.seconds, 60);
    assert.equal(end.queue.open, false);
    assert.deepEqual(
      end.queue.entries.map((e) => [e.displayName, e.status]),
      [
        ['A', 'spoke'],
        ['C', 'unheard'],
        ['D', 'unheard'],
      ],
    );
    assert.deepEqual(
      end.events.map((e) => e.action),
      ['queue.turn-ended', 'queue.unheard'],
    );
    assert.deepEqual(
      (end.events[1]!.data!.people as Array<{ who: string }>).map((p) => p.who),
      ['C', 'D'],
    );
    // An empty queue ends quietly
    assert.deepEqual(closeForMeetingEnd(emptyQueue(1), T(1)).events, []);
  });

  it('the room snapshot carries the whole public state, compactly, with each declaration', () => {
    let q = saved(raiseHand(openQueue(), live, person('A'), 'online', T(1)));
    q = saved(raiseHand(q, live, person('C'), 'in-room', T(2)));
    const g = giveFloor(q, live, { entryId: null, reason: null }, T(5));
    assert.ok(g.ok);
    const snap = queueSnapshot(g.value.queue, [spoke('D', 42)], (p) => (p === pid('A') ? { hasInterests: true, text: 'Works for a device maker' } : null));
    assert.equal(snap.floor?.n, 'A');
    assert.equal(snap.floor?.since, T(5).getTime());
    assert.deepEqual(snap.floor?.d, { hasInterests: true, text: 'Works for a device maker' });
    assert.deepEqual(
      snap.queue.map((p) => [p.n, p.src, p.d, p.why]),
      [['C', 'in-room', null, { k: 'order', seq: 2 }]],
    );
    assert.deepEqual(snap.heard, { 'civil-society': [42, 1] });
    assert.ok(JSON.stringify(snap).length < 600);
  });
});
