import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { appointMember, bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { changeMeetingStatus, meetingById } from '../../src/capabilities/meetings/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { Client, testApp, type TestApp } from '../support/app.ts';
import { XSS, assertEscaped, makeBody, makeMeeting, makeParticipant, makeProcess } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function clientFor(userId: number): Promise<Client> {
  const c = t.client();
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

/** A process with a working group, its facilitator and a participant, each with a client. */
async function scene() {
  const { process, convener } = await makeProcess(t.deps);
  const slug = await makeBody(t.deps, process, convener, { policy: 'self-select' });
  const body = (await bodyBySlug(t.db, process.id, slug))!;
  const fac = await makeParticipant(t.deps, process, { category: 'academia' });
  const r = await appointMember(t.deps, convener, process, body, fac.participantId, 'facilitator');
  assert.ok(r.ok);
  const member = await makeParticipant(t.deps, process, { category: 'industry', interests: 'Sells connected thermostats' });
  return {
    process,
    convener,
    body,
    slug,
    fac,
    member,
    convenerClient: await clientFor(convener.userId),
    facClient: await clientFor(fac.actor.userId),
    memberClient: await clientFor(member.actor.userId),
    /** Signed in, so never served a cached page: reads what was just written. */
    reader: (await t.userClient()).client,
  };
}

const form = {
  body: '',
  format: 'webinar',
  title_en: `Bi-weekly webinar ${XSS}`,
  title_fr: 'Webinaire bimensuel',
  description_en: '',
  description_fr: '',
  place_en: '',
  place_fr: '',
  date: '2026-03-04',
  startTime: '13:00',
  endTime: '14:00',
  timeZone: 'America/Toronto',
  onlineUrl: 'https://meet.example.org/msg',
  livestreamUrl: '',
  capacity: '',
  intervalWeeks: '',
  count: '',
};

describe('scheduling meetings', () => {
  it('the facilitator schedules for their body; bad input is refused next to its field; others are refused', async () => {
    const s = await scene();
    const base = `/en/p/${s.process.slug}/meetings/new`;
    const page = await s.facClient.get(`${base}?body=${s.slug}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Schedule a meeting/);
    const f = { ...form, body: s.slug };
    for (const [bad, error] of [
      [{ ...f, title_en: '', title_fr: '' }, /Give the meeting a title/],
      [{ ...f, title_fr: '' }, /give this in every official language/],
      [{ ...f, description_en: 'Only English' }, /give this in every official language/],
      [{ ...f, endTime: '12:00' }, /must end after it starts/],
      [{ ...f, onlineUrl: '' }, /needs a link to join/],
      [{ ...f, format: 'in-person-full-day' }, /needs a place/],
      [{ ...f, timeZone: 'Mars/Base' }, /Choose a time zone/],
      [{ ...f, date: '2026-02-30' }, /Enter a date/],
      [{ ...f, startTime: '25:00' }, /not valid/],
      [{ ...f, onlineUrl: 'javascript:alert(1)' }, /full web address/],
      [{ ...f, capacity: 'many' }, /whole number/],
      [{ ...f, intervalWeeks: '2' }, /This field is required/],
      [{ ...f, intervalWeeks: '2', count: '200' }, /at most 104/],
      [{ ...f, format: 'rave' }, /Choose one of the options/],
      [{ ...f, body: 'nope' }, /Choose one of the options/],
    ] as const) {
      const r = await s.facClient.post(base, bad);
      assert.equal(r.status, 422, JSON.stringify(bad).slice(0, 120));
      assert.match(r.text, error);
      assertEscaped(r.text);
    }
    const ok = await s.facClient.post(base, f);
    assert.equal(ok.status, 303);
    assert.match(ok.location!, new RegExp(`/en/p/${s.process.slug}/meetings/\\d+$`));
    // A member who does not chair, and the public, cannot schedule
    assert.equal((await s.memberClient.get(base)).status, 403);
    assert.equal((await s.memberClient.post(base, f)).status, 403);
    assert.equal((await t.client().get(base)).status, 401);
  });

  it('a series every two weeks: each occurrence is a meeting; one edited, one cancelled; the feed says so (RRULE, EXDATE, RECURRENCE-ID)', async () => {
    const s = await scene();
    const r = await s.convenerClient.post(`/en/p/${s.process.slug}/meetings/new`, { ...form, body: s.slug, intervalWeeks: '2', count: '6' });
    assert.equal(r.status, 303);
    const first = Number(r.location!.split('/').pop());
    const ids = [first, first + 1, first + 2, first + 3];
    const m2 = (await meetingById(t.db, s.process.id, ids[2]!))!;
    assert.equal(m2.startsAt.toISOString(), '2026-04-01T17:00:00.000Z', 'after the change to daylight saving, still 13:00 in Toronto');
    // Edit the fourth occurrence alone
    const editPage = await s.facClient.get(`/en/p/${s.process.slug}/meetings/${ids[3]}/edit`);
    assert.match(editPage.text, /part of a series/);
    const edited = await s.facClient.post(`/en/p/${s.process.slug}/meetings/${ids[3]}/edit`, {
      ...form,
      title_en: 'Moved webinar',
      title_fr: 'Webinaire déplacé',
      date: '2026-04-16',
      startTime: '15:00',
      endTime: '16:00',
    });
    assert.equal(edited.status, 303);
    assert.equal((await s.facClient.post(`/en/p/${s.process.slug}/meetings/${ids[3]}/edit`, { ...form, endTime: '09:00' })).status, 422);
    // Cancel the third
    assert.equal((await s.memberClient.post(`/en/p/${s.process.slug}/meetings/${ids[2]}/cancel`)).status, 403);
    assert.equal((await s.facClient.post(`/en/p/${s.process.slug}/meetings/${ids[2]}/cancel`)).status, 303);
    const again = await s.facClient.post(`/en/p/${s.process.slug}/meetings/${ids[2]}/cancel`);
    assert.equal(again.status, 303);
    assert.match(decodeURIComponent(again.headers.getSetCookie().join(';')), /already|annul|cancelled/i);
    const page = await s.reader.get(`/en/p/${s.process.slug}/meetings/${ids[2]}`);
    assert.match(page.text, /This meeting is cancelled/);

    for (const path of [`/en/p/${s.process.slug}/meetings.ics`, `/fr/p/${s.process.slug}/bodies/${s.slug}/meetings.ics`]) {
      const feed = await t.client().get(path);
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type')!, /^text\/calendar/);
      const cal = new ICAL.Component(ICAL.parse(feed.text));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const master = events.find((e) => e.isRecurring())!;
      const override = events.find((e) => e.isRecurrenceException())!;
      assert.ok(master && override);
      master.relateException(override.component);
      const starts: string[] = [];
      const it = master.iterator();
      for (let next = it.next(); next && starts.length < 10; next = it.next()) {
        const d = master.getOccurrenceDetails(next);
        starts.push(`${d.startDate.toJSDate().toISOString()} ${d.item.summary}`);
      }
      const fr = path.startsWith('/fr');
      assert.deepEqual(starts, [
        `2026-03-04T18:00:00.000Z ${fr ? 'Webinaire bimensuel' : `Bi-weekly webinar ${XSS}`}`,
        `2026-03-18T17:00:00.000Z ${fr ? 'Webinaire bimensuel' : `Bi-weekly webinar ${XSS}`}`,
        `2026-04-16T19:00:00.000Z ${fr ? 'Webinaire déplacé' : 'Moved webinar'}`,
        `2026-04-29T17:00:00.000Z ${fr ? 'Webinaire bimensuel' : `Bi-weekly webinar ${XSS}`}`,
        `2026-05-13T17:00:00.000Z ${fr ? 'Webinaire bimensuel' : `Bi-weekly webinar ${XSS}`}`,
      ]);
    }
    const single = await t.client().get(`/en/p/${s.process.slug}/meetings/${ids[1]}/meeting.ics`);
    assert.match(single.headers.get('content-disposition')!, /attachment/);
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(single.text)).getFirstSubcomponent('vevent')!);
    assert.equal(ev.startDate.toJSDate().toISOString(), '2026-03-18T17:00:00.000Z');
    assert.match(ev.description, /http:\/\/concert\.test\/en\/p\//);
  });
});

describe('meeting pages', () => {
  it('lists (process, body), the Meetings sections of the process and body pages, the meeting page; all public and escaped', async () => {
    const s = await scene();
    const [id] = await makeMeeting(t.deps, s.process, s.convener, s.slug, { format: 'hybrid', capacity: 2 });
    const past = (await makeMeeting(t.deps, s.process, s.convener, s.slug, { date: '2026-02-01' }))[0]!;
    for (const path of [
      `/en/p/${s.process.slug}/meetings`,
      `/fr/p/${s.process.slug}/bodies/${s.slug}/meetings`,
      `/en/p/${s.process.slug}`,
      `/en/p/${s.process.slug}/bodies/${s.slug}`,
    ]) {
      const r = await t.client().get(path);
      assert.equal(r.status, 200, path);
      assert.match(r.text, new RegExp(`/meetings/${id}"`), path);
      assert.match(r.text, /meetings\.ics/, path);
      assertEscaped(r.text);
    }
    const list = await t.client().get(`/en/p/${s.process.slug}/meetings`);
    assert.ok(list.text.indexOf(`/meetings/${id}"`) < list.text.indexOf('Past meetings'));
    assert.ok(list.text.indexOf(`/meetings/${past}"`) > list.text.indexOf('Past meetings'));
    const page = await t.client().get(`/en/p/${s.process.slug}/meetings/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Wednesday, March 4, 2026, 1:00\s?–\s?2:30\s?p\.m\. EST/);
    assert.match(page.text, /Hybrid: in the room and online/);
    assert.match(page.text, /Sign in to register/);
    assert.match(page.text, /2 seats left in the room/);
    assertEscaped(page.text);
    const fr = await t.client().get(`/fr/p/${s.process.slug}/meetings/${id}`);
    assert.match(fr.text, /mercredi 4 mars 2026/);
    assert.equal((await t.client().get(`/en/p/${s.process.slug}/meetings/999999`)).status, 404);
  });

  it('agenda: add (errors beside fields), edit, move, remove; only chairs', async () => {
    const s = await scene();
    const [id] = await makeMeeting(t.deps, s.process, s.convener, s.slug);
    const base = `/en/p/${s.process.slug}/meetings/${id}`;
    const item = {
      title_en: `Welcome ${XSS}`,
      title_fr: 'Bienvenue',
      durationMinutes: '10',
      presenter: `Chair ${XSS}`,
      links: '/en/p/x/rules Rules\nhttps://example.org/report.pdf Draft report',
    };
    assert.equal((await s.memberClient.post(`${base}/agenda`, item)).status, 403);
    for (const [bad, error] of [
      [{ ...item, title_fr: '' }, /every official language/],
      [{ ...item, durationMinutes: '800' }, /at most 720/],
      [{ ...item, links: 'javascript:alert(1)' }, /full address/],
    ] as const) {
      const r = await s.facClient.post(`${base}/agenda`, bad);
      assert.equal(r.status, 422);
      assert.match(r.text, error);
      assert.match(r.text, /<details class="add-item" open/);
      assertEscaped(r.text);
    }
    assert.equal((await s.facClient.post(`${base}/agenda`, item)).status, 303);
    assert.equal(
      (await s.facClient.post(`${base}/agenda`, { ...item, title_en: 'Working group reports', title_fr: 'Rapports des groupes de travail', durationMinutes: '45' })).status,
      303,
    );
    let page = await s.reader.get(base);
    assert.match(page.text, /1:00\s?p\.m\..*?10 min/s);
    assert.match(page.text, /1:10\s?p\.m\..*?45 min/s);
    assert.match(page.text, /href="https:\/\/example.org\/report.pdf"[^>]*>Draft report/);
    const ids = [...page.text.matchAll(/id="item-(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(ids.length, 2);
    assert.equal((await s.facClient.post(`${base}/agenda/${ids[1]}/move`, { direction: 'up' })).status, 303);
    page = await s.reader.get(base);
    assert.ok(page.text.indexOf('Working group reports') < page.text.indexOf('Welcome'));
    assert.equal((await s.facClient.post(`${base}/agenda/${ids[1]}/move`, { direction: 'up' })).status, 409);
    assert.equal((await s.facClient.get(`${base}/agenda/${ids[0]}/edit`)).status, 200);
    assert.equal((await s.facClient.post(`${base}/agenda/${ids[0]}/edit`, { ...item, durationMinutes: 'x' })).status, 422);
    assert.equal((await s.facClient.post(`${base}/agenda/${ids[0]}/edit`, { ...item, durationMinutes: '5' })).status, 303);
    assert.equal((await s.facClient.post(`${base}/agenda/${ids[0]}/remove`)).status, 303);
    assert.equal((await s.facClient.post(`${base}/agenda/${ids[0]}/remove`)).status, 404);
    assert.equal((await s.memberClient.get(`${base}/agenda/${ids[1]}/edit`)).status, 403);
  });

  it('registration: in person up to capacity, then online; change and cancel; the public is asked to sign in', async () => {
    const s = await scene();
    const [id] = await makeMeeting(t.deps, s.process, s.convener, s.slug, { format: 'hybrid', capacity: 1 });
    const base = `/en/p/${s.process.slug}/meetings/${id}`;
    assert.equal((await t.client().post(`${base}/register`, { mode: 'online' })).status, 401);
    const { client: outsider } = await t.userClient();
    const o = await outsider.post(`${base}/register`, { mode: 'online' }, { headers: { accept: 'application/json' } });
    assert.equal(o.status, 409);
    assert.match(o.json<{ detail: string }>().detail, /Join the process first/);
    assert.equal((await s.memberClient.post(`${base}/register`, { mode: 'in-person' })).status, 303);
    let page = await s.memberClient.get(base);
    assert.match(page.text, /You are registered \(in person\)/);
    assert.match(page.text, /No seats left/);
    const full = await s.facClient.post(`${base}/register`, { mode: 'in-person' }, { headers: { accept: 'application/json' } });
    assert.equal(full.status, 409);
    assert.match(full.json<{ detail: string }>().detail, /room is full/);
    assert.equal((await s.facClient.post(`${base}/register`, { mode: 'online' })).status, 303);
    const twice = await s.facClient.post(`${base}/register`, { mode: 'online' }, { headers: { accept: 'application/json' } });
    assert.match(twice.json<{ detail: string }>().detail, /already registered/);
    assert.equal((await s.memberClient.post(`${base}/register`, { mode: 'cancel' })).status, 303);
    page = await s.memberClient.get(base);
    assert.match(page.text, /Registered: 0 in person, 1 online/);
    assert.equal((await s.memberClient.post(`${base}/register`, { mode: 'teleport' })).status, 400);
  });
});

describe('running a meeting and keeping its record', () => {
  it('start, current item, attendance, end; minutes draft → approved; recordings', async () => {
    const s = await scene();
    const [id] = await makeMeeting(t.deps, s.process, s.convener, s.slug, { format: 'hybrid' });
    const base = `/en/p/${s.process.slug}/meetings/${id}`;
    assert.equal((await s.facClient.post(`${base}/agenda`, { title_en: 'Welcome', title_fr: 'Bienvenue', durationMinutes: '10', presenter: '', links: '' })).status, 303);
    assert.equal((await s.memberClient.post(`${base}/start`)).status, 403);
    assert.equal((await s.facClient.get(`${base}/attendance`)).status, 200);
    const early = await s.facClient.post(`${base}/attendance`, { [`mark_${s.member.participantId}`]: 'in-room' });
    assert.equal(early.status, 422);
    assert.match(early.text, /has not started/);
    const started = await s.facClient.post(`${base}/start`);
    assert.equal(started.status, 303);
    assert.equal(started.location, `${base}/live`);
    assert.equal((await s.facClient.post(`${base}/start`)).status, 303); // already started: back with the message
    const itemId = Number(/id="item-(\d+)"/.exec((await s.reader.get(base)).text)![1]);
    const item = await s.facClient.post(`${base}/item`, { itemId: String(itemId) }, { headers: { accept: 'application/json' } });
    assert.equal(item.status, 200);
    assert.ok(item.json<{ eventId: number }>().eventId > 0);
    assert.equal((await s.facClient.post(`${base}/item`, { itemId: '99999' }, { headers: { accept: 'application/json' } })).status, 409);
    assert.equal((await s.memberClient.post(`${base}/item`, { itemId: '' })).status, 403);
    const att = await s.facClient.post(`${base}/attendance`, { [`mark_${s.member.participantId}`]: 'in-room', extra: String(s.fac.participantId), extraMode: 'online' });
    assert.equal(att.status, 303);
    assert.equal((await s.facClient.post(`${base}/attendance`, { [`mark_${s.member.participantId}`]: 'flying' })).status, 422);
    assert.equal((await s.facClient.post(`${base}/attendance`, { extra: '999999' })).status, 422);
    assert.equal((await s.memberClient.get(`${base}/attendance`)).status, 403);
    const page = await s.reader.get(base);
    assert.match(page.text, /2 attended: 1 in the room, 1 online/);
    assert.match(page.text, /<th scope="row">Industry<\/th>\s*<td class="num">1<\/td>\s*<td class="num">0<\/td>/);

    const minutesForm = await s.facClient.get(`${base}/minutes`);
    assert.equal(minutesForm.status, 200);
    assert.match(minutesForm.text, /## Agenda\s+1\. Welcome/);
    assert.match(minutesForm.text, /## Ordre du jour\s+1\. Bienvenue/);
    assert.equal((await s.facClient.post(`${base}/minutes`, { minutes_en: '', minutes_fr: '' })).status, 422);
    assert.equal((await s.facClient.post(`${base}/minutes`, { minutes_en: `# Notes\n\n<script>alert(1)</script> **Agreed**`, minutes_fr: '' })).status, 303);
    const early2 = await s.facClient.post(`${base}/minutes/approve`, {}, { headers: { accept: 'application/json' } });
    assert.equal(early2.status, 409);
    assert.match(early2.json<{ detail: string }>().detail, /after the meeting ends/);

    const ended = await s.facClient.post(`${base}/end`);
    assert.equal(ended.status, 303);
    const noFr = await s.facClient.post(`${base}/minutes/approve`, {}, { headers: { accept: 'application/json' } });
    assert.match(noFr.json<{ detail: string }>().detail, /every official language/);
    assert.equal((await s.facClient.post(`${base}/minutes`, { minutes_en: `# Notes\n\n<script>alert(1)</script> **Agreed**`, minutes_fr: '# Notes\n\n**Convenu**' })).status, 303);
    assert.equal((await s.memberClient.post(`${base}/minutes/approve`)).status, 403);
    assert.equal((await s.facClient.post(`${base}/minutes/approve`)).status, 303);
    let record = await s.reader.get(base);
    assert.match(record.text, /<strong>Agreed<\/strong>/);
    assert.match(record.text, /badge good">Approved/);
    assertEscaped(record.text);
    const fr = await s.reader.get(`/fr/p/${s.process.slug}/meetings/${id}`);
    assert.match(fr.text, /<strong>Convenu<\/strong>/);
    // Changing approved minutes makes them a draft again
    await s.facClient.post(`${base}/minutes`, { minutes_en: 'Changed', minutes_fr: 'Changé' });
    record = await s.reader.get(base);
    assert.match(record.text, /badge warn">Draft/);

    assert.equal((await s.facClient.post(`${base}/recordings`, { url: 'ftp://x', language: 'en' })).status, 422);
    assert.equal((await s.facClient.post(`${base}/recordings`, { url: 'https://video.example.org/1', language: 'klingon' })).status, 422);
    assert.equal((await s.memberClient.post(`${base}/recordings`, { url: 'https://video.example.org/1', language: 'en' })).status, 403);
    assert.equal((await s.facClient.post(`${base}/recordings`, { url: 'https://video.example.org/en', language: 'en' })).status, 303);
    assert.equal((await s.facClient.post(`${base}/recordings`, { url: 'https://video.example.org/fr', language: 'fr' })).status, 303);
    record = await s.reader.get(base);
    assert.match(record.text, /href="https:\/\/video.example.org\/en"[^>]*hreflang="en"[^>]*>In English/);
    const rid = Number(/recordings\/(\d+)\/remove/.exec((await s.facClient.get(base)).text)![1]);
    assert.equal((await s.facClient.post(`${base}/recordings/${rid}/remove`)).status, 303);
    assert.equal((await s.facClient.post(`${base}/recordings/${rid}/remove`)).status, 404);
    const log = await s.reader.get(`/en/p/${s.process.slug}/activity`);
    for (const words of ['started a meeting', 'took attendance', 'ended a meeting', 'approved meeting minutes', 'posted a meeting recording'])
      assert.match(log.text, new RegExp(words));
  });

  it('the live room and the console: never cached; the console for chairs only', async () => {
    const s = await scene();
    const [id] = await makeMeeting(t.deps, s.process, s.convener, s.slug);
    const base = `/en/p/${s.process.slug}/meetings/${id}`;
    const room = await t.client().get(`${base}/live`);
    assert.equal(room.status, 200);
    assert.equal(room.headers.get('cache-control'), 'no-store');
    assert.match(room.text, new RegExp(`data-stream="${base}/live/events"`));
    assert.match(room.text, /data-last-event-id="\d+"/);
    assert.match(room.text, /This meeting has not started/);
    assert.match(room.text, /Sign in to raise your hand/);
    assert.match(room.text, /Raise your hand to speak and do not interrupt/);
    assertEscaped(room.text);
    assert.equal((await s.memberClient.get(`${base}/console`)).status, 403);
    assert.equal((await t.client().get(`${base}/console`)).status, 401);
    const console = await s.facClient.get(`${base}/console`);
    assert.equal(console.status, 200);
    assert.match(console.text, /Start the meeting/);
    assert.equal(console.headers.get('cache-control'), 'no-store');
    await changeMeetingStatus(t.deps, s.fac.actor, s.process, (await meetingById(t.db, s.process.id, id!))!, 'start');
    const live = await s.memberClient.get(`${base}/live`);
    assert.match(live.text, /Raise my hand/);
    assert.match(live.text, new RegExp(`data-me="${s.member.participantId}"`));
  });
});
