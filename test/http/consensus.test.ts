import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { proposalById } from '../../src/capabilities/consensus/index.ts';
import { bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { testApp, type TestApp, Client } from '../support/app.ts';
import { fieldsOf } from '../../src/capabilities/consensus/http/forms.ts';
import { makeGroup, makeProposal, type Group } from '../support/consensus.ts';
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

type RecordJson = {
  proposal: { status: string; round: number; title: Record<string, string> };
  criteria: {
    quiet: { met: boolean; quietUntil: string | null; openObjections: number };
    dissentDiscussed: { met: boolean; open: number; total: number };
    support: { met: boolean; agree: number; canLive: number; cannot: number; positions: number; cannotAllowed: number };
  };
  categories: Array<{ categoryKey: string; flagged: boolean; total: number; label: Record<string, string> }>;
  outcome: string;
  unmet: string[];
  evaluation: string;
  settings: { quietPeriodHours: number };
  positions: Array<{ name: string; stance: string; category: { key: string }; declaration: { text: string | null } | null }>;
  objections: Array<{ id: number; status: string; author: { name: string }; discussion: { resolution: string } | null }>;
  assessments: Array<{ level: string; direction: string; responses: unknown[] }>;
  minorityStatements: Array<{ authors: Array<{ name: string }> }>;
  newInformation: Array<{ status: string }>;
  decisions: Array<{ round: number; outcome: string; reopenedAt: string | null }>;
  history: Array<{ to: string }>;
};

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

async function decideTogether(g: Group, url: string) {
  const [a, b, c] = g.members.map((m) => m);
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
    const { chair, ca, cb, cc } = await decideTogether(g, url);

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
    t.clock.set(new Date(ends.getTime() - 1));
    assert.equal((await json(t.client(), url)).json<RecordJson>().criteria.quiet.met, false);
    t.clock.set(ends);
    j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.criteria.quiet.met, true);
    assert.equal(j.outcome, 'consensus');
  });
});

describe('scope, reopening, and the record as JSON', () => {
  it('a change of scope applies to the working group only when decided, and the charter keeps its history', async () => {
    const g = await makeGroup(t.deps, { categories: ['industry'], settings: { quietPeriodHours: 0 } });
    const form = `/en/p/${g.process.slug}/bodies/${g.body.slug}/proposals/new`;
    const m = await as(g.members[0]!);
    const page = await m.get(`${form}?kind=scope`);
    assert.match(page.text, /Charter when this was proposed/);
    assert.equal((await m.post(form, { kind: 'scope', title_en: 'Wider', title_fr: 'Plus large', text_en: 'Why', text_fr: 'Pourquoi' })).status, 422, 'the new scope is required');
    const r = await m.post(form, {
      kind: 'scope',
      title_en: 'Wider',
      title_fr: 'Plus large',
      text_en: 'Why',
      text_fr: 'Pourquoi',
      proposedCharter_en: 'A wider scope',
      proposedCharter_fr: 'Une portée plus large',
    });
    assert.equal(r.status, 303);
    const url = r.location!;
    const chair = await as(g.chair);
    for (const to of ['open-discussion']) assert.equal((await chair.post(`${url}/advance`, { to })).status, 303);
    for (const who of [g.chair, g.members[0]!]) assert.equal((await (await as(who)).post(`${url}/position`, { stance: 'agree' })).status, 303);
    assert.equal((await chair.post(`${url}/call`, { where: 'online' })).status, 303);
    const bodyPage = `/en/p/${g.process.slug}/bodies/${g.body.slug}`;
    assert.doesNotMatch((await t.client().get(bodyPage)).text, /A wider scope/);
    assert.equal((await chair.post(`${url}/assess`, { level: 'full-consensus', direction: 'for', text_en: 'All agree.', text_fr: 'Tous d’accord.' })).status, 303);
    assert.equal((await chair.post(`${url}/advance`, { to: 'decide' })).status, 303);
    const after = await t.client().get(bodyPage);
    assert.match(after.text, /A wider scope/);
    assert.match(after.text, /adopted by consensus of the group/);
    assert.match(after.text, new RegExp(`/en/p/${g.process.slug}/decisions/\\d+`));
    const body = (await bodyBySlug(t.db, g.process.id, g.body.slug))!;
    assert.deepEqual(body.charter, { en: 'A wider scope', fr: 'Une portée plus large' });
    assert.match((await t.client().get(`/en/p/${g.process.slug}/activity`)).text, /changed a working group’s scope by consensus/);
  });

  it('a decision reopens only when the chair accepts new information; declining needs a reason; the history stays', async () => {
    const g = await makeGroup(t.deps, { categories: ['industry', 'academia'], settings: { quietPeriodHours: 0 } });
    const p = await makeProposal(t.deps, g, { status: 'discussion' });
    const url = `/en/p/${g.process.slug}/decisions/${p.id}`;
    const chair = await as(g.chair);
    const m0 = await as(g.members[0]!);
    assert.equal((await m0.get(`${url}/information/new`)).status, 409, 'nothing to reopen yet');
    for (const who of g.members) assert.equal((await (await as(who)).post(`${url}/position`, { stance: 'agree' })).status, 303);
    assert.equal((await chair.post(`${url}/call`, { where: 'online' })).status, 303);
    assert.equal((await chair.post(`${url}/assess`, { level: 'consensus', direction: 'for', text_en: 'Yes.', text_fr: 'Oui.' })).status, 303);
    assert.equal((await chair.post(`${url}/advance`, { to: 'decide' })).status, 303);

    assert.equal((await t.client().get(`${url}/information/new`)).status, 401);
    assert.equal((await m0.post(`${url}/information/new`, { whatIsNew: '', whyItMatters: 'x' })).status, 422);
    assert.equal((await m0.post(`${url}/information/new`, { whatIsNew: 'x', whyItMatters: 'y', links: 'not-a-link' })).status, 422);
    const filed = await m0.post(`${url}/information/new`, {
      whatIsNew: `A new study ${XSS}`,
      whyItMatters: 'It changes the costs.',
      links: `https://example.org/study The study ${XSS}`,
    });
    assert.equal(filed.status, 303);
    const filed2 = await m0.post(`${url}/information/new`, { whatIsNew: 'Another', whyItMatters: 'Also' });
    assert.equal(filed2.status, 303);
    const items = (await json(t.client(), url)).json<{ newInformation: Array<{ id: number; status: string }> }>().newInformation;
    assert.equal(items.length, 2);
    const [first, second] = [items[0]!, items[1]!];
    assert.equal((await m0.get(`${url}/information/${second.id}/answer`)).status, 403);
    const noReason = await chair.post(`${url}/information/${second.id}/answer`, { decision: 'decline', answer_en: 'Not new.' });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /reason for declining in every official language/);
    assert.equal((await chair.post(`${url}/information/${second.id}/answer`, { decision: 'decline', answer_en: 'Not new.', answer_fr: 'Rien de nouveau.' })).status, 303);
    assert.equal((await json(t.client(), url)).json<RecordJson>().proposal.status, 'decided', 'declined: the decision stands');
    t.clock.advance(H);
    assert.equal((await chair.post(`${url}/information/${first.id}/answer`, { decision: 'accept' })).status, 303);
    assert.equal((await chair.post(`${url}/information/${first.id}/answer`, { decision: 'accept' })).status, 409);
    const j = (await json(t.client(), url)).json<RecordJson>();
    assert.equal(j.proposal.status, 'discussion');
    assert.equal(j.proposal.round, 2);
    assert.equal(j.criteria.support.positions, 0, 'a new round: earlier positions no longer count');
    assert.equal(j.decisions.length, 1);
    assert.ok(j.decisions[0]!.reopenedAt);
    assert.deepEqual(
      j.newInformation.map((x) => x.status),
      ['accepted', 'declined'],
    );
    const page = await t.client().get(url);
    assert.match(page.text, /Reopened .* after new information/);
    assert.match(page.text, /reopened after new information/);
    assertEscaped(page.text);
    const history = await t.client().get(`${url}/positions`);
    assert.equal((history.text.match(/changed later/g) ?? []).length, 2, 'round 1 positions stay in the history');
    assert.equal((await m0.post(`${url}/position`, { stance: 'agree' })).status, 303, 'positions again in round 2');
  });

  it('JSON with Accept: application/json, even right after the page was cached for the public', async () => {
    const g = await makeGroup(t.deps);
    const p = await makeProposal(t.deps, g, { status: 'discussion' });
    const url = `/en/p/${g.process.slug}/decisions/${p.id}`;
    const html = await t.client().get(url);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type')!, /text\/html/);
    const again = await t.client().get(url);
    assert.equal(again.text, html.text);
    const j = await json(t.client(), url);
    assert.equal(j.status, 200);
    assert.match(j.headers.get('content-type')!, /application\/json/);
    const body = j.json<RecordJson>();
    assert.equal(body.proposal.title.en, `Proposal ${XSS}`);
    assert.deepEqual(Object.keys(body.criteria).sort(), ['dissentDiscussed', 'quiet', 'support']);
    assert.equal(typeof body.criteria.quiet.met, 'boolean');
    assert.equal(body.settings.quietPeriodHours, 72);
    assert.equal(body.outcome, 'pending');
    assert.equal((await json(t.client(), `/en/p/${g.process.slug}/decisions/999999`)).status, 404);
    const draft = await makeProposal(t.deps, g);
    assert.equal((await json(t.client(), `/en/p/${g.process.slug}/decisions/${draft.id}`)).status, 404);
  });

  it('the process page, the body page and the list show decisions; drafts only to the body', async () => {
    const g = await makeGroup(t.deps);
    const open = await makeProposal(t.deps, g, { status: 'discussion' });
    const draft = await makeProposal(t.deps, g);
    const processPage = await t.client().get(`/en/p/${g.process.slug}`);
    assert.match(processPage.text, new RegExp(`/decisions/${open.id}"`));
    assert.doesNotMatch(processPage.text, new RegExp(`/decisions/${draft.id}"`));
    assertEscaped(processPage.text);
    const list = await t.client().get(`/fr/p/${g.process.slug}/decisions`);
    assert.match(list.text, /Toutes les décisions/);
    assert.doesNotMatch(list.text, new RegExp(`/decisions/${draft.id}"`));
    const bodyPage = `/en/p/${g.process.slug}/bodies/${g.body.slug}`;
    assert.doesNotMatch((await t.client().get(bodyPage)).text, new RegExp(`/decisions/${draft.id}"`));
    const member = await (await as(g.members[1]!)).get(bodyPage);
    assert.match(member.text, new RegExp(`/decisions/${draft.id}"`));
    assert.match(member.text, /Propose a change of scope/);
    assert.match((await (await as({ userId: g.convener.userId })).get(`/en/p/${g.process.slug}/decisions`)).text, new RegExp(`/decisions/${draft.id}"`));
  });

  it('live: the events stream says "changed" when a position commits', async () => {
    const g = await makeGroup(t.deps);
    const p = await makeProposal(t.deps, g, { status: 'discussion' });
    const url = `/en/p/${g.process.slug}/decisions/${p.id}`;
    const controller = new AbortController();
    const res = await t.app.request(`http://concert.test${url}/events`, { signal: controller.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(seen)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += decoder.decode(value);
      }
    };
    await until(/event: ready/);
    // The bus listens on its own connection; give it a moment to be in place.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await (await as(g.members[0]!)).post(`${url}/position`, { stance: 'agree' })).status, 303);
    await until(/event: changed/);
    assert.match(seen, new RegExp(`event: changed\\ndata: ${p.id}`));
    controller.abort();
    await reader.cancel().catch(() => {});
    assert.ok(await proposalById(t.db, g.process.id, p.id));
  });
});
