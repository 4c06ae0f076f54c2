import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { advanceProposal, proposalById, raiseObjection } from '../../src/capabilities/consensus/index.ts';
import { addAgendaItem, changeMeetingStatus, meetingById } from '../../src/capabilities/meetings/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { Client, testApp, type TestApp } from '../support/app.ts';
import { makeGroup, makeProposal } from '../support/consensus.ts';
import { assertEscaped, makeDocument, makeMeeting } from '../support/factories.ts';

// Meetings and decisions together (issues 3 and 4): agenda items link to what is
// discussed and show where it stands; the decision record links to its meetings.
let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

type MeetingJson = { id: number; title: Record<string, string>; startsAt: string; url: string };

async function clientFor(userId: number): Promise<Client> {
  const c = t.client();
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

async function setup() {
  const g = await makeGroup(t.deps);
  const proposal = await makeProposal(t.deps, g, { status: 'discussion' });
  const doc = await makeDocument(t.deps, g.process, g.convener, g.body.slug, { en: '# Labels\n\nEvery device carries a label.' });
  const [id] = await makeMeeting(t.deps, g.process, g.convener, g.body.slug);
  const meeting = (await meetingById(t.db, g.process.id, id!))!;
  const other = await makeGroup(t.deps);
  const foreign = await makeProposal(t.deps, other, { status: 'discussion' });
  const item = await addAgendaItem(t.deps, g.convener, g.process, meeting, {
    title: { en: 'Labels item <script>alert(1)</script>', fr: 'Point étiquettes <script>alert(1)</script>' },
    durationMinutes: 30,
    presenter: null,
    links: [
      { url: `/en/p/${g.process.slug}/decisions/${proposal.id}`, label: 'The proposal' },
      { url: `/fr/p/${g.process.slug}/documents/${doc}/at/p1`, label: 'The passage' },
      { url: `/en/p/${other.process.slug}/decisions/${foreign.id}`, label: 'Elsewhere' },
      { url: 'https://example.org/background', label: 'Background' },
    ],
  });
  assert.ok(item.ok);
  return { ...g, proposal, doc, meetingId: id!, itemId: item.value.itemId, foreign, other, base: `/en/p/${g.process.slug}/meetings/${id}` };
}

describe('agenda items link to what is discussed', () => {
  it('the meeting page and the live room show each linked proposal’s stage and document’s state, as they are now', async () => {
    const s = await setup();
    const page = await t.client().get(s.base);
    assert.equal(page.status, 200);
    assertEscaped(page.text);
    const statuses = [...page.text.matchAll(/class="badge subject-status">.*?<\/span>([^<]*)<\/span>/g)].map((m) => m[1]);
    assert.deepEqual(statuses, ['In discussion', 'Drafting'], 'the proposal and the document, not the other process’s proposal nor the outside link');
    const fr = await t.client().get(s.base.replace('/en/', '/fr/'));
    assert.match(fr.text, /En discussion|en discussion/i);

    const p = (await proposalById(t.db, s.process.id, s.proposal.id))!;
    assert.ok((await advanceProposal(t.deps, s.chair.actor, s.process, p, 'open-call')).ok);
    assert.ok((await changeMeetingStatus(t.deps, s.chair.actor, s.process, (await meetingById(t.db, s.process.id, s.meetingId))!, 'start')).ok);
    const live = await t.client().get(`${s.base}/live`);
    assert.match(live.text, /class="badge subject-status">.*?<\/span>Consensus call<\/span>/);
    assertEscaped(live.text);
  });

  it('the decision page lists the meetings and agenda items it is on (page and JSON); another process’s meeting never shows', async () => {
    const s = await setup();
    const page = await t.client().get(`/en/p/${s.process.slug}/decisions/${s.proposal.id}`);
    assert.match(page.text, /<h2 id="meetings-h">Meetings where it was discussed<\/h2>/);
    assert.ok(page.text.includes(`href="${s.base}"`));
    assert.match(page.text, /On the agenda: Labels item/);
    assertEscaped(page.text);
    const json = (await t.client().get(`/fr/p/${s.process.slug}/decisions/${s.proposal.id}`, { accept: 'application/json' })).json<{ meetings: MeetingJson[] }>();
    assert.equal(json.meetings.length, 1);
    assert.deepEqual(Object.keys(json.meetings[0]!).sort(), ['id', 'startsAt', 'title', 'url']);
    assert.equal(json.meetings[0]!.id, s.meetingId);
    assert.equal(json.meetings[0]!.url, s.base.replace('/en/', '/fr/'));
    assert.ok(!Number.isNaN(Date.parse(json.meetings[0]!.startsAt)));
    const foreign = (await t.client().get(`/en/p/${s.other.process.slug}/decisions/${s.foreign.id}`, { accept: 'application/json' })).json<{ meetings: MeetingJson[] }>();
    assert.deepEqual(foreign.meetings, [], 'a link from another process’s agenda does not count');
  });
});

describe('an objection discussed in a meeting', () => {
  it('the chair picks the meeting and agenda item from a list; the record names it by id and links the meeting; bad choices are 422; others may not', async () => {
    const s = await setup();
    const m = (await meetingById(t.db, s.process.id, s.meetingId))!;
    assert.ok((await changeMeetingStatus(t.deps, s.chair.actor, s.process, m, 'start')).ok);
    assert.ok((await changeMeetingStatus(t.deps, s.chair.actor, s.process, (await meetingById(t.db, s.process.id, s.meetingId))!, 'end')).ok);
    // A second meeting, not linked anywhere: it appears on the record only once an objection is discussed there.
    const [second] = await makeMeeting(t.deps, s.process, s.convener, s.body.slug, { date: '2026-03-05' });
    assert.ok((await changeMeetingStatus(t.deps, s.chair.actor, s.process, (await meetingById(t.db, s.process.id, second!))!, 'start')).ok);
    const o = await raiseObjection(t.deps, s.members[1]!.actor, s.process, s.proposal, { text: { en: 'Too costly <script>alert(1)</script>' } });
    assert.ok(o.ok);
    const url = `/en/p/${s.process.slug}/decisions/${s.proposal.id}/objections/${o.value.id}/discussion`;
    const chair = await clientFor(s.chair.actor.userId);
    const form = await chair.get(url);
    assert.equal(form.status, 200);
    assert.ok(form.text.includes(`<option value="${s.meetingId}:${s.itemId}">`));
    assert.ok(form.text.includes(`<option value="${second}">`));
    assertEscaped(form.text);

    const member = await clientFor(s.members[0]!.actor.userId);
    assert.equal((await member.post(url, { meeting: String(second), resolution: 'accommodated', reasoning_en: 'x', reasoning_fr: 'x' })).status, 403);
    const foreign = await chair.post(url, { meeting: '999999', resolution: 'accommodated', reasoning_en: 'Changed', reasoning_fr: 'Changé' });
    assert.equal(foreign.status, 422);
    assert.match(foreign.text, /Pick a meeting of this body from the list/);

    const ok = await chair.post(url, {
      meeting: String(second),
      resolution: 'accommodated',
      reasoning_en: 'Lower cost option added',
      reasoning_fr: 'Option moins coûteuse ajoutée',
    });
    assert.equal(ok.status, 303);
    const json = (await t.client().get(`/en/p/${s.process.slug}/decisions/${s.proposal.id}`, { accept: 'application/json' })).json<{
      meetings: MeetingJson[];
      objections: Array<{ discussion: { where: { kind: string; meetingId: number; agendaItemId: number | null } } | null }>;
    }>();
    assert.deepEqual(json.objections[0]!.discussion!.where.meetingId, second);
    assert.equal(json.objections[0]!.discussion!.where.agendaItemId, null);
    assert.deepEqual(
      json.meetings.map((x) => x.id),
      [s.meetingId, second],
    );
    // The dissent record links the place to the meeting itself (as does the list of meetings).
    const page = await t.client().get(`/en/p/${s.process.slug}/decisions/${s.proposal.id}`);
    assert.equal(page.text.split(`href="/en/p/${s.process.slug}/meetings/${second}"`).length - 1, 2);
  });
});
