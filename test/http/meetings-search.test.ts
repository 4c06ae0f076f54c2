import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addAgendaItem, approveMinutes, changeMeetingStatus, editMeeting, meetingById, saveMinutes, scheduleMeeting } from '../../src/capabilities/meetings/index.ts';
import { bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { assertEscaped, makeBody, makeProcess, XSS } from '../support/factories.ts';

// Meetings are found by search (issue 5): title, description, agenda, approved minutes, in both languages.
let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function setup() {
  const { process, convener } = await makeProcess(t.deps);
  const slug = await makeBody(t.deps, process, convener);
  const body = (await bodyBySlug(t.db, process.id, slug))!;
  const r = await scheduleMeeting(
    t.deps,
    convener,
    process,
    body,
    {
      format: 'webinar',
      title: { en: `Quasarine roundtable ${XSS}`, fr: `Table ronde quasarine ${XSS}` },
      description: { en: 'About labelling thermostats.', fr: 'Sur l’étiquetage des thermostats.' },
      date: '2026-03-04',
      startTime: '13:00',
      endTime: '14:30',
      timeZone: 'America/Toronto',
      place: {},
      onlineUrl: 'https://meet.example.org/x',
      livestreamUrl: null,
      capacity: null,
    },
    null,
  );
  if (!r.ok) throw new Error(r.refusal);
  const id = r.value.meetingIds[0]!;
  const search = (q: string, locale = 'en', extra = '') => t.client().get(`/${locale}/p/${process.slug}/search?q=${encodeURIComponent(q)}${extra}`);
  const meeting = async () => (await meetingById(t.db, process.id, id))!;
  return { process, convener, body, id, search, meeting };
}

describe('meetings in search', () => {
  it('a scheduled meeting is found by its title and description in each language, under the meeting filter, escaped', async () => {
    const s = await setup();
    for (const [q, locale] of [
      ['quasarine', 'en'],
      ['thermostats', 'en'],
      ['etiquetage', 'fr'],
    ] as const) {
      const r = await s.search(q, locale, '&type=meeting');
      assert.equal(r.status, 200);
      assert.match(r.text, /1 (result|résultat)/, q);
      assert.ok(r.text.includes(`href="/${locale}/p/${s.process.slug}/meetings/${s.id}"`), q);
      assertEscaped(r.text);
    }
    assert.match((await s.search('quasarine', 'en', '&type=decision')).text, /No results/);
    assert.match((await s.search('quasarine', 'en', '&type=document')).text, /No results/);
  });

  it('agenda items are indexed when added; an edit re-indexes; minutes count only once approved; a cancelled meeting stays findable', async () => {
    const s = await setup();
    assert.match((await s.search('zigguratine')).text, /No results/);
    const a = await addAgendaItem(t.deps, s.convener, s.process, await s.meeting(), {
      title: { en: 'Zigguratine firmware', fr: 'Micrologiciel zigguratine' },
      durationMinutes: 20,
      presenter: null,
      links: [],
    });
    assert.ok(a.ok);
    assert.match((await s.search('zigguratine', 'en', '&type=meeting')).text, /1 result/);

    const m = await s.meeting();
    const e = await editMeeting(t.deps, s.convener, s.process, s.body, m, {
      format: m.format,
      title: { en: 'Obsidiane roundtable', fr: 'Table ronde obsidiane' },
      description: m.description,
      date: '2026-03-04',
      startTime: '13:00',
      endTime: '14:30',
      timeZone: m.timeZone,
      place: m.place,
      onlineUrl: m.onlineUrl,
      livestreamUrl: null,
      capacity: null,
    });
    assert.ok(e.ok, JSON.stringify(e));
    assert.match((await s.search('obsidiane')).text, /1 result/);
    assert.match((await s.search('quasarine')).text, /No results/);

    assert.ok((await changeMeetingStatus(t.deps, s.convener, s.process, await s.meeting(), 'start')).ok);
    assert.ok((await changeMeetingStatus(t.deps, s.convener, s.process, await s.meeting(), 'end')).ok);
    assert.ok((await saveMinutes(t.deps, s.convener, s.process, await s.meeting(), { en: 'We agreed on heliotropine.', fr: 'Accord sur l’héliotropine.' })).ok);
    assert.match((await s.search('heliotropine')).text, /No results/, 'draft minutes are not the record yet');
    assert.ok((await approveMinutes(t.deps, s.convener, s.process, await s.meeting())).ok);
    assert.match((await s.search('heliotropine', 'en', '&type=meeting')).text, /1 result/);
    assert.match((await s.search('héliotropine', 'fr', '&type=meeting')).text, /1 résultat/);

    const other = await setup();
    assert.ok((await changeMeetingStatus(t.deps, other.convener, other.process, await other.meeting(), 'cancel')).ok);
    const r = await other.search('quasarine', 'en', '&type=meeting');
    assert.match(r.text, /1 result/);
    assert.match(r.text, /Cancelled/);
  });

  it('meetings saved before they were searchable are indexed by the migration exactly as indexMeeting indexes them', async () => {
    const s = await setup();
    assert.ok(
      (
        await addAgendaItem(t.deps, s.convener, s.process, await s.meeting(), {
          title: { en: 'Firmware', fr: 'Micrologiciel' },
          durationMinutes: 20,
          presenter: 'Ana <b>',
          links: [],
        })
      ).ok,
    );
    assert.ok((await changeMeetingStatus(t.deps, s.convener, s.process, await s.meeting(), 'start')).ok);
    assert.ok((await changeMeetingStatus(t.deps, s.convener, s.process, await s.meeting(), 'end')).ok);
    assert.ok((await saveMinutes(t.deps, s.convener, s.process, await s.meeting(), { en: 'We agreed.', fr: 'Accord.' })).ok);
    assert.ok((await approveMinutes(t.deps, s.convener, s.process, await s.meeting())).ok);
    const cancelled = await setup();
    assert.ok((await changeMeetingStatus(t.deps, cancelled.convener, cancelled.process, await cancelled.meeting(), 'cancel')).ok);
    const entry = (id: number) =>
      t.db
        .selectFrom('searchEntries')
        .select(['processId', 'bodyId', 'path', 'titleEn', 'titleFr', 'textEn', 'textFr'])
        .where('type', '=', 'meeting')
        .where('key', '=', String(id))
        .executeTakeFirst();
    const expected = [await entry(s.id), await entry(cancelled.id)];
    await t.db
      .deleteFrom('searchEntries')
      .where('type', '=', 'meeting')
      .where('key', 'in', [String(s.id), String(cancelled.id)])
      .execute();
    const { up } = await import('../../db/migrations/0502_index_meetings.ts');
    await up(t.db as never);
    await up(t.db as never);
    assert.deepEqual([await entry(s.id), await entry(cancelled.id)], expected);
  });
});
