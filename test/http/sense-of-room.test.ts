import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { proposalById } from '../../src/capabilities/consensus/index.ts';
import { addAgendaItem, changeMeetingStatus, meetingById, setCurrentItem } from '../../src/capabilities/meetings/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { Client, testApp, type TestApp } from '../support/app.ts';
import { makeGroup, makeProposal, type RecordJson } from '../support/consensus.ts';
import { assertEscaped, makeMeeting } from '../support/factories.ts';
import { readResponse } from '../support/sse.ts';

// The sense of the room (issue 4): positions collected live in a meeting's room, never a vote.
let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const JSON_ACCEPT = { headers: { accept: 'application/json' } };
type Tally = {
  total: number;
  stances: { agree: number; canLive: number; cannot: number };
  categories: Array<{ categoryKey: string; agree: number; canLive: number; cannot: number; total: number }>;
};
type Snapshot = { senseId: number | null; proposalId: number | null; open: boolean; tally: Tally | null };

async function clientFor(userId: number): Promise<Client> {
  const c = t.client();
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

/** A working group in a meeting in progress, with a proposal in discussion on the agenda item under discussion. */
async function room(o: { start?: boolean } = {}) {
  const g = await makeGroup(t.deps, { settings: { quietPeriodHours: 0 } });
  const proposal = await makeProposal(t.deps, g, { status: 'discussion' });
  const [id] = await makeMeeting(t.deps, g.process, g.convener, g.body.slug);
  let meeting = (await meetingById(t.db, g.process.id, id!))!;
  const item = await addAgendaItem(t.deps, g.convener, g.process, meeting, {
    title: { en: 'Labels <script>alert(1)</script>', fr: 'Étiquettes <script>alert(1)</script>' },
    durationMinutes: 30,
    presenter: null,
    links: [],
  });
  assert.ok(item.ok);
  if (o.start !== false) {
    assert.ok((await changeMeetingStatus(t.deps, g.chair.actor, g.process, meeting, 'start')).ok);
    meeting = (await meetingById(t.db, g.process.id, id!))!;
    assert.ok((await setCurrentItem(t.deps, g.chair.actor, g.process, meeting, item.value.itemId)).ok);
  }
  const base = `/en/p/${g.process.slug}/meetings/${id}`;
  return {
    ...g,
    proposal,
    meetingId: id!,
    itemId: item.value.itemId,
    base,
    sense: `${base}/sense`,
    chairClient: await clientFor(g.chair.actor.userId),
    memberClients: await Promise.all(g.members.map((m) => clientFor(m.actor.userId))),
    observerClient: await clientFor(g.observer.actor.userId),
  };
}

describe('the sense of the room', () => {
  it('only the facilitator opens and closes it; the public, observers and members may not', async () => {
    const s = await room();
    assert.equal((await t.client().post(`${s.sense}/open`, { proposalId: String(s.proposal.id) })).status, 401);
    assert.equal((await s.memberClients[0]!.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) })).status, 403);
    assert.equal((await s.observerClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) })).status, 403);
    const opened = await s.chairClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) });
    assert.equal(opened.status, 303);
    assert.equal(opened.location, `${s.base}/live#sense`);
    const again = await s.chairClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) }, JSON_ACCEPT);
    assert.equal(again.status, 409);
    assert.match(again.json<{ detail: string }>().detail, /already open/);
    assert.equal((await s.memberClients[0]!.post(`${s.sense}/close`)).status, 403);
    assert.equal((await s.chairClient.post(`${s.sense}/close`, {}, JSON_ACCEPT)).status, 200);
    assert.equal((await s.chairClient.post(`${s.sense}/close`, {}, JSON_ACCEPT)).status, 409, 'nothing left to close');
    // A convener chairs too; the public may not take or record positions; the answer's JSON shape.
    const convener = await clientFor(s.convener.userId);
    const byConvener = await convener.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) }, JSON_ACCEPT);
    assert.equal(byConvener.status, 200);
    const body = byConvener.json<{ ok: boolean; eventId: number; message: string }>();
    assert.deepEqual(Object.keys(body).sort(), ['eventId', 'message', 'ok']);
    assert.ok(body.ok && body.eventId > 0 && body.message.length > 0);
    assert.equal((await t.client().post(`${s.sense}/position`, { stance: 'agree' })).status, 401);
    assert.equal((await t.client().post(`${s.sense}/record`, { participantId: String(s.members[0]!.participantId), recordStance: 'agree' })).status, 401);
    assert.equal((await s.observerClient.post(`${s.sense}/record`, { participantId: String(s.members[0]!.participantId), recordStance: 'agree' })).status, 403);
  });

  it('bad input: unknown or foreign proposal, a draft, bad ids, a meeting not in progress: clear 4xx, never 500', async () => {
    const s = await room();
    const other = await room();
    const draft = await makeProposal(t.deps, s, { status: 'drafting' });
    for (const [form, status] of [
      [{ proposalId: 'x' }, 422],
      [{ proposalId: '999999999' }, 422],
      [{ proposalId: String(other.proposal.id) }, 422],
      [{ proposalId: String(draft.id) }, 422],
      [{ proposalId: String(s.proposal.id), agendaItemId: 'nope' }, 400],
      [{ proposalId: String(s.proposal.id), agendaItemId: String(other.itemId) }, 422],
    ] as const) {
      const r = await s.chairClient.post(`${s.sense}/open`, form);
      assert.equal(r.status, status, JSON.stringify(form));
      if (status === 422) {
        assert.match(r.text, /class="error"/);
        assertEscaped(r.text);
      }
    }
    const json = await s.chairClient.post(`${s.sense}/open`, { proposalId: String(draft.id) }, JSON_ACCEPT);
    assert.equal(json.status, 422);
    assert.match(json.headers.get('content-type')!, /application\/problem\+json/);
    assert.equal(json.json<{ field: string }>().field, 'proposalId');
    const notStarted = await room({ start: false });
    const r = await notStarted.chairClient.post(`${notStarted.sense}/open`, { proposalId: String(notStarted.proposal.id) }, JSON_ACCEPT);
    assert.equal(r.status, 409);
    assert.match(r.json<{ detail: string }>().detail, /not in progress/);
    assert.equal((await s.memberClients[0]!.post(`${s.sense}/position`, { stance: 'agree' }, JSON_ACCEPT)).status, 409, 'no sense of the room open');
  });

  it('members take positions online, the facilitator records in-room people by name; the tally by stance and category is announced live; the positions are the record’s', async () => {
    const s = await room();
    const stream = readResponse(await t.app.request(`${s.base}/live/events`));
    try {
      await stream.reader.waitFor((e) => e.event === 'hello');
      assert.equal((await s.chairClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) })).status, 303);
      const [industry, government, academia] = s.memberClients;
      assert.equal((await industry!.post(`${s.sense}/position`, { stance: 'agree' }, JSON_ACCEPT)).status, 200);
      // "Cannot live with it" needs a reason: 422 next to the field (JSON and plain form), nothing written.
      const noReason = await government!.post(`${s.sense}/position`, { stance: 'cannot', reason: '' }, JSON_ACCEPT);
      assert.equal(noReason.status, 422);
      assert.equal(noReason.json<{ field: string }>().field, 'reason');
      const noReasonForm = await government!.post(`${s.sense}/position`, { stance: 'cannot', reason: '' });
      assert.equal(noReasonForm.status, 422);
      assert.match(noReasonForm.text, /id="f-reason-error"/);
      assertEscaped(noReasonForm.text);
      assert.equal((await government!.post(`${s.sense}/position`, { stance: 'bogus' })).status, 422);
      assert.equal((await government!.post(`${s.sense}/position`, { stance: 'cannot', reason: 'Too costly <script>alert(1)</script>' }, JSON_ACCEPT)).status, 200);
      // The observer follows but does not take positions; a member cannot record for others.
      assert.equal((await s.observerClient.post(`${s.sense}/position`, { stance: 'agree' }, JSON_ACCEPT)).status, 403);
      assert.equal((await industry!.post(`${s.sense}/record`, { participantId: String(s.members[2]!.participantId), recordStance: 'agree' }, JSON_ACCEPT)).status, 403);
      // The facilitator records the academic in the room, by name; an observer cannot be recorded.
      const rec = await s.chairClient.post(`${s.sense}/record`, { participantId: String(s.members[2]!.participantId), recordStance: 'can-live' });
      assert.equal(rec.status, 303);
      const obs = await s.chairClient.post(`${s.sense}/record`, { participantId: String(s.observer.participantId), recordStance: 'agree' }, JSON_ACCEPT);
      assert.equal(obs.status, 422);
      assert.equal(obs.json<{ field: string }>().field, 'participantId');
      assert.equal((await s.chairClient.post(`${s.sense}/record`, { participantId: '', recordStance: 'agree' })).status, 422);
      void academia;

      const last = await stream.reader.waitFor((e) => e.event === 'sense' && (JSON.parse(e.data) as Snapshot).tally?.total === 3);
      const snap = JSON.parse(last.data) as Snapshot;
      assert.equal(snap.open, true);
      assert.equal(snap.proposalId, s.proposal.id);
      assert.deepEqual(snap.tally!.stances, { agree: 1, canLive: 1, cannot: 1 });
      const cat = (k: string) => snap.tally!.categories.find((c) => c.categoryKey === k)!;
      assert.equal(cat('industry').agree, 1);
      assert.equal(cat('government').cannot, 1);
      assert.equal(cat('academia').canLive, 1);
    } finally {
      await stream.close();
    }

    // One truth: the decision record has the same positions, taken in the meeting, and the objection.
    const record = await t.client().get(`/en/p/${s.process.slug}/decisions/${s.proposal.id}`, { accept: 'application/json' });
    type Taken = { inRoom: boolean; where: { meetingId: number; agendaItemId: number } | null };
    const json = record.json<Omit<RecordJson, 'positions'> & { positions: Taken[]; objections: unknown[] }>();
    assert.equal(json.positions.length, 3);
    assert.ok(json.positions.every((p) => p.inRoom && p.where?.meetingId === s.meetingId && p.where.agendaItemId === s.itemId));
    assert.equal(json.objections.length, 1);
    assert.equal(json.criteria.dissentDiscussed.open, 1);

    // The room shows the label and the figures, escaped, in both languages.
    const en = await t.client().get(`${s.base}/live`);
    assert.match(en.text, /Sense of the room — not a vote/);
    assert.match(en.text, /3 positions in the room/);
    assertEscaped(en.text);
    const fr = await t.client().get(`${s.base.replace('/en/', '/fr/')}/live`);
    assert.match(fr.text, /Sens de la salle — ce n’est pas un vote/);
    assertEscaped(fr.text);
  });

  it('saying the same again in a new sense of the room counts there; the end of the meeting closes it', async () => {
    const s = await room();
    await s.chairClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) });
    const m = s.memberClients[0]!;
    assert.equal((await m.post(`${s.sense}/position`, { stance: 'agree' }, JSON_ACCEPT)).status, 200);
    const same = await m.post(`${s.sense}/position`, { stance: 'agree' }, JSON_ACCEPT);
    assert.equal(same.status, 422, 'unchanged within the same sense of the room');
    await s.chairClient.post(`${s.sense}/close`);
    await s.chairClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) });
    assert.equal((await m.post(`${s.sense}/position`, { stance: 'agree' }, JSON_ACCEPT)).status, 200);
    const page = await m.get(`${s.base}/live`);
    assert.match(page.text, /1 position in the room/);
    const p = (await proposalById(t.db, s.process.id, s.proposal.id))!;
    assert.equal(p.status, 'discussion');
    const meeting = (await meetingById(t.db, s.process.id, s.meetingId))!;
    assert.ok((await changeMeetingStatus(t.deps, s.chair.actor, s.process, meeting, 'end')).ok);
    const after = await t.client().get(`${s.base}/live`);
    assert.match(after.text, /The sense of the room is closed/);
    assert.equal((await m.post(`${s.sense}/position`, { stance: 'can-live' }, JSON_ACCEPT)).status, 409);
  });

  it('the facilitator is offered the proposals the agenda item under discussion links to first, then the body’s others', async () => {
    const s = await room();
    const linked = await makeProposal(t.deps, s, { status: 'call' });
    const meeting = (await meetingById(t.db, s.process.id, s.meetingId))!;
    const { editAgendaItem } = await import('../../src/capabilities/meetings/commands/edit-agenda-item.ts');
    const e = await editAgendaItem(t.deps, s.convener, s.process, meeting, s.itemId, {
      title: { en: 'Labels', fr: 'Étiquettes' },
      durationMinutes: 30,
      presenter: null,
      links: [{ url: `/en/p/${s.process.slug}/decisions/${linked.id}`, label: 'Linked' }],
    });
    assert.ok(e.ok, JSON.stringify(e));
    const page = await s.chairClient.get(`${s.base}/live`);
    const options = [...page.text.matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)].map((m) => [Number(m[1]), m[2]] as const);
    assert.deepEqual(
      options.map((o) => o[0]),
      [linked.id, s.proposal.id],
    );
    assert.match(options[0]![1] ?? '', /on the agenda: Labels/);
    assert.equal((await t.client().get(`${s.base}/live`)).text.includes('name="proposalId"'), false, 'only the facilitator sees it');
  });

  it('the facilitator may make the consensus call in the meeting as the sense of the room opens: its quiet period ends with the meeting', async () => {
    const s = await room();
    const r = await s.chairClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id), makeCall: 'on' });
    assert.equal(r.status, 303);
    const p = (await proposalById(t.db, s.process.id, s.proposal.id))!;
    const meeting = (await meetingById(t.db, s.process.id, s.meetingId))!;
    assert.equal(p.status, 'call');
    assert.equal(p.callEndsAt?.getTime(), meeting.endsAt.getTime());
    assert.equal(p.callWhere?.meetingId, s.meetingId);
    assert.equal(p.callWhere?.agendaItemId, s.itemId);
    const json = (await t.client().get(`/en/p/${s.process.slug}/decisions/${s.proposal.id}`, { accept: 'application/json' })).json<RecordJson>();
    assert.equal(json.criteria.quiet.quietUntil, meeting.endsAt.toISOString());
    // Past the meeting's planned end, the call cannot end with it: a clear message next to the box.
    const late = await room();
    t.clock.set(new Date((await meetingById(t.db, late.process.id, late.meetingId))!.endsAt.getTime() + 60_000));
    try {
      const refused = await late.chairClient.post(`${late.sense}/open`, { proposalId: String(late.proposal.id), makeCall: 'on' });
      assert.equal(refused.status, 422);
      assert.match(refused.text, /id="f-makeCall-error"/);
      assert.equal((await proposalById(t.db, late.process.id, late.proposal.id))!.status, 'discussion', 'nothing changed');
    } finally {
      t.clock.set(new Date('2026-03-02T15:00:00Z'));
    }
  });

  it('CSRF is required on every form of the sense of the room', async () => {
    const s = await room();
    const r = await s.chairClient.post(`${s.sense}/open`, { proposalId: String(s.proposal.id) }, { csrf: null });
    assert.equal(r.status, 403);
  });
});
