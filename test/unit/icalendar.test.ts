import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { escapeText, foldLine, icsCalendar, transitions, type IcsEvent } from '../../src/capabilities/meetings/domain/icalendar.ts';
import { weeklyOccurrences } from '../../src/capabilities/meetings/domain/time.ts';

// Checked with ical.js, an independent RFC 5545 parser: what Concert writes
// is read back to the same instants, texts, recurrences and exceptions.

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

function parse(text: string): ICAL.Component {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal;
}

function assertWellFormed(text: string) {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  for (const line of text.split('\r\n')) assert.ok(octets(line) <= 75, `line of ${octets(line)} octets: ${line}`);
}

const stamp = new Date('2019-02-01T12:00:00Z');
const base = { sequence: 0, description: '', location: null, url: null, cancelled: false };

describe('iCalendar text', () => {
  it('escapes TEXT and folds at 75 octets without splitting a character', () => {
    assert.equal(escapeText('a,b;c\\d\ne\r\nf'), 'a\\,b\\;c\\\\d\\ne\\nf');
    const long = 'DESCRIPTION:' + 'é'.repeat(100);
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) assert.ok(octets(l) <= 75);
    assert.equal(folded.replace(/\r\n /g, ''), long);
    assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  });

  it('finds the daylight-saving changes of a zone to the minute', () => {
    const t = transitions('America/Toronto', Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1));
    assert.deepEqual(
      t.map((x) => [new Date(x.at).toISOString(), x.before, x.after]),
      [
        ['2019-03-10T07:00:00.000Z', -300, -240],
        ['2019-11-03T06:00:00.000Z', -240, -300],
      ],
    );
    assert.deepEqual(transitions('America/Regina', Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)), []);
  });
});

describe('calendars read back by an independent parser (ical.js)', () => {
  it('a bi-weekly series across a daylight-saving change, with a cancelled occurrence (EXDATE) and an edited one (RECURRENCE-ID)', () => {
    const tz = 'America/Toronto';
    const occ = weeklyOccurrences('2019-02-20', '13:00', '14:00', tz, 2, 6);
    // 13:00 in Toronto is 18:00Z before 10 March and 17:00Z after: the wall time holds.
    assert.deepEqual(
      occ.map((o) => o.startsAt.toISOString().slice(11, 16)),
      ['18:00', '18:00', '17:00', '17:00', '17:00', '17:00'],
    );
    const moved = { start: new Date(occ[3]!.startsAt.getTime() + 2 * 3600_000), end: new Date(occ[3]!.endsAt.getTime() + 2 * 3600_000) };
    const summary = 'Bi-weekly webinar, MSG; "IoT" \\ sécurité\nsecond line';
    const events: IcsEvent[] = [
      {
        ...base,
        uid: 'series-1@concert.test',
        start: occ[0]!.startsAt,
        end: occ[0]!.endsAt,
        timeZone: tz,
        summary,
        description: `Agenda:\n1. Welcome, rules of engagement\n2. ${'Long text with accents é à ç '.repeat(8)}`,
        location: 'Online',
        url: 'https://concert.test/en/p/iot/meetings/1',
        rrule: { intervalWeeks: 2, count: 6 },
        exdates: [occ[2]!.startsAt],
      },
      { ...base, uid: 'series-1@concert.test', sequence: 1, start: moved.start, end: moved.end, timeZone: tz, summary: 'Moved webinar', recurrenceId: occ[3]!.startsAt },
    ];
    const text = icsCalendar({ name: 'Enhancing IoT Security, meetings', language: 'en', stamp, events });
    assertWellFormed(text);
    const cal = parse(text);
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
    assert.equal(cal.getAllSubcomponents('vtimezone').length, 1);
    const [master, exception] = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(master && exception);
    assert.equal(master.summary, summary);
    assert.ok(master.isRecurring());
    assert.equal(master.startDate.zone?.tzid, tz);
    master.relateException(exception.component);
    const seen: string[] = [];
    const it = master.iterator();
    for (let next = it.next(); next; next = it.next()) {
      if (seen.length > 20) break;
      const details = master.getOccurrenceDetails(next);
      seen.push(`${details.startDate.toJSDate().toISOString()} ${details.item.summary}`);
    }
    const want = [0, 1, 3, 4, 5].map((i) => (i === 3 ? `${moved.start.toISOString()} Moved webinar` : `${occ[i]!.startsAt.toISOString()} ${summary}`));
    // ical.js expands EXDATE out of the recurrence set itself.
    assert.deepEqual(
      seen.filter((s) => !s.startsWith(occ[2]!.startsAt.toISOString())),
      want,
    );
    assert.ok(!seen.some((s) => s.startsWith(occ[2]!.startsAt.toISOString())), 'the cancelled occurrence is excluded');
    assert.equal(exception.recurrenceId.toJSDate().toISOString(), occ[3]!.startsAt.toISOString());
  });

  it('single events in several zones, one cancelled; text with commas, semicolons and line breaks', () => {
    const paris = weeklyOccurrences('2019-01-15', '09:30', '12:00', 'Europe/Paris', 1, 2)[0]!;
    const dakar = weeklyOccurrences('2018-11-28', '09:00', '17:00', 'Africa/Dakar', 1, 2)[0]!;
    const ottawa = weeklyOccurrences('2019-04-18', '09:00', '16:00', 'America/Toronto', 1, 2)[0]!;
    const text = icsCalendar({
      name: 'Réunions; groupe, "multipartite"',
      language: 'fr',
      stamp,
      events: [
        { ...base, uid: 'meeting-1@concert.test', start: paris.startsAt, end: paris.endsAt, timeZone: 'Europe/Paris', summary: 'Groupe de travail, France' },
        { ...base, uid: 'meeting-2@concert.test', start: dakar.startsAt, end: dakar.endsAt, timeZone: 'Africa/Dakar', summary: 'Atelier; Dakar', cancelled: true },
        {
          ...base,
          uid: 'meeting-3@concert.test',
          start: ottawa.startsAt,
          end: ottawa.endsAt,
          timeZone: 'America/Toronto',
          summary: 'Final meeting',
          location: 'Ottawa',
          description: 'Line one\nLine two, with; punctuation',
        },
      ],
    });
    assertWellFormed(text);
    const cal = parse(text);
    // X- properties are TEXT by default (RFC 5545 § 3.8.8.2), so escaped; ical.js hands them back raw.
    assert.equal(cal.getFirstPropertyValue('x-wr-calname'), 'Réunions\\; groupe\\, "multipartite"');
    assert.deepEqual(
      cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
      ['Europe/Paris', 'Africa/Dakar', 'America/Toronto'],
    );
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.deepEqual(
      events.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString(), e.component.getFirstPropertyValue('status')]),
      [
        ['Groupe de travail, France', '2019-01-15T08:30:00.000Z', '2019-01-15T11:00:00.000Z', 'CONFIRMED'],
        ['Atelier; Dakar', '2018-11-28T09:00:00.000Z', '2018-11-28T17:00:00.000Z', 'CANCELLED'],
        ['Final meeting', '2019-04-18T13:00:00.000Z', '2019-04-18T20:00:00.000Z', 'CONFIRMED'],
      ],
    );
    assert.equal(events[2]!.description, 'Line one\nLine two, with; punctuation');
    assert.equal(events[2]!.location, 'Ottawa');
    assert.equal(events[0]!.component.getFirstPropertyValue('dtstamp')?.toString(), '2019-02-01T12:00:00Z');
  });

  it('a zone without daylight saving, and UTC', () => {
    const regina = weeklyOccurrences('2019-07-01', '10:00', '11:00', 'America/Regina', 1, 2)[0]!;
    const utc = weeklyOccurrences('2019-07-01', '10:00', '11:00', 'UTC', 1, 2)[0]!;
    const text = icsCalendar({
      name: 'x',
      language: 'en',
      stamp,
      events: [
        { ...base, uid: 'a@x', start: regina.startsAt, end: regina.endsAt, timeZone: 'America/Regina', summary: 'Regina' },
        { ...base, uid: 'b@x', start: utc.startsAt, end: utc.endsAt, timeZone: 'UTC', summary: 'UTC' },
      ],
    });
    assertWellFormed(text);
    const events = parse(text)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    assert.deepEqual(
      events.map((e) => e.startDate.toJSDate().toISOString()),
      ['2019-07-01T16:00:00.000Z', '2019-07-01T10:00:00.000Z'],
    );
  });
});
