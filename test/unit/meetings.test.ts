import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemStarts, moveItem, parseLinks, checkAgendaItem } from '../../src/capabilities/meetings/domain/agenda.ts';
import { attendanceChanges, checkAttendance, countAttendance } from '../../src/capabilities/meetings/domain/attendance.ts';
import { splitMeetings } from '../../src/capabilities/meetings/domain/listing.ts';
import {
  cancelMeeting,
  checkMeetingInput,
  endMeeting,
  planMeeting,
  setCurrentItem,
  startMeeting,
  type MeetingInput,
  type MeetingStatus,
} from '../../src/capabilities/meetings/domain/meeting.ts';
import { approveMinutes, checkRecording, saveMinutes, type Minutes } from '../../src/capabilities/meetings/domain/minutes.ts';
import { MEETING_ACTIONS, meetingPermission, type MeetingAccess } from '../../src/capabilities/meetings/domain/permissions.ts';
import { cancelRegistration, modesOf, register } from '../../src/capabilities/meetings/domain/registration.ts';
import { isTimeZone, localDateTime, offsetMinutes, zonedToUtc } from '../../src/capabilities/meetings/domain/time.ts';

describe('wall-clock times in a zone', () => {
  const table: Array<[string, string, string, string]> = [
    ['2019-02-28', '09:00', 'America/Toronto', '2019-02-28T14:00:00.000Z'],
    ['2019-04-18', '09:00', 'America/Toronto', '2019-04-18T13:00:00.000Z'],
    ['2018-11-28', '09:00', 'Africa/Dakar', '2018-11-28T09:00:00.000Z'],
    ['2019-01-15', '09:30', 'Europe/Paris', '2019-01-15T08:30:00.000Z'],
    ['2019-07-01', '10:00', 'America/St_Johns', '2019-07-01T12:30:00.000Z'],
    // 02:30 does not exist on 10 March 2019 in Toronto: read with the offset before the change (RFC 5545)
    ['2019-03-10', '02:30', 'America/Toronto', '2019-03-10T07:30:00.000Z'],
    // 01:30 happens twice on 3 November 2019: the first one
    ['2019-11-03', '01:30', 'America/Toronto', '2019-11-03T05:30:00.000Z'],
  ];
  for (const [date, time, tz, utc] of table) {
    it(`${date} ${time} ${tz} → ${utc}`, () => {
      const d = zonedToUtc(date, time, tz);
      assert.equal(d.toISOString(), utc);
      if (!(date === '2019-03-10' && time === '02:30')) assert.deepEqual(localDateTime(d, tz), { date, time });
    });
  }
  it('knows zone names and offsets', () => {
    assert.ok(isTimeZone('America/Toronto'));
    assert.ok(isTimeZone('UTC'));
    assert.ok(!isTimeZone('Mars/Olympus_Mons'));
    assert.ok(!isTimeZone('America/Toronto; DROP'));
    assert.equal(offsetMinutes(Date.UTC(2019, 0, 1), 'America/Toronto'), -300);
    assert.equal(offsetMinutes(Date.UTC(2019, 6, 1), 'America/Toronto'), -240);
  });
});

const input: MeetingInput = {
  format: 'webinar',
  title: { en: 'Bi-weekly webinar', fr: 'Webinaire bimensuel' },
  description: {},
  date: '2019-02-20',
  startTime: '13:00',
  endTime: '14:00',
  timeZone: 'America/Toronto',
  place: {},
  onlineUrl: 'https://meet.example.org/msg',
  livestreamUrl: null,
  capacity: null,
};
const rules = { allowed: true, bodyActive: true, officialLanguages: ['en', 'fr'] as const, processPublished: true };

describe('scheduling: every refusal', () => {
  const table: Array<[string, Partial<MeetingInput>, Partial<typeof rules>, { intervalWeeks: number; count: number } | null, string | null]> = [
    ['valid webinar', {}, {}, null, null],
    ['not the chair', {}, { allowed: false }, null, 'not-allowed'],
    ['closed body', {}, { bodyActive: false }, null, 'body-closed'],
    ['no title', { title: {} }, {}, null, 'no-title'],
    ['title in one language of a public process', { title: { en: 'Only English' } }, {}, null, 'missing-translations'],
    ['title in one language of a draft process', { title: { en: 'Only English' } }, { processPublished: false }, null, null],
    ['description in one language', { description: { fr: 'Seulement en français' } }, {}, null, 'missing-translations'],
    ['place in one language', { format: 'hybrid', place: { en: 'Ottawa' } }, {}, null, 'missing-translations'],
    ['impossible date', { date: '2019-02-30' }, {}, null, 'bad-date'],
    ['bad time', { startTime: '25:00' }, {}, null, 'bad-date'],
    ['unknown zone', { timeZone: 'Canada/Nowhere' }, {}, null, 'bad-time-zone'],
    ['ends before it starts', { endTime: '12:00' }, {}, null, 'ends-before-start'],
    ['ends as it starts', { endTime: '13:00' }, {}, null, 'ends-before-start'],
    ['in person without a place', { format: 'in-person-full-day', onlineUrl: null }, {}, null, 'needs-place'],
    ['webinar without a link', { onlineUrl: null }, {}, null, 'needs-link'],
    ['hybrid needs both', { format: 'hybrid', place: { en: 'Ottawa', fr: 'Ottawa' }, onlineUrl: null }, {}, null, 'needs-link'],
    ['workshop with neither', { format: 'workshop', onlineUrl: null }, {}, null, 'needs-place'],
    ['workshop online', { format: 'workshop' }, {}, null, null],
    ['series every two weeks, six times', {}, {}, { intervalWeeks: 2, count: 6 }, null],
    ['series of one', {}, {}, { intervalWeeks: 2, count: 1 }, 'bad-repeat'],
    ['series too long', {}, {}, { intervalWeeks: 1, count: 105 }, 'bad-repeat'],
    ['series every 9 weeks', {}, {}, { intervalWeeks: 9, count: 3 }, 'bad-repeat'],
  ];
  for (const [name, change, r, repeat, refusal] of table) {
    it(`${name} → ${refusal ?? 'scheduled'}`, () => assert.equal(checkMeetingInput({ ...rules, ...r }, { ...input, ...change }, repeat), refusal));
  }
  it('a series keeps its wall-clock time across daylight saving', () => {
    const r = planMeeting(rules, input, { intervalWeeks: 2, count: 4 });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.map((o) => o.startsAt.toISOString()),
      ['2019-02-20T18:00:00.000Z', '2019-03-06T18:00:00.000Z', '2019-03-20T17:00:00.000Z', '2019-04-03T17:00:00.000Z'],
    );
  });
});

describe('meeting lifecycle: state × action', () => {
  const statuses: MeetingStatus[] = ['scheduled', 'in-progress', 'ended', 'cancelled'];
  const m = (status: MeetingStatus) => ({ id: 1, status, title: { en: 'x' }, startsAt: new Date(0), currentItemId: null });
  const want: Record<string, Record<MeetingStatus, string | null>> = {
    start: { scheduled: null, 'in-progress': 'already-started', ended: 'already-ended', cancelled: 'cancelled' },
    end: { scheduled: 'not-started', 'in-progress': null, ended: 'already-ended', cancelled: 'cancelled' },
    cancel: { scheduled: null, 'in-progress': 'already-started', ended: 'already-ended', cancelled: 'cancelled' },
    'set item': { scheduled: 'not-in-progress', 'in-progress': null, ended: 'not-in-progress', cancelled: 'not-in-progress' },
  };
  const run = (action: string, status: MeetingStatus, allowed: boolean) => {
    const r =
      action === 'start'
        ? startMeeting(m(status), allowed)
        : action === 'end'
          ? endMeeting(m(status), allowed)
          : action === 'cancel'
            ? cancelMeeting(m(status), allowed)
            : setCurrentItem(m(status), allowed, [5], 5);
    return r.ok ? null : r.refusal;
  };
  for (const action of Object.keys(want)) {
    for (const status of statuses) {
      it(`${action} when ${status} → ${want[action]![status] ?? 'done'}`, () => assert.equal(run(action, status, true), want[action]![status]));
    }
    it(`${action} by someone who does not chair → not-allowed`, () => assert.equal(run(action, 'scheduled', false), 'not-allowed'));
  }
  it('the current item must be on the agenda, and differ', () => {
    assert.deepEqual(setCurrentItem(m('in-progress'), true, [5], 6), { ok: false, refusal: 'unknown-item' });
    assert.deepEqual(setCurrentItem({ ...m('in-progress'), currentItemId: 5 }, true, [5], 5), { ok: false, refusal: 'unchanged' });
    assert.ok(setCurrentItem({ ...m('in-progress'), currentItemId: 5 }, true, [5], null).ok);
  });
});

describe('meeting permissions: every role × every action', () => {
  const who: Record<string, MeetingAccess> = {
    public: { signedIn: false, organizer: false, facilitator: false, participantId: null, mayTakePart: false },
    'signed-in': { signedIn: true, organizer: false, facilitator: false, participantId: null, mayTakePart: false },
    participant: { signedIn: true, organizer: false, facilitator: false, participantId: 3, mayTakePart: true },
    facilitator: { signedIn: true, organizer: false, facilitator: true, participantId: 4, mayTakePart: true },
    convener: { signedIn: true, organizer: true, facilitator: false, participantId: null, mayTakePart: false },
  };
  const expected = (w: string, a: string): string | null => {
    if (w === 'public') return 'not-signed-in';
    if (a === 'register') return w === 'signed-in' || w === 'convener' ? 'not-participant' : null;
    return w === 'facilitator' || w === 'convener' ? null : 'not-allowed';
  };
  for (const [w, access] of Object.entries(who)) {
    for (const a of MEETING_ACTIONS) {
      it(`${w} ${a} → ${expected(w, a) ?? 'allowed'}`, () => assert.equal(meetingPermission(access, a), expected(w, a)));
    }
  }
});

describe('registration', () => {
  const hybrid = { status: 'scheduled' as const, capacity: 2, format: 'hybrid' as const, onlineUrl: 'https://x', livestreamUrl: null, place: { en: 'Ottawa' } };
  const table: Array<[string, object, 'in-person' | 'online' | null, number, 'in-person' | 'online', string | null]> = [
    ['a seat in the room', {}, null, 0, 'in-person', null],
    ['the last seat', {}, null, 1, 'in-person', null],
    ['the room is full', {}, null, 2, 'in-person', 'full'],
    ['online when the room is full', {}, null, 2, 'online', null],
    ['twice the same way', {}, 'online', 0, 'online', 'already-registered'],
    ['switching to the room', {}, 'online', 0, 'in-person', null],
    ['no limit', { capacity: null }, null, 500, 'in-person', null],
    ['in the room of a webinar', { format: 'webinar', place: {} }, null, 0, 'in-person', 'mode-unavailable'],
    ['online at an in-person meeting without stream', { format: 'in-person-full-day', onlineUrl: null }, null, 0, 'online', 'mode-unavailable'],
    ['online at an in-person meeting with a livestream', { format: 'in-person-full-day', onlineUrl: null, livestreamUrl: 'https://x' }, null, 0, 'online', null],
    ['after it ended', { status: 'ended' }, null, 0, 'online', 'meeting-over'],
    ['when cancelled', { status: 'cancelled' }, null, 0, 'online', 'meeting-over'],
  ];
  for (const [name, change, current, count, mode, refusal] of table) {
    it(`${name} → ${refusal ?? 'registered'}`, () => {
      const r = register({ ...hybrid, ...change }, current, count, mode);
      assert.equal(r.ok ? null : r.refusal, refusal);
    });
  }
  it('modes and cancelling', () => {
    assert.deepEqual(modesOf(hybrid), ['in-person', 'online']);
    assert.deepEqual(cancelRegistration({ status: 'scheduled' }, null), { ok: false, refusal: 'not-registered' });
    assert.deepEqual(cancelRegistration({ status: 'ended' }, 'online'), { ok: false, refusal: 'meeting-over' });
    assert.ok(cancelRegistration({ status: 'in-progress' }, 'online').ok);
  });
});

describe('agenda', () => {
  it('links: one a line, an address then a label; addresses are http(s) or paths on this site', () => {
    assert.deepEqual(parseLinks('https://example.org/report.pdf Draft report\n\n/en/p/iot-security/rules'), [
      { url: 'https://example.org/report.pdf', label: 'Draft report' },
      { url: '/en/p/iot-security/rules', label: '' },
    ]);
    assert.equal(parseLinks('javascript:alert(1) x'), 'bad-link');
    assert.equal(parseLinks('//evil.example'), 'bad-link');
    assert.equal(parseLinks(Array(11).fill('https://a.example').join('\n')), 'too-many-links');
  });
  it('item checks, planned starts, moves', () => {
    const r = { allowed: true, officialLanguages: ['en', 'fr'] as const, processPublished: true, meetingOver: false, itemCount: 0, adding: true };
    const item = { title: { en: 'Welcome', fr: 'Bienvenue' }, durationMinutes: 10, presenter: null, links: [] };
    assert.equal(checkAgendaItem(r, item), null);
    assert.equal(checkAgendaItem({ ...r, allowed: false }, item), 'not-allowed');
    assert.equal(checkAgendaItem({ ...r, meetingOver: true }, item), 'meeting-over');
    assert.equal(checkAgendaItem({ ...r, itemCount: 40 }, item), 'too-many-items');
    assert.equal(checkAgendaItem({ ...r, itemCount: 40, adding: false }, item), null);
    assert.equal(checkAgendaItem(r, { ...item, title: {} }), 'no-title');
    assert.equal(checkAgendaItem(r, { ...item, title: { en: 'Welcome' } }), 'missing-translations');
    assert.equal(checkAgendaItem(r, { ...item, durationMinutes: 721 }), 'bad-duration');
    assert.deepEqual(
      itemStarts(new Date('2019-04-18T13:00:00Z'), [{ durationMinutes: 10 }, { durationMinutes: 45 }, { durationMinutes: 0 }]).map((d) => d.toISOString().slice(11, 16)),
      ['13:00', '13:10', '13:55'],
    );
    assert.deepEqual(moveItem([1, 2, 3], 2, 'up'), [2, 1, 3]);
    assert.deepEqual(moveItem([1, 2, 3], 3, 'down'), null);
    assert.deepEqual(moveItem([1, 2, 3], 9, 'up'), null);
  });
});

describe('attendance', () => {
  it('taken once the meeting has begun, counted by mode and category', () => {
    assert.deepEqual(checkAttendance({ status: 'scheduled' }, true, [{ participantId: 1, mark: 'online' }]), { ok: false, refusal: 'not-started' });
    assert.deepEqual(checkAttendance({ status: 'cancelled' }, true, [{ participantId: 1, mark: 'online' }]), { ok: false, refusal: 'cancelled' });
    assert.deepEqual(checkAttendance({ status: 'ended' }, false, [{ participantId: 1, mark: 'online' }]), { ok: false, refusal: 'not-allowed' });
    assert.deepEqual(checkAttendance({ status: 'ended' }, true, []), { ok: false, refusal: 'nothing-to-record' });
    assert.ok(checkAttendance({ status: 'in-progress' }, true, [{ participantId: 1, mark: 'in-room' }]).ok);
    assert.deepEqual(
      attendanceChanges(
        new Map([
          [1, 'online'],
          [2, 'in-room'],
        ]),
        [
          { participantId: 1, mark: 'online' },
          { participantId: 2, mark: 'absent' },
          { participantId: 3, mark: 'in-room' },
          { participantId: 4, mark: 'absent' },
        ],
      ),
      [
        { participantId: 2, mark: 'absent' },
        { participantId: 3, mark: 'in-room' },
      ],
    );
    const c = countAttendance(
      [
        { mode: 'in-room', categoryKey: 'government' },
        { mode: 'online', categoryKey: 'industry' },
        { mode: 'online', categoryKey: 'industry' },
      ],
      ['industry', 'government', 'academia'],
    );
    assert.deepEqual([c.inRoom, c.online, c.total], [1, 2, 3]);
    assert.deepEqual(c.byCategory, [
      { key: 'industry', inRoom: 0, online: 2 },
      { key: 'government', inRoom: 1, online: 0 },
      { key: 'academia', inRoom: 0, online: 0 },
    ]);
  });
});

describe('minutes: draft → approved, in every official language', () => {
  const draft: Minutes = { source: { en: '# Notes', fr: '# Notes' }, html: {}, status: 'draft', approvedAt: null };
  it('saving', () => {
    assert.deepEqual(saveMinutes({ status: 'scheduled' }, true, null, { en: 'x' }), { ok: false, refusal: 'not-held' });
    assert.deepEqual(saveMinutes({ status: 'ended' }, false, null, { en: 'x' }), { ok: false, refusal: 'not-allowed' });
    assert.deepEqual(saveMinutes({ status: 'ended' }, true, null, { en: '  ', fr: '' }), { ok: false, refusal: 'empty' });
    assert.deepEqual(saveMinutes({ status: 'ended' }, true, draft, { en: '# Notes ', fr: '# Notes' }), { ok: false, refusal: 'unchanged' });
    assert.deepEqual(saveMinutes({ status: 'in-progress' }, true, null, { en: 'Live notes' }), { ok: true, value: { source: { en: 'Live notes' }, reopened: false } });
    const again = saveMinutes({ status: 'ended' }, true, { ...draft, status: 'approved' }, { en: 'Changed', fr: 'Changé' });
    assert.ok(again.ok && again.value.reopened, 'changing approved minutes makes them a draft again');
  });
  it('approving', () => {
    assert.deepEqual(approveMinutes({ status: 'in-progress' }, true, draft, ['en', 'fr']), { ok: false, refusal: 'not-ended' });
    assert.deepEqual(approveMinutes({ status: 'ended' }, true, null, ['en', 'fr']), { ok: false, refusal: 'no-minutes' });
    assert.deepEqual(approveMinutes({ status: 'ended' }, true, { ...draft, source: { en: 'Only English' } }, ['en', 'fr']), { ok: false, refusal: 'missing-translations' });
    assert.deepEqual(approveMinutes({ status: 'ended' }, true, { ...draft, status: 'approved' }, ['en', 'fr']), { ok: false, refusal: 'already-approved' });
    assert.deepEqual(approveMinutes({ status: 'ended' }, false, draft, ['en', 'fr']), { ok: false, refusal: 'not-allowed' });
    assert.ok(approveMinutes({ status: 'ended' }, true, draft, ['en', 'fr']).ok);
    assert.ok(approveMinutes({ status: 'ended' }, true, { ...draft, source: { fr: 'Seulement' } }, ['fr']).ok);
  });
  it('recordings', () => {
    assert.equal(checkRecording({ status: 'scheduled' }, true, 0), 'not-held');
    assert.equal(checkRecording({ status: 'ended' }, false, 0), 'not-allowed');
    assert.equal(checkRecording({ status: 'ended' }, true, 20), 'too-many');
    assert.equal(checkRecording({ status: 'ended' }, true, 1), null);
  });
});

describe('upcoming and past', () => {
  it('splits by status and end time; cancelled ones stay listed', () => {
    const now = new Date('2019-03-01T12:00:00Z');
    const m = (id: number, status: MeetingStatus, start: string, end: string) => ({ id, status, startsAt: new Date(start), endsAt: new Date(end) });
    const all = [
      m(1, 'ended', '2019-02-28T14:00:00Z', '2019-02-28T21:00:00Z'),
      m(2, 'scheduled', '2019-03-06T18:00:00Z', '2019-03-06T19:00:00Z'),
      m(3, 'cancelled', '2019-03-20T17:00:00Z', '2019-03-20T18:00:00Z'),
      m(4, 'in-progress', '2019-03-01T11:00:00Z', '2019-03-01T11:30:00Z'),
      m(5, 'scheduled', '2019-02-20T18:00:00Z', '2019-02-20T19:00:00Z'),
    ];
    const s = splitMeetings(all, now);
    assert.deepEqual(
      s.inProgress.map((x) => x.id),
      [4],
    );
    assert.deepEqual(
      s.upcoming.map((x) => x.id),
      [2, 3],
    );
    assert.deepEqual(
      s.past.map((x) => x.id),
      [1, 5],
    );
  });
});
