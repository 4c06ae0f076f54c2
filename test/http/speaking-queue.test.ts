import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appointMember, bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { changeMeetingStatus, meetingById } from '../../src/capabilities/meetings/index.ts';
import { reviseRules, currentRules } from '../../src/capabilities/processes/index.ts';
import type { QueueSnapshot } from '../../src/capabilities/speaking-queue/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { LiveHub } from '../../src/platform/http/sse.ts';
import type { EventBus } from '../../src/platform/events/bus.ts';
import { appendLiveEvent, LIVE_EVENTS_KEPT_MS, purgeLiveEvents } from '../../src/platform/live/event-log.ts';
import { transact } from '../../src/platform/commands.ts';
import { Client, testApp, type TestApp } from '../support/app.ts';
import { assertEscaped, makeBody, makeMeeting, makeParticipant, makeProcess } from '../support/factories.ts';
import { readResponse } from '../support/sse.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const JSON_ACCEPT = { headers: { accept: 'application/json' } };

async function clientFor(userId: number): Promise<Client> {
  const c = t.client();
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

/** A meeting in progress with a facilitator and three participants of different categories. */
async function liveMeeting() {
  const { process, convener } = await makeProcess(t.deps);
  const slug = await makeBody(t.deps, process, convener);
  const body = (await bodyBySlug(t.db, process.id, slug))!;
  const fac = await makeParticipant(t.deps, process, { category: 'academia' });
  assert.ok((await appointMember(t.deps, convener, process, body, fac.participantId, 'facilitator')).ok);
  const a = await makeParticipant(t.deps, process, { category: 'industry', interests: 'Sells connected thermostats <script>alert(1)</script>' });
  const b = await makeParticipant(t.deps, process, { category: 'government' });
  const c = await makeParticipant(t.deps, process, { category: 'industry' });
  const [id] = await makeMeeting(t.deps, process, convener, slug);
  const meeting = (await meetingById(t.db, process.id, id!))!;
  assert.ok((await changeMeetingStatus(t.deps, fac.actor, process, meeting, 'start')).ok);
  const base = `/en/p/${process.slug}/meetings/${id}`;
  return {
    process,
    convener,
    meeting,
    base,
    q: `${base}/queue`,
    fac: { ...fac, client: await clientFor(fac.actor.userId) },
    a: { ...a, client: await clientFor(a.actor.userId) },
    b: { ...b, client: await clientFor(b.actor.userId) },
    c: { ...c, client: await clientFor(c.actor.userId) },
  };
}

const snapshots = (events: Array<{ event: string; data: string }>) => events.filter((e) => e.event === 'queue').map((e) => JSON.parse(e.data) as QueueSnapshot);

describe('the speaker queue over HTTP', () => {
  it('raising and lowering hands: defined results for each mistake, as JSON and as plain forms', async () => {
    const s = await liveMeeting();
    const closed = await s.a.client.post(`${s.q}/raise`, {}, JSON_ACCEPT);
    assert.equal(closed.status, 409);
    assert.match(closed.json<{ detail: string }>().detail, /The queue is closed/);
    assert.equal((await s.a.client.post(`${s.q}/open`)).status, 403, 'only the facilitator opens the queue');
    const open = await s.fac.client.post(`${s.q}/open`, { back: 'console' });
    assert.equal(open.status, 303);
    assert.equal(open.location, `${s.base}/console`);
    const raised = await s.a.client.post(`${s.q}/raise`, {}, JSON_ACCEPT);
    assert.equal(raised.status, 200);
    assert.ok(raised.json<{ eventId: number }>().eventId > 0);
    const twice = await s.a.client.post(`${s.q}/raise`, {}, JSON_ACCEPT);
    assert.equal(twice.status, 409);
    assert.match(twice.json<{ detail: string }>().detail, /already raised/);
    const twiceForm = await s.a.client.post(`${s.q}/raise`);
    assert.equal(twiceForm.status, 303);
    assert.equal(twiceForm.location, `${s.base}/live`);
    const room = await s.a.client.get(`${s.base}/live`);
    assert.match(room.text, /This hand is already raised/, 'the message shows on the room page');
    assert.match(room.text, /Your hand is raised/);
    assertEscaped(room.text);
    assert.equal((await t.client().post(`${s.q}/raise`)).status, 401);
    const { client: outsider } = await t.userClient();
    assert.match((await outsider.post(`${s.q}/raise`, {}, JSON_ACCEPT)).json<{ detail: string }>().detail, /Join the process first/);
    // New rules of engagement: until accepted, no hand (rule 6 and the rules go together)
    const rules = (await currentRules(t.db, s.process.id))!;
    assert.ok(
      (
        await reviseRules(t.deps, s.convener, s.process, {
          rules: [...rules.rules, { en: 'Be brief.', fr: 'Soyez bref.' }],
          consensusCriteria: rules.consensusCriteria,
          note: {},
          adoptedOn: null,
        })
      ).ok,
    );
    const stale = await s.b.client.post(`${s.q}/raise`, {}, JSON_ACCEPT);
    assert.equal(stale.status, 409);
    assert.match(stale.json<{ detail: string }>().detail, /accept the current rules/);
    assert.equal((await s.a.client.post(`${s.q}/lower`)).status, 303);
    assert.match((await s.a.client.post(`${s.q}/lower`, {}, JSON_ACCEPT)).json<{ detail: string }>().detail, /no longer in the queue/);
  });

  it('only the facilitator orders the floor: next, out of order with a reason (logged), move up, remove, in-room hands, end turn, limit, policy', async () => {
    const s = await liveMeeting();
    await s.fac.client.post(`${s.q}/open`);
    for (const p of [s.a, s.c, s.b]) assert.equal((await p.client.post(`${s.q}/raise`, {}, JSON_ACCEPT)).status, 200);
    // Nobody takes the floor alone, not even with a crafted request
    assert.equal((await s.a.client.post(`${s.q}/next`)).status, 403);
    assert.equal((await s.a.client.post(`${s.q}/give`, { entryId: '1' })).status, 403);
    const consolePage = await s.fac.client.get(`${s.base}/console`);
    const entries = [...consolePage.text.matchAll(/<li data-entry="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(entries.length, 3);
    assert.match(consolePage.text, /Give the floor to the next: Participant/);
    // Out of order without a reason: the console again, the error beside that hand's reason field
    const noReason = await s.fac.client.post(`${s.q}/give`, { entryId: String(entries[2]), reason: '', back: 'console' });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, new RegExp(`id="f-reason-${entries[2]}-error"[^>]*>Give a reason`));
    assert.match(noReason.text, new RegExp(`href="#f-reason-${entries[2]}"`));
    const noReasonJson = await s.fac.client.post(`${s.q}/give`, { entryId: String(entries[2]) }, JSON_ACCEPT);
    assert.equal(noReasonJson.status, 422);
    assert.equal(noReasonJson.json<{ field: string }>().field, `reason-${entries[2]}`);
    const give = await s.fac.client.post(`${s.q}/give`, { entryId: String(entries[2]), reason: 'Presenter of this item <b>', back: 'console' });
    assert.equal(give.status, 303);
    let snap = snapshots(
      (await t.db.selectFrom('liveEvents').select(['kind as event', 'data']).where('stream', '=', `meeting:${s.meeting.id}`).orderBy('id').execute()) as never,
    ).pop()!;
    assert.equal(snap.floor?.p, s.b.participantId);
    assert.deepEqual(
      snap.queue.map((p) => p.p),
      [s.a.participantId, s.c.participantId],
    );
    // Move up with a reason
    assert.equal((await s.fac.client.post(`${s.q}/move-up`, { entryId: String(entries[1]), reason: '' }, JSON_ACCEPT)).status, 422);
    assert.equal((await s.fac.client.post(`${s.q}/move-up`, { entryId: String(entries[1]), reason: 'Answers the question just asked' }, JSON_ACCEPT)).status, 200);
    const room = await s.a.client.get(`${s.base}/live`);
    assert.match(room.text, /Moved up by the facilitator: Answers the question just asked/);
    assert.match(room.text, /Sells connected thermostats &lt;script&gt;/, 'the declaration shows beside the hand (rule 6)');
    // Next: C (moved up) gets the floor; B's turn is logged
    assert.equal((await s.fac.client.post(`${s.q}/next`, {}, JSON_ACCEPT)).status, 200);
    // In-room hand by name, remove, end turn
    assert.equal((await s.fac.client.post(`${s.q}/add`, { participantId: String(s.b.participantId) }, JSON_ACCEPT)).status, 200);
    assert.match((await s.fac.client.post(`${s.q}/add`, { participantId: '999999' }, JSON_ACCEPT)).json<{ detail: string }>().detail, /participant of this process/);
    const afterAdd = await s.fac.client.get(`${s.base}/console`);
    const bEntry = Number(new RegExp(`<li data-entry="(\\d+)">`).exec(afterAdd.text.slice(afterAdd.text.lastIndexOf('data-q="list"')))?.[1]);
    assert.ok(bEntry > 0);
    assert.equal((await s.fac.client.post(`${s.q}/remove`, { entryId: String(entries[0]) }, JSON_ACCEPT)).status, 200);
    assert.equal((await s.fac.client.post(`${s.q}/end-turn`, {}, JSON_ACCEPT)).status, 200);
    assert.match((await s.fac.client.post(`${s.q}/end-turn`, {}, JSON_ACCEPT)).json<{ detail: string }>().detail, /Nobody has the floor/);
    assert.equal((await s.fac.client.post(`${s.q}/limit`, { seconds: '5' }, JSON_ACCEPT)).status, 422);
    assert.equal((await s.fac.client.post(`${s.q}/limit`, { seconds: '120' }, JSON_ACCEPT)).status, 200);
    assert.equal((await s.fac.client.post(`${s.q}/limit`, { seconds: 'x', back: 'console' })).status, 422);
    assert.equal((await s.fac.client.post(`${s.q}/policy`, { policy: 'loudest' }, JSON_ACCEPT)).status, 409);
    assert.equal((await s.fac.client.post(`${s.q}/policy`, { policy: 'balanced' }, JSON_ACCEPT)).status, 200);
    assert.equal((await s.fac.client.post(`${s.q}/close`, {}, JSON_ACCEPT)).status, 200);
    assert.equal((await s.fac.client.post(`${s.q}/give`, { entryId: 'x' })).status, 400);
    const log = await s.a.client.get(`/en/p/${s.process.slug}/activity`);
    assert.match(log.text, /overrode the speaker order — Participant [^<]*&lt;script&gt;alert\(1\)&lt;\/script&gt; — Presenter of this item &lt;b&gt;/);
    for (const words of [
      'raised a hand',
      'gave the floor',
      'added a hand raised in the room',
      'removed a hand',
      'ended a turn',
      'set the speaking time limit',
      'changed the speaker order',
      'closed the speaker queue',
    ])
      assert.match(log.text, new RegExp(words));
    assertEscaped(log.text);
  });

  it('the meeting ends while people wait: the turn is logged, the waiting are named; the speaker log, chart and table follow', async () => {
    const s = await liveMeeting();
    await s.fac.client.post(`${s.q}/open`);
    for (const p of [s.a, s.b, s.c]) await p.client.post(`${s.q}/raise`);
    await s.fac.client.post(`${s.q}/next`);
    t.clock.advance(90_000);
    await s.fac.client.post(`${s.q}/next`);
    t.clock.advance(30_000);
    const end = await s.fac.client.post(`${s.base}/end`, { back: 'console' });
    assert.equal(end.status, 303);
    const late = await s.c.client.post(`${s.q}/raise`, {}, JSON_ACCEPT);
    assert.match(late.json<{ detail: string }>().detail, /not in progress/);
    const page = await s.a.client.get(s.base);
    assert.match(page.text, /Speaker log/);
    assert.match(page.text, /Still waiting when the meeting ended: Participant/);
    assert.match(page.text, /<td class="num">1:30<\/td>/);
    assert.match(page.text, /<td class="num">0:30<\/td>/);
    assert.match(page.text, /role="img" aria-labelledby="share-cap"/);
    assert.match(page.text, /<th scope="row">Industry<\/th><td class="num">1:30<\/td><td class="num">1<\/td><td class="num">75%<\/td>/);
    assert.match(page.text, /<th scope="row">Government<\/th><td class="num">0:30<\/td><td class="num">1<\/td><td class="num">25%<\/td>/);
    assertEscaped(page.text);
    const minutes = await s.fac.client.get(`${s.base}/minutes`);
    assert.match(minutes.text, /## Speaker log\s+- Participant [^\n]*\(Industry\), 1:30/);
    assert.match(minutes.text, /## Journal des interventions\s+- Participant [^\n]*\(Industrie\), 1:30/);
  });
});

describe('live events (Server-Sent Events)', () => {
  // A request context off Node (no socket): the hub answers with a stream to read.
  const ctx = { env: undefined, body: (_: null, status: number, headers: Record<string, string>) => new Response(null, { status, headers }) } as never;
  it('every change reaches every open room, in order; not compressed, not cached', async () => {
    const s = await liveMeeting();
    const url = `${s.base}/live/events`;
    const one = await t.app.request(url, { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(one.status, 200);
    assert.match(one.headers.get('content-type')!, /^text\/event-stream/);
    assert.equal(one.headers.get('content-encoding'), null);
    assert.match(one.headers.get('cache-control')!, /no-store/);
    const a = readResponse(one);
    const b = readResponse(await t.app.request(url));
    try {
      await a.reader.waitFor((e) => e.event === 'hello');
      await s.fac.client.post(`${s.q}/open`);
      await s.a.client.post(`${s.q}/raise`);
      await s.fac.client.post(`${s.q}/next`);
      for (const r of [a.reader, b.reader]) {
        await r.waitFor((e) => e.event === 'queue' && (JSON.parse(e.data) as QueueSnapshot).floor?.p === s.a.participantId);
        const ids = r.events.filter((e) => e.id).map((e) => Number(e.id));
        assert.deepEqual(
          ids,
          [...ids].sort((x, y) => x - y),
          'ids grow',
        );
        assert.deepEqual(
          snapshots(r.events).map((x) => [x.open, x.queue.length, x.floor?.p ?? null]),
          [
            [true, 0, null],
            [true, 1, null],
            [true, 0, s.a.participantId],
          ],
        );
      }
      assert.equal(t.deps.live.clientCount(), 2);
    } finally {
      await a.close();
      await b.close();
    }
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(t.deps.live.clientCount(), 0, 'clients that leave are forgotten');
    assert.equal(t.deps.live.streamCount(), 0);
    assert.equal((await t.app.request(`/en/p/${s.process.slug}/meetings/999999/live/events`)).status, 404);
  });

  it('a dropped connection resumes with Last-Event-ID: the events missed, and only those', async () => {
    const s = await liveMeeting();
    const url = `${s.base}/live/events`;
    const first = readResponse(await t.app.request(url));
    await s.fac.client.post(`${s.q}/open`);
    const seen = await first.reader.waitFor((e) => e.event === 'queue');
    await first.close();
    // While away: two hands and a floor
    await s.a.client.post(`${s.q}/raise`);
    await s.b.client.post(`${s.q}/raise`);
    await s.fac.client.post(`${s.q}/next`);
    const again = readResponse(await t.app.request(url, { headers: { 'last-event-id': seen.id! } }));
    try {
      await again.reader.waitFor((e) => e.event === 'queue' && (JSON.parse(e.data) as QueueSnapshot).floor !== null);
      const missed = again.reader.events.filter((e) => e.id);
      assert.equal(missed.length, 3);
      assert.ok(missed.every((e) => Number(e.id) > Number(seen.id)));
      // The page's own id works the same way on a first connection (?since=)
      const fromPage = readResponse(await t.app.request(`${url}?since=${missed[1]!.id}`));
      await fromPage.reader.waitFor((e) => e.id === missed[2]!.id);
      assert.deepEqual(
        fromPage.reader.events.filter((e) => e.id).map((e) => e.id),
        [missed[2]!.id],
      );
      await fromPage.close();
    } finally {
      await again.close();
    }
  });

  it('an event whose notification was lost while the bus reconnected between two checks still arrives', async () => {
    // A hand-driven bus: always listening, but its connection (epoch) changes, as after a quick reconnection.
    let epoch = 1;
    const bus: EventBus = { publish: async () => {}, subscribe: () => () => {}, isListening: () => true, epoch: () => epoch, close: async () => {} };
    const hub = new LiveHub({ db: t.db, bus, clock: t.clock, log: t.deps.log }, { watchMs: 30 });
    const stream = `meeting:${900_000 + Math.floor(Math.random() * 1000)}`;
    try {
      const r = readResponse(hub.respond(ctx, stream, null));
      await r.reader.waitFor((e) => e.event === 'hello');
      await new Promise((resolve) => setTimeout(resolve, 100)); // a few checks with nothing new
      // Committed while this node heard nothing: only the new epoch says something may have been missed.
      await transact(t.db, (trx) => appendLiveEvent(trx, stream, 'note', { text: 'missed' }));
      epoch++;
      const e = await r.reader.waitFor((ev) => ev.event === 'note', 2000);
      assert.deepEqual(JSON.parse(e.data), { text: 'missed' });
      await r.close();
    } finally {
      hub.close();
    }
  });

  it('events older than a week are purged; a stream left empty goes on with its next event, resumed from an old id or not', async () => {
    const n = 910_000 + Math.floor(Math.random() * 1000);
    const [old, kept] = [`meeting:${n}`, `meeting:${n + 1}`];
    const ids: number[] = [];
    for (const [stream, text] of [
      [old, 'one'],
      [old, 'two'],
      [kept, 'recent'],
    ] as const)
      ids.push(await transact(t.db, (trx) => appendLiveEvent(trx, stream, 'note', { text })));
    const cutoff = new Date(Date.now() - LIVE_EVENTS_KEPT_MS);
    await t.db
      .updateTable('liveEvents')
      .set({ createdAt: new Date(cutoff.getTime() - 1000) })
      .where('stream', '=', old)
      .execute();
    assert.equal(await purgeLiveEvents(t.db, cutoff), 2);
    const left = await t.db.selectFrom('liveEvents').select(['id', 'stream']).where('stream', 'in', [old, kept]).orderBy('id').execute();
    assert.deepEqual(left, [{ id: ids[2], stream: kept }]);

    const hub = new LiveHub({ db: t.db, bus: t.deps.bus, clock: t.clock, log: t.deps.log });
    try {
      // A page rendered before the purge (resumes after "one") and a new one.
      const [resumed, fresh] = [readResponse(hub.respond(ctx, old, ids[0]!)), readResponse(hub.respond(ctx, old, null))];
      await Promise.all([resumed.reader.waitFor((e) => e.event === 'hello'), fresh.reader.waitFor((e) => e.event === 'hello')]);
      await transact(t.db, (trx) => appendLiveEvent(trx, old, 'note', { text: 'three' }));
      for (const r of [resumed, fresh]) {
        const e = await r.reader.waitFor((ev) => ev.event === 'note', 2000);
        assert.deepEqual(JSON.parse(e.data), { text: 'three' });
        await r.close();
      }
    } finally {
      hub.close();
    }
  });

  it('a server restart loses nothing: a new hub (no memory of the old one) resumes from the database', async () => {
    const s = await liveMeeting();
    await s.fac.client.post(`${s.q}/open`);
    await s.a.client.post(`${s.q}/raise`);
    const hub = new LiveHub({ db: t.db, bus: t.deps.bus, clock: t.clock, log: t.deps.log }, { heartbeatMs: 50 });
    try {
      const r = readResponse(hub.respond(ctx, `meeting:${s.meeting.id}`, 0));
      const all = await r.reader.waitFor((e) => e.event === 'queue' && (JSON.parse(e.data) as QueueSnapshot).queue.length === 1);
      assert.ok(all);
      await r.reader.waitFor(() => r.reader.comments > 0, 2000);
      await r.close();
    } finally {
      hub.close();
    }
  });
});
