import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { proposalById } from '../../src/capabilities/consensus/index.ts';
import { bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { testApp, type TestApp, Client } from '../support/app.ts';
import { makeGroup, makeProposal, type RecordJson } from '../support/consensus.ts';
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

  it('live: the events stream says "changed" when a position commits, and a reconnection catches up from its id', async () => {
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
    await until(/event: hello/);
    // The bus listens on its own connection; give it a moment to be in place.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await (await as(g.members[0]!)).post(`${url}/position`, { stance: 'agree' })).status, 303);
    await until(/event: changed/);
    assert.match(seen, new RegExp(`event: changed\\ndata: ${p.id}`));
    const firstId = Number(/id: (\d+)\nevent: changed/.exec(seen)![1]);
    controller.abort();
    await reader.cancel().catch(() => {});
    // Changed while nobody listened: a page that comes back with Last-Event-ID gets it at once.
    assert.equal((await (await as(g.members[1]!)).post(`${url}/position`, { stance: 'agree' })).status, 303);
    const again = new AbortController();
    const res2 = await t.app.request(`http://concert.test${url}/events`, { signal: again.signal, headers: { 'last-event-id': String(firstId) } });
    const reader2 = res2.body!.getReader();
    let seen2 = '';
    while (!/event: changed/.test(seen2)) {
      const { value, done } = await reader2.read();
      if (done) break;
      seen2 += decoder.decode(value);
    }
    assert.match(seen2, new RegExp(`id: (?!${firstId}\\n)\\d+\\nevent: changed\\ndata: ${p.id}`));
    again.abort();
    await reader2.cancel().catch(() => {});
    assert.ok(await proposalById(t.db, g.process.id, p.id));
  });
});
