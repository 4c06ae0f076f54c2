import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { appointMember, bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { changeMeetingStatus, meetingById } from '../../src/capabilities/meetings/index.ts';
import { setQueueOpen, type QueueSnapshot } from '../../src/capabilities/speaking-queue/index.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { freshDatabase, type FreshDb } from '../support/db.ts';
import { makeBody, makeMeeting, makeParticipant, makeProcess } from '../support/factories.ts';
import { openHttp } from '../support/sse.ts';
import { startConcertProcess } from '../support/concert-process.ts';

// Two real Concert server processes on one PostgreSQL: a change made through
// one reaches a live room open on the other (LISTEN/NOTIFY behind the event
// bus), and a node that dies mid-meeting loses nothing: its clients resume
// from the database, on a fresh process, with Last-Event-ID.

const dirs: string[] = [];
const procs: ChildProcess[] = [];
let db: FreshDb | null = null;
after(async () => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  await db?.drop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function node(databaseUrl: string): Promise<{ proc: ChildProcess; url: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-node-'));
  dirs.push(dataDir);
  const started = await startConcertProcess({ DATABASE_URL: databaseUrl, CONCERT_DATA_DIR: dataDir });
  procs.push(started.proc);
  return started;
}

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.once('exit', (c) => r(c))));

/** A form post as the page's script makes it: session cookie, CSRF token (double submit), JSON answer. */
async function post(url: string, session: string, form: Record<string, string> = {}): Promise<{ status: number; json: { eventId?: number; detail?: string } }> {
  const csrf = randomBytes(32).toString('base64url');
  const res = await fetch(url, {
    method: 'POST',
    headers: { cookie: `concert_session=${session}; concert_csrf=${csrf}`, 'x-csrf-token': csrf, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, json: (await res.json()) as { eventId?: number; detail?: string } };
}

describe('two Concert processes on one PostgreSQL', () => {
  it('a hand raised through one node reaches a live room open on the other; a node killed mid-meeting loses nothing', async () => {
    db = await freshDatabase();
    const deps = { db: db.db, clock: systemClock };
    const { process, convener } = await makeProcess(deps);
    const slug = await makeBody(deps, process, convener);
    const body = (await bodyBySlug(db.db, process.id, slug))!;
    const fac = await makeParticipant(deps, process, { category: 'academia' });
    assert.ok((await appointMember(deps, convener, process, body, fac.participantId, 'facilitator')).ok);
    const member = await makeParticipant(deps, process, { category: 'industry' });
    const [id] = await makeMeeting(deps, process, convener, slug);
    assert.ok((await changeMeetingStatus(deps, fac.actor, process, (await meetingById(db.db, process.id, id!))!, 'start')).ok);
    assert.ok((await setQueueOpen(deps, fac.actor, process, (await meetingById(db.db, process.id, id!))!, true)).ok);
    const facSession = await createSession(db.db, fac.actor.userId, 'test', new Date());
    const memberSession = await createSession(db.db, member.actor.userId, 'test', new Date());

    const [a, b] = await Promise.all([node(db.url), node(db.url)]);
    const meetingPath = `/en/p/${process.slug}/meetings/${id}`;
    const onB = await openHttp(`${b.url}${meetingPath}/live/events`);
    assert.equal(onB.status, 200);
    assert.match(String(onB.headers['content-type']), /^text\/event-stream/);
    await onB.reader.waitFor((e) => e.event === 'hello');

    // Through A: the member raises a hand. B's room hears of it.
    const raised = await post(`${a.url}${meetingPath}/queue/raise`, memberSession);
    assert.equal(raised.status, 200, JSON.stringify(raised.json));
    const seen = await onB.reader.waitFor((e) => e.id === String(raised.json.eventId), 10_000);
    const snap = JSON.parse(seen.data) as QueueSnapshot;
    assert.deepEqual(
      snap.queue.map((p) => p.p),
      [member.participantId],
    );

    // B dies without warning. Meanwhile, through A, the facilitator gives the floor.
    onB.close();
    b.proc.kill('SIGKILL');
    await exited(b.proc);
    const given = await post(`${a.url}${meetingPath}/queue/next`, facSession);
    assert.equal(given.status, 200, JSON.stringify(given.json));
    // A participant's crafted request cannot take the floor, on any node.
    assert.equal((await post(`${a.url}${meetingPath}/queue/next`, memberSession)).status, 403);

    // A new B: the room resumes after the last event it saw, and gets exactly what it missed.
    const b2 = await node(db.url);
    const resumed = await openHttp(`${b2.url}${meetingPath}/live/events`, { 'last-event-id': seen.id! });
    const floor = await resumed.reader.waitFor((e) => e.id === String(given.json.eventId), 10_000);
    assert.equal((JSON.parse(floor.data) as QueueSnapshot).floor?.p, member.participantId);
    assert.deepEqual(
      resumed.reader.events.filter((e) => e.id).map((e) => e.id),
      [String(given.json.eventId)],
    );
    // And the page itself, from the new node, shows the state.
    const page = await (await fetch(`${b2.url}${meetingPath}/live`)).text();
    assert.match(page, /Has the floor/);
    assert.ok(page.includes(`data-last-event-id="${given.json.eventId}"`));
    resumed.close();

    for (const n of [a, b2]) n.proc.kill('SIGTERM');
    assert.deepEqual(await Promise.all([exited(a.proc), exited(b2.proc)]), [0, 0]);
  });
});
