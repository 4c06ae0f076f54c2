import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decidePosition } from '../../src/capabilities/consensus/domain/positions.ts';
import { senseRefusal, senseTally, senseWhere, type RoomSense, type SenseAction, type SenseSituation } from '../../src/capabilities/consensus/domain/sense.ts';
import { meetingSearchText } from '../../src/capabilities/meetings/domain/search-text.ts';

const open: RoomSense = { id: 1, meetingId: 1, proposalId: 1, agendaItemId: null, openedAt: new Date(0), closedAt: null };
const base: SenseSituation = { signedIn: true, facilitator: true, meetingLive: true, open: null, proposal: { status: 'discussion', sameBody: true }, itemKnown: true };

describe('sense of the room: who may do what, when (role × action × state)', () => {
  const rows: Array<[string, SenseAction, Partial<SenseSituation>, string | null]> = [
    ['facilitator opens on a proposal in discussion', 'open', {}, null],
    ['facilitator opens on a proposal in consensus call', 'open', { proposal: { status: 'call', sameBody: true } }, null],
    ['the public', 'open', { signedIn: false, facilitator: false }, 'not-signed-in'],
    ['a member', 'open', { facilitator: false }, 'not-facilitator'],
    ['a meeting not in progress', 'open', { meetingLive: false }, 'meeting-not-live'],
    ['one already open', 'open', { open }, 'already-open'],
    ['a proposal of another body', 'open', { proposal: { status: 'discussion', sameBody: false } }, 'other-body'],
    ['no such proposal', 'open', { proposal: null }, 'other-body'],
    ['a draft', 'open', { proposal: { status: 'drafting', sameBody: true } }, 'proposal-not-open'],
    ['a decided proposal', 'open', { proposal: { status: 'decided', sameBody: true } }, 'proposal-not-open'],
    ['an item of another meeting', 'open', { itemKnown: false }, 'unknown-item'],
    ['facilitator closes', 'close', { open }, null],
    ['nothing to close', 'close', {}, 'not-open'],
    ['a member closes', 'close', { open, facilitator: false }, 'not-facilitator'],
    ['facilitator records for someone', 'record-for-others', { open }, null],
    ['a member records for someone', 'record-for-others', { open, facilitator: false }, 'not-facilitator'],
    ['recording with none open', 'record-for-others', {}, 'not-open'],
    ['recording after the meeting', 'record-for-others', { open, meetingLive: false }, 'meeting-not-live'],
  ];
  for (const [name, action, s, expected] of rows) it(name, () => assert.equal(senseRefusal(action, { ...base, ...s }), expected));
});

describe('sense of the room: the tally', () => {
  it('counts by stance and category, every category shown in the process’s order, unknown ones after', () => {
    const t = senseTally(
      [
        { stance: 'agree', categoryKey: 'industry', n: 2 },
        { stance: 'cannot', categoryKey: 'government', n: 1 },
        { stance: 'can-live', categoryKey: 'industry', n: 1 },
        { stance: 'agree', categoryKey: 'retired-key', n: 1 },
      ],
      ['government', 'industry', 'academia'],
    );
    assert.equal(t.total, 5);
    assert.deepEqual(t.stances, { agree: 3, canLive: 1, cannot: 1 });
    assert.deepEqual(
      t.categories.map((c) => [c.categoryKey, c.agree, c.canLive, c.cannot, c.total]),
      [
        ['government', 0, 0, 1, 1],
        ['industry', 2, 1, 0, 3],
        ['academia', 0, 0, 0, 0],
        ['retired-key', 1, 0, 0, 1],
      ],
    );
  });
  it('no positions: zeros, never a division by zero', () => {
    const t = senseTally([], ['industry']);
    assert.deepEqual(t, { total: 0, stances: { agree: 0, canLive: 0, cannot: 0 }, categories: [{ categoryKey: 'industry', agree: 0, canLive: 0, cannot: 0, total: 0 }] });
  });
  it('where: the meeting and the agenda item, by id', () => {
    assert.deepEqual(senseWhere({ id: 4, title: { fr: 'Réunion' } }, { id: 9, title: { en: 'Labels' } }), {
      kind: 'meeting',
      label: 'Réunion — Labels',
      url: null,
      meetingId: 4,
      agendaItemId: 9,
    });
    assert.equal(senseWhere({ id: 4, title: { en: 'M' } }, null).agendaItemId, null);
  });
});

describe('positions said again in a sense of the room', () => {
  const current = { stance: 'cannot' as const, reason: { en: 'Too costly' }, categoryKey: 'industry' };
  it('the same position is refused as unchanged, except when restated in a new sense of the room, where nothing else moves', () => {
    const again = decidePosition(current, { stance: 'cannot', reason: { en: 'Too costly' } }, 'industry');
    assert.deepEqual(again, { ok: false, refusal: 'unchanged' });
    const restated = decidePosition(current, { stance: 'cannot', reason: { en: 'Too costly' } }, 'industry', { restating: true });
    assert.ok(restated.ok);
    assert.deepEqual(restated.value.deltas, []);
    assert.equal(restated.value.raisesObjection, false);
    assert.equal(restated.value.argument, false);
  });
  it('a change is a change, restated or not', () => {
    const r = decidePosition(current, { stance: 'agree', reason: null }, 'industry', { restating: true });
    assert.ok(r.ok);
    assert.equal(r.value.deltas.length, 2);
  });
});

describe('what search finds a meeting by', () => {
  const meeting = { description: { en: 'About labels', fr: 'Sur les étiquettes' }, place: { en: 'Ottawa' }, status: 'ended' as const };
  const items = [{ title: { en: 'Firmware', fr: 'Micrologiciel' }, presenter: 'Ana' }];
  it('description, place, agenda and approved minutes, per language', () => {
    const t = meetingSearchText(meeting, items, { status: 'approved', source: { en: 'We agreed.' } }, { en: 'Cancelled', fr: 'Annulée' });
    assert.equal(t.en, 'About labels\n\nOttawa\n\nFirmware — Ana\n\nWe agreed.');
    assert.equal(t.fr, 'Sur les étiquettes\n\nMicrologiciel — Ana');
  });
  it('draft minutes are not searched; a cancelled meeting says so', () => {
    const t = meetingSearchText({ ...meeting, status: 'cancelled' }, [], { status: 'draft', source: { en: 'Secret draft' } }, { en: 'Cancelled', fr: 'Annulée' });
    assert.ok(!t.en!.includes('Secret'));
    assert.ok(t.en!.startsWith('Cancelled'));
    assert.ok(t.fr!.startsWith('Annulée'));
  });
});

describe('what an agenda link points at', () => {
  it('proposals and documents (or passages) of the same process, in either language, relative or absolute', async () => {
    const { subjectOf } = await import('../../src/capabilities/meetings/domain/subjects.ts');
    const rows: Array<[string, unknown]> = [
      ['/en/p/iot/decisions/12', { kind: 'proposal', key: '12', anchor: null }],
      ['https://concert.example/fr/p/iot/decisions/12/room', { kind: 'proposal', key: '12', anchor: null }],
      ['/en/p/iot/decisions/12/edit', null],
      ['/en/p/iot/decisions/new', null],
      ['/en/p/other/decisions/12', null],
      ['/fr/p/iot/documents/report', { kind: 'document', key: 'report', anchor: null }],
      ['/fr/p/iot/documents/report/at/p4', { kind: 'document', key: 'report', anchor: 'p4' }],
      ['/en/p/iot/documents/report#p9', { kind: 'document', key: 'report', anchor: 'p9' }],
      ['https://example.org/p/iot/decisions/12?x=<script>', null],
      ['javascript:alert(1)', null],
    ];
    for (const [url, expected] of rows) assert.deepEqual(subjectOf(url, 'iot'), expected, url);
  });
});
