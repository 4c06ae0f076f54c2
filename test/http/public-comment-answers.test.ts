import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { processComments } from '../../src/capabilities/public-comment/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { testApp, type TestApp, type Client } from '../support/app.ts';
import { XSS, assertEscaped, makeParticipant } from '../support/factories.ts';
import { addComments, campaign, makePeriod, type InputSetup } from '../support/public-comment.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** Shared public pages follow a change once its NOTIFY arrives: a moment after the commit. */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function clientFor(userId: number): Promise<Client> {
  const c = t.client();
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

/** A period with a campaign of 6 (one signed by 40), two distinct comments, one hidden and one pending. */
async function scene(o: { closed?: boolean } = {}) {
  const s = await makePeriod(t.deps, o);
  const ids = await addComments(t.deps, s, [
    ...campaign(6).map((text, i) => ({ text, signatories: i === 0 ? 40 : 1, anchor: 'p2', category: 'industry' })),
    { text: `Labels should show the end of support in plain words ${XSS}`, anchor: 'p5', category: 'government' },
    { text: 'Les réseaux doivent pouvoir isoler un appareil compromis sans couper tout le monde.', lang: 'fr', category: 'academia' },
    { text: 'Hidden spam spam spam about something else entirely, buy now.', status: 'hidden' },
    { text: 'Pending comment awaiting a moderator about vendor contacts.', status: 'pending' },
  ]);
  await processComments(t.deps, s.periodId);
  const staff = await clientFor(s.convener.userId);
  const base = `/p/${s.process.slug}/input/${s.periodId}`;
  return { s, ids, staff, base, key: ids[0]! };
}

describe('groups of comments (public)', () => {
  it('each group once with its counts and common text; distinct comments; only published for the public; escaped', async () => {
    const { base, key, staff } = await scene();
    const pub = await t.client().get(`/en${base}/clusters`);
    assert.equal(pub.status, 200);
    assertEscaped(pub.text);
    assert.equal(pub.text.split('id="group-').length - 1, 1, 'the campaign appears once');
    assert.match(pub.text, /6 comments, 45 signatories/);
    assert.match(pub.text, /Please require unique passwords/);
    assert.match(pub.text, /Labels should show the end of support/);
    assert.match(pub.text, /lang="fr"[^>]*>\s*Les réseaux/);
    assert.doesNotMatch(pub.text, /Hidden spam|Pending comment/);
    assert.match(pub.text, new RegExp(`href="/en${base}/clusters/${key}"`));

    const fr = await t.client().get(`/fr${base}/clusters`);
    assert.equal(fr.status, 200);
    assert.match(fr.text, /6\u00a0commentaires, 45\u00a0signataires|6 commentaires, 45 signataires/);
    assert.match(fr.text, /Commentaires distincts/);

    const mine = await staff.get(`/en${base}/clusters`);
    assert.match(mine.text, /Hidden spam/);
    assert.match(mine.text, /Awaiting moderation/);
  });

  it('visitors share one rendering until new comments are grouped', async () => {
    const { s, base } = await scene();
    const path = `/en${base}/clusters`;
    await eventually(async () => t.deps.bus.isListening('concert_changes'));
    await eventually(async () => (await t.client().get(path)).status === 200 && t.deps.pageCache.get(path) !== undefined);
    await addComments(t.deps, s, [
      { text: 'Please require unique passwords on every connected device sold in Canada, and publish a security contact for each vendor so that researchers can report flaws.' },
    ]);
    assert.match((await t.client().get(path)).text, /6 comments, 45 signatories/, 'unprocessed: the shared page stands');
    await processComments(t.deps, s.periodId);
    await eventually(async () => /7 comments, 46 signatories/.test((await t.client().get(path)).text));
  });

  it('a group page shows what each member added, marked in words, paged; bad input is a 4xx', async () => {
    const { base, key } = await scene();
    const r = await t.client().get(`/en${base}/clusters/${key}`);
    assert.equal(r.status, 200);
    assertEscaped(r.text);
    assert.match(r.text, /<ins><span class="visually-hidden" lang="en">\[added: <\/span>/);
    assert.match(r.text, /My own point 1/);
    assert.match(r.text, /Same as the common text/);
    assert.equal((await t.client().get(`/en${base}/clusters/999999999`)).status, 404);
    assert.equal((await t.client().get(`/en${base}/clusters/${key}?page=abc`)).status, 400);
    assert.equal((await t.client().get(`/en${base}/clusters/${key}?page=9`)).status, 404);
    assert.equal((await t.client().get(`/en/p/nope/input/1/clusters`)).status, 404);
  });
});

describe('disposition register', () => {
  it('only for those who answer: anonymous must sign in, a participant is refused', async () => {
    const { s, base } = await scene();
    const anon = await t.client().get(`/en${base}/dispositions`);
    assert.ok([401, 303].includes(anon.status), String(anon.status));
    const p = await makeParticipant(t.deps, s.process);
    const other = await clientFor(p.actor.userId);
    assert.equal((await other.get(`/en${base}/dispositions`)).status, 403);
    assert.equal((await other.post(`/en${base}/dispositions/comment/1`, { kind: 'accepted' })).status, 403);
  });

  it('answers a group once (members inherit), a member on its own, requires a reason when not accepted, shows progress and filters', async () => {
    const { base, key, ids, staff } = await scene();
    let r = await staff.get(`/en${base}/dispositions`);
    assert.equal(r.status, 200);
    assertEscaped(r.text);
    assert.match(r.text, /0 of 8 comments answered/);

    r = await staff.post(`/en${base}/dispositions/group/${key}`, { kind: 'not-accepted', reasonEn: ' ', reasonFr: '' });
    assert.equal(r.status, 422);
    assert.match(r.text, /Say why it was not accepted/);
    r = await staff.post(`/en${base}/dispositions/group/${key}`, { kind: 'maybe' });
    assert.equal(r.status, 422);
    r = await staff.post(`/en${base}/dispositions/group/${key}`, { kind: 'accepted', changedVersion: '99' });
    assert.equal(r.status, 422);
    assert.match(r.text, /There is no such version/);
    r = await staff.post(`/en${base}/dispositions/group/${key}`, {
      kind: 'partly-accepted',
      reasonEn: `Partly ${XSS}`,
      reasonFr: 'En partie',
      changedVersion: '',
      changedAnchor: '',
    });
    assert.equal(r.status, 303);
    r = await staff.post(`/en${base}/dispositions/comment/${ids[1]}`, { kind: 'not-accepted', reasonFr: `Hors mandat ${XSS}` });
    assert.equal(r.status, 303);

    r = await staff.get(`/en${base}/dispositions`);
    assertEscaped(r.text);
    assert.match(r.text, /6 of 8 comments answered/);
    assert.match(r.text, /Partly accepted/);
    assert.match(r.text, /1 answered on their own/);
    r = await staff.get(`/en${base}/dispositions?show=unanswered`);
    assert.doesNotMatch(r.text, new RegExp(`id="group-${key}"`));
    assert.match(r.text, new RegExp(`id="comment-${ids[6]}"`));
    r = await staff.get(`/en${base}/dispositions?kind=not-accepted`);
    assert.match(r.text, new RegExp(`id="comment-${ids[1]}"`));
    assert.doesNotMatch(r.text, new RegExp(`id="comment-${ids[6]}"`));
    r = await staff.get(`/en${base}/dispositions?anchor=p5`);
    assert.match(r.text, new RegExp(`id="comment-${ids[6]}"`));
    assert.doesNotMatch(r.text, new RegExp(`id="group-${key}"`));
    assert.equal((await staff.get(`/en${base}/dispositions?show=bogus`)).status, 400);
    assert.equal((await staff.get(`/en${base}/dispositions?anchor=<x>`)).status, 400);
    assert.equal((await staff.get(`/en${base}/dispositions/comment/999999999`)).status, 404);

    const form = await staff.get(`/fr${base}/dispositions/comment/${ids[2]}`);
    assert.equal(form.status, 200);
    assert.match(form.text, /celle de son groupe/);
    const audit = await t.db.selectFrom('auditEvents').select('action').where('action', '=', 'public-comment.disposition').execute();
    assert.ok(audit.length >= 2);
  });

  it('a disposition left on a former group stays on record in the register', async () => {
    const { s, base, ids, staff } = await scene();
    await t.db
      .insertInto('commentDispositions')
      .values({ periodId: s.periodId, clusterKey: ids[6]!, kind: 'out-of-scope', reason: JSON.stringify({ en: `Gone ${XSS}` }), decidedAt: t.clock.now() })
      .execute();
    const r = await staff.get(`/en${base}/dispositions`);
    assertEscaped(r.text);
    assert.match(r.text, new RegExp(`Former group of comment ${ids[6]}: Out of scope`));
  });

  it('refuses a form without its CSRF token', async () => {
    const { base, key, staff } = await scene();
    const r = await staff.post(`/en${base}/dispositions/group/${key}`, { kind: 'accepted' }, { csrf: null });
    assert.equal(r.status, 403);
  });
});

describe('what we heard', () => {
  it('publishing waits for the period to close', async () => {
    const { base, staff } = await scene();
    const draft = await staff.get(`/en${base}/what-we-heard/draft`);
    assert.equal(draft.status, 200);
    assert.match(draft.text, /still open/);
    const r = await staff.post(`/en${base}/what-we-heard/publish`);
    assert.equal(r.status, 409);
    assert.equal((await t.client().get(`/en${base}/what-we-heard/draft`)).status === 200, false);
  });

  it('a closed period: draft, publish, public in EN and FR with captioned tables; republishing keeps earlier editions', async () => {
    const { base, staff, key } = await scene({ closed: true });
    await staff.post(`/en${base}/dispositions/group/${key}`, { kind: 'accepted', reasonEn: `Yes ${XSS}` });
    const none = await t.client().get(`/en${base}/what-we-heard`);
    assert.equal(none.status, 200);
    assert.match(none.text, /Not published yet/);
    let r = await staff.post(`/en${base}/what-we-heard/publish`);
    assert.equal(r.status, 303);
    const first = r.location!;
    await eventually(async () => !/Not published yet/.test((await t.client().get(`/en${base}/what-we-heard`)).text));
    const pub = await t.client().get(`/en${base}/what-we-heard`);
    assert.equal(pub.status, 200);
    assertEscaped(pub.text);
    assert.match(pub.text, /<caption>Comments by stakeholder category<\/caption>/);
    assert.match(pub.text, /<caption>Comments by section of the document<\/caption>/);
    assert.match(pub.text, /<caption>Every disposition<\/caption>/);
    assert.match(pub.text, /8 comments from 47 signatories/);
    assert.match(pub.text, /Government/);
    const fr = await t.client().get(`/fr${base}/what-we-heard`);
    assert.match(fr.text, /Commentaires par catégorie de parties prenantes/);
    assert.match(fr.text, /Retenu/);

    await staff.post(`/en${base}/dispositions/group/${key}`, { kind: 'out-of-scope' });
    t.clock.advance?.(60_000);
    r = await staff.post(`/en${base}/what-we-heard/publish`);
    assert.equal(r.status, 303);
    await eventually(async () => /Out of scope/.test((await t.client().get(`/en${base}/what-we-heard`)).text));
    const latest = await t.client().get(`/en${base}/what-we-heard`);
    assert.equal((latest.text.match(/Edition of/g) ?? []).length, 2);
    const old = await t.client().get(first.replace('http://concert.test', ''));
    assert.match(old.text, /Accepted/);
    assert.doesNotMatch(old.text, /Out of scope<\/td>/);
    assert.equal((await t.client().get(`/en${base}/what-we-heard?edition=x`)).status, 400);
    assert.equal((await t.client().get(`/en${base}/what-we-heard?edition=999999`)).status, 404);
  });
});
