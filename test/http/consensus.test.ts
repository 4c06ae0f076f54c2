import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { testApp, type TestApp, Client } from '../support/app.ts';
import { fieldsOf } from '../../src/capabilities/consensus/http/forms.ts';
import { makeGroup, makeProposal, type Group, type RecordJson } from '../support/consensus.ts';
import { XSS, assertEscaped } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const H = 3600_000;

async function as(who: { actor: { userId: number } } | { userId: number }): Promise<Client> {
  const c = t.client();
  const userId = 'actor' in who ? who.actor.userId : who.userId;
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

const json = (c: Client, path: string) => c.get(path, { accept: 'application/json' });

describe('drafting a proposal', () => {
  it('a member drafts through the form, field by field; the draft is the body’s until the chair opens it, in every official language', async () => {
    const g = await makeGroup(t.deps);
    const member = await as(g.members[0]!);
    const form = `/en/p/${g.process.slug}/bodies/${g.body.slug}/proposals/new`;
    const page = await member.get(form);
    assert.equal(page.status, 200);
    assertEscaped(page.text);
    for (const [bad, error] of [
      [{ kind: 'text', title_en: '', title_fr: '', text_en: 'x' }, /Give the proposal a title/],
      [{ kind: 'text', title_en: 'T', linkUrl: 'javascript:alert(1)' }, /full web address/],
      [{ kind: 'text', title_en: 'x'.repeat(301) }, /at most 300/],
    ] as const) {
      const r = await member.post(form, bad);
      assert.equal(r.status, 422, JSON.stringify(bad).slice(0, 60));
      assert.match(r.text, error);
      assertEscaped(r.text);
    }
    const created = await member.post(form, {
      kind: 'text',
      title_en: `Label devices ${XSS}`,
      text_en: `Recommend a label. ${XSS}`,
      linkUrl: 'https://example.org/draft#s3',
      linkLabel: 'Draft, section 3',
    });
    assert.equal(created.status, 303);
    const url = created.location!;
    assert.match(url, /^\/en\/p\/[^/]+\/decisions\/\d+$/);
    assert.equal((await t.client().get(url)).status, 404, 'a draft is not public');
    assert.equal((await (await as(g.observer)).get(url)).status, 200, 'the body follows its drafts');
    const chair = await as(g.chair);
    const open = await chair.post(`${url}/advance`, { to: 'open-discussion' });
    assert.equal(open.status, 409);
    assert.match(open.text, /in every official language/);
    assert.equal((await (await as(g.members[1]!)).get(`${url}/edit`)).status, 403, 'only the author or the chair edits a draft');
    const edited = await member.post(`${url}/edit`, {
      title_en: `Label devices ${XSS}`,
      title_fr: `Étiqueter les appareils ${XSS}`,
      text_en: 'Recommend a **label**.',
      text_fr: 'Recommander une **étiquette**.',
    });
    assert.equal(edited.status, 303);
    assert.equal((await member.post(`${url}/advance`, { to: 'open-discussion' })).status, 403, 'only the chair opens the discussion');
    assert.equal((await chair.post(`${url}/advance`, { to: 'open-discussion' })).status, 303);
    const pub = await t.client().get(url.replace('/en/', '/fr/'));
    assert.equal(pub.status, 200);
    assert.match(pub.text, /Recommander une <strong>étiquette<\/strong>/);
    assert.match(pub.text, /En discussion/);
    assertEscaped(pub.text);
    assert.equal((await member.get(`${url}/edit`)).status, 409, 'the text no longer changes once in discussion');
  });

  it('observers and people outside the body cannot put proposals; a change of scope is for working groups only', async () => {
    const g = await makeGroup(t.deps);
    const form = `/en/p/${g.process.slug}/bodies/${g.body.slug}/proposals/new`;
    assert.equal((await (await as(g.observer)).get(form)).status, 403);
    assert.equal((await t.client().get(form)).status, 401);
    const { client: stranger } = await t.userClient();
    const notIn = await stranger.post(form, { kind: 'text', title_en: 'x' });
    assert.equal(notIn.status, 409);
    assert.match(notIn.text, /Join the process first/);
    const committee = await makeGroup(t.deps, { typeKey: 'oversight-committee' });
    assert.equal((await (await as(committee.members[0]!)).get(`/en/p/${committee.process.slug}/bodies/${committee.body.slug}/proposals/new?kind=scope`)).status, 404);
  });
});

/** Signed-in clients for the chair and the three members. */
async function clientsOf(g: Group) {
  const [a, b, c] = g.members;
  const chair = await as(g.chair);
  const ca = await as(a!);
  const cb = await as(b!);
  const cc = await as(c!);
  return { chair, ca, cb, cc };
}

describe('positions, the dissent record and the criteria', () => {
  it('takes a proposal from discussion to a recorded decision, with an objection discussed and a minority statement', async () => {
    const g = await makeGroup(t.deps, { settings: { almostNonePercent: 34, almostNoneMax: 1 } });
    const p = await makeProposal(t.deps, g, { status: 'discussion' });
    const url = `/en/p/${g.process.slug}/decisions/${p.id}`;
    const { chair, ca, cb, cc } = await clientsOf(g);

    // Who may take positions.
    assert.equal((await t.client().post(`${url}/position`, { stance: 'agree' })).status, 401);
    const obs = await (await as(g.observer)).post(`${url}/position`, { stance: 'agree' });
    assert.equal(obs.status, 403);
    assert.match(obs.text, /Observers follow the decision but do not take positions/);
    const { client: stranger } = await t.userClient();
    assert.equal((await stranger.post(`${url}/position`, { stance: 'agree' })).status, 409, 'join the process first');

    // Bad input: the error next to the field.
    const noStance = await ca.post(`${url}/position`, { stance: 'maybe' });
    assert.equal(noStance.status, 422);
    assert.match(noStance.text, /Choose one of the options/);
    const noReason = await cc.post(`${url}/position`, { stance: 'cannot', reason: '  ' });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /Say why you cannot live with it/);
    assertEscaped(noReason.text);

    assert.equal((await ca.post(`${url}/position`, { stance: 'agree' })).status, 303);
    assert.equal((await ca.post(`${url}/position`, { stance: 'agree' })).status, 422, 'unchanged');
    assert.equal((await cb.post(`${url}/position`, { stance: 'agree' })).status, 303);
    t.clock.advance(H);
    const objected = await cc.post(`${url}/position`, { stance: 'cannot', reason: `It leaves out older devices ${XSS}` });
    assert.equal(objected.status, 303);
    let j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.outcome, 'pending');
    assert.deepEqual(j.unmet, ['quiet', 'dissentDiscussed']);
    assert.equal(j.criteria.support.cannot, 1);
    assert.equal(j.criteria.support.cannotAllowed, 1, '34 % of 3 is one person, and at most 1');
    assert.equal(j.criteria.dissentDiscussed.open, 1);
    assert.equal(j.objections[0]!.status, 'open');
    assert.equal(j.positions.length, 3);
    assert.ok(j.positions.some((x) => x.category.key === 'industry' && x.declaration?.text?.includes('Sells connected devices')));
    assert.equal(j.categories.find((c) => c.categoryKey === 'academia')!.flagged, true, 'academia: its only position cannot live with it');
    const objectionId = j.objections[0]!.id;

    // The chair records the discussion: every official language, or a 422 next to the field.
    const discuss = `${url}/objections/${objectionId}/discussion`;
    assert.equal((await ca.get(discuss)).status, 403);
    const page = await chair.get(discuss);
    assert.equal(page.status, 200);
    assertEscaped(page.text);
    const partial = await chair.post(discuss, { kind: 'meeting', label: 'Plenary, item 3', url: '', resolution: 'not-accommodated', reasoning_en: 'Out of scope for now.' });
    assert.equal(partial.status, 422);
    assert.match(partial.text, /every official language/);
    const ok = await chair.post(discuss, {
      kind: 'meeting',
      label: `Plenary ${XSS}, item 3`,
      url: 'https://example.org/meetings/4',
      resolution: 'not-accommodated',
      reasoning_en: 'Older devices are for the next phase.',
      reasoning_fr: 'Les anciens appareils relèvent de la prochaine phase.',
    });
    assert.equal(ok.status, 303);
    assert.equal((await chair.post(discuss, { kind: 'thread', label: 'x', resolution: 'accommodated', reasoning_en: 'a', reasoning_fr: 'b' })).status, 409, 'already discussed');
    assert.equal((await ca.post(`${url}/objections/${objectionId}/maintain`)).status, 403, 'only its author');
    assert.equal((await cc.post(`${url}/objections/${objectionId}/maintain`)).status, 303);

    // The objector can live with it after all; the call opens; the quiet period runs from the call.
    t.clock.advance(H);
    assert.equal((await cc.post(`${url}/position`, { stance: 'can-live' })).status, 303);
    assert.equal((await chair.get(`${url}/call`)).status, 200);
    assert.equal((await chair.post(`${url}/call`, { where: 'online' })).status, 303);
    j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.proposal.status, 'call');
    assert.deepEqual(j.unmet, ['quiet']);
    assert.equal((await chair.post(`${url}/advance`, { to: 'decide' })).status, 409, 'the criteria do not say consensus yet');

    // The chair assesses (every official language), the group responds, the chair revises.
    const assessPage = await chair.get(`${url}/assess`);
    assert.equal(assessPage.status, 200);
    assert.equal((await chair.post(`${url}/assess`, { level: 'consensus', direction: 'for', text_en: 'Consensus.' })).status, 422);
    assert.equal((await chair.post(`${url}/assess`, { level: 'strong-support', direction: 'for', text_en: 'Strong support.', text_fr: 'Fort soutien.' })).status, 303);
    const aid = (await json(t.client(), url)).json<RecordJson & { assessments: Array<{ id: number }> }>().assessments[0]!.id;
    assert.equal((await cc.post(`${url}/assessments/${aid}/responses`, { response: `I can live with it. ${XSS}` })).status, 303);
    t.clock.advance(72 * H);
    assert.equal((await chair.post(`${url}/advance`, { to: 'decide' })).status, 409, 'strong support is not consensus');
    assert.equal(
      (await chair.post(`${url}/assess`, { level: 'consensus', direction: 'for', text_en: 'Consensus, one standing objection.', text_fr: 'Consensus, une objection maintenue.' }))
        .status,
      303,
    );

    // Minority: the member who can live with it; not those who agree.
    assert.equal((await ca.post(`${url}/minority`, { statement: 'I agree really' })).status, 403);
    assert.equal((await cc.post(`${url}/minority`, { statement: '' })).status, 422);
    assert.equal((await cc.post(`${url}/minority`, { statement: `Older devices matter. ${XSS}` })).status, 303);

    const decided = await chair.post(`${url}/advance`, { to: 'decide' });
    assert.equal(decided.status, 303);
    j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.proposal.status, 'decided');
    assert.equal(j.evaluation, 'at-decision');
    assert.equal(j.outcome, 'consensus');
    assert.deepEqual(
      j.assessments.map((a) => [a.level, a.direction, a.responses.length]),
      [
        ['strong-support', 'for', 1],
        ['consensus', 'for', 0],
      ],
    );
    assert.equal(j.minorityStatements.length, 1);
    assert.equal(j.decisions.length, 1);
    assert.deepEqual(
      j.history.map((h) => h.to),
      ['drafting', 'discussion', 'call', 'decided'],
    );
    assert.equal((await cc.post(`${url}/position`, { stance: 'cannot', reason: 'late' })).status, 409, 'positions close with the call');

    for (const locale of ['en', 'fr']) {
      const record = await t.client().get(url.replace('/en/', `/${locale}/`));
      assert.equal(record.status, 200);
      assertEscaped(record.text);
      assert.match(record.text, locale === 'en' ? /Decided: consensus reached/ : /Décidé : consensus atteint/);
      assert.match(record.text, locale === 'en' ? /Addressed but not accommodated/ : /Examinée mais non retenue/);
      assert.match(record.text, locale === 'en' ? /Still standing/ : /Maintenue/);
      assert.match(record.text, locale === 'en' ? /As the criteria stood when the decision was taken/ : /au moment de la décision/);
      assert.match(record.text, /https:\/\/example.org\/meetings\/4/);
      assert.match(record.text, locale === 'en' ? /Almost none&quot; means at most 34 % and at most 1 person/ : /au plus 34/);
    }
    const log = await t.client().get(`/en/p/${g.process.slug}/activity`);
    for (const label of [
      'took a position on a proposal',
      'raised an objection',
      'recorded the discussion of an objection',
      'opened a consensus call',
      'revised an assessment',
      'attached a minority statement',
      'recorded a decision: consensus reached',
    ]) {
      assert.ok(log.text.includes(label), label);
    }
  });

  it('a raised objection needs text; only members raise them; the public sees the whole dissent record', async () => {
    const g = await makeGroup(t.deps);
    const p = await makeProposal(t.deps, g, { status: 'discussion' });
    const url = `/en/p/${g.process.slug}/decisions/${p.id}`;
    const m = await as(g.members[1]!);
    const empty = await m.post(`${url}/objections`, { objection: ' ' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /This field is required/);
    assert.equal((await (await as(g.observer)).post(`${url}/objections`, { objection: 'no' })).status, 403);
    assert.equal((await m.post(`${url}/objections`, { objection: `A dissenting view ${XSS}` })).status, 303);
    const pub = await t.client().get(url);
    assert.match(pub.text, /A dissenting view/);
    assert.match(pub.text, />Open</);
    assertEscaped(pub.text);
    const j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.criteria.dissentDiscussed.met, false);
    assert.equal(j.positions.length, 0, 'an objection without a position');
    const oid = j.objections[0]!.id;
    assert.equal((await m.post(`${url}/objections/${oid}/withdraw`)).status, 303);
    assert.equal((await m.post(`${url}/objections/${oid}/withdraw`)).status, 409);
    assert.equal((await json(t.client(), url)).json<RecordJson>().criteria.dissentDiscussed.met, true);
  });

  it('a call in a meeting: the quiet period ends with the meeting', async () => {
    const g = await makeGroup(t.deps, { settings: { almostNonePercent: 0, almostNoneMax: 0 } });
    const p = await makeProposal(t.deps, g, { status: 'discussion' });
    const url = `/en/p/${g.process.slug}/decisions/${p.id}`;
    const chair = await as(g.chair);
    for (const m of g.members) assert.equal((await (await as(m)).post(`${url}/position`, { stance: 'agree' })).status, 303);
    // The meeting ends two hours from now, in the process time zone.
    const now = t.clock.now().getTime();
    const earlier = fieldsOf(new Date(now - H), g.process.timeZone);
    const ends = new Date(Math.ceil((now + 2 * H) / 60000) * 60000);
    const later = fieldsOf(ends, g.process.timeZone);
    const past = await chair.post(`${url}/call`, { where: 'meeting', meetingLabel: 'Plenary', endsDate: earlier.date, endsTime: earlier.time });
    assert.equal(past.status, 422);
    assert.match(past.text, /already ended/);
    const bad = await chair.post(`${url}/call`, { where: 'meeting', meetingLabel: '', endsDate: '2026-02-30', endsTime: '25:00' });
    assert.equal(bad.status, 422);
    assert.equal(
      (await chair.post(`${url}/call`, { where: 'meeting', meetingLabel: `Plenary ${XSS}`, meetingUrl: 'https://example.org/m/1', endsDate: later.date, endsTime: later.time }))
        .status,
      303,
    );
    let j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.criteria.quiet.quietUntil, ends.toISOString());
    assert.equal(j.outcome, 'pending');
    const room = await t.client().get(`${url}/room`);
    assert.equal(room.status, 200);
    assert.match(room.text, /never a vote/);
    assertEscaped(room.text);
    const inRoom = await (await as(g.members[0]!)).post(`${url}/position`, { stance: 'can-live', room: '1' });
    assert.equal(inRoom.status, 303);
    assert.match(inRoom.location!, /\/room$/);
    assert.match((await t.client().get(`${url}/room`)).text, /1 position taken in the room/);
    // A refused position from the room comes back to the room view, with its error.
    const badRoom = await (await as(g.members[1]!)).post(`${url}/position`, { stance: 'maybe', room: '1' });
    assert.equal(badRoom.status, 422);
    assert.match(badRoom.text, /never a vote/);
    assert.match(badRoom.text, /class="error-summary"|role="alert"/);
    t.clock.set(new Date(ends.getTime() - 1));
    assert.equal((await json(t.client(), url)).json<RecordJson>().criteria.quiet.met, false);
    t.clock.set(ends);
    j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.criteria.quiet.met, true);
    assert.equal(j.outcome, 'consensus');
  });
});
