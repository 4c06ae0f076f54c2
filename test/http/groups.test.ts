import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { testApp, type TestApp, Client } from '../support/app.ts';
import { XSS, assertEscaped, makeBody, makeParticipant, makeProcess } from '../support/factories.ts';

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

describe('bodies and working groups', () => {
  it('the convener creates a body; bad input is refused field by field', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const c = await clientFor(convener.userId);
    const base = `/en/p/${process.slug}/bodies/new`;
    assert.equal((await c.get(base)).status, 200);
    const form = {
      typeKey: 'working-group',
      name_en: `Device Labeling ${XSS}`,
      name_fr: 'Étiquetage',
      slug: '',
      charter_en: 'Scope',
      charter_fr: 'Portée',
      membershipPolicy: 'self-select',
    };
    for (const [bad, error] of [
      [{ ...form, typeKey: 'guild' }, /Choose one of the body types/],
      [{ ...form, name_en: '', name_fr: '' }, /Give the body a name/],
      [{ ...form, charter_fr: '' }, /give the name and charter in every official language/],
      [{ ...form, membershipPolicy: 'lottery' }, /Choose one of the options/],
      [{ ...form, slug: 'Not A Slug' }, /lower-case letters/],
    ] as const) {
      const r = await c.post(base, bad);
      assert.equal(r.status, 422, JSON.stringify(bad).slice(0, 80));
      assert.match(r.text, error);
      assertEscaped(r.text);
    }
    const r = await c.post(base, form);
    assert.equal(r.status, 303);
    assert.equal(r.location, `/en/p/${process.slug}/bodies/device-labeling-script-alert-1-script`);
    assert.equal((await c.post(base, form)).status, 422); // same slug
    const { client: other } = await t.userClient();
    assert.equal((await other.post(base, { ...form, slug: 'x' })).status, 403);
  });

  it('participants self-select into working groups; the balance view counts them; everything is logged', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const slug = await makeBody(t.deps, process, convener, { policy: 'self-select' });
    const page = `/en/p/${process.slug}/bodies/${slug}`;
    const a = await makeParticipant(t.deps, process, { category: 'industry' });
    const b = await makeParticipant(t.deps, process, { category: 'government', interests: 'Works for a ministry' });
    const ca = await clientFor(a.actor.userId);
    const cb = await clientFor(b.actor.userId);
    assert.match((await ca.get(page)).text, /Join as a member/);
    assert.equal((await ca.post(`${page}/join`, { role: 'member' })).status, 303);
    assert.equal((await ca.post(`${page}/join`, { role: 'member' })).status, 409);
    assert.equal((await cb.post(`${page}/join`, { role: 'observer' })).status, 303);
    const view = await t.client().get(page);
    assert.match(view.text, /<th scope="row">Industry <\/th>\s*<td class="num">1<\/td>\s*<td class="num">100%<\/td>/);
    assert.match(view.text, /6 categories have no member/);
    assert.match(view.text, /Works for a ministry/);
    assert.match(view.text, /role="img"/);
    assertEscaped(view.text);
    const fr = await t.client().get(`/fr/p/${process.slug}/bodies/${slug}`);
    assert.match(fr.text, /100\s?%/);
    assert.equal((await ca.post(`${page}/leave`)).status, 303);
    assert.equal((await ca.post(`${page}/leave`)).status, 409);
    const log = await t.client().get(`/en/p/${process.slug}/activity`);
    assert.match(log.text, /joined a body/);
    assert.match(log.text, /left a body/);
  });

  it('a participant who has not accepted the current rules cannot join', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const slug = await makeBody(t.deps, process, convener);
    const p = await makeParticipant(t.deps, process);
    const { reviseRules } = await import('../../src/capabilities/processes/index.ts');
    await reviseRules(t.deps, convener, process, { rules: [{ en: 'R', fr: 'R' }], consensusCriteria: [{ en: 'C', fr: 'C' }], note: {}, adoptedOn: null });
    const c = await clientFor(p.actor.userId);
    const r = await c.post(`/en/p/${process.slug}/bodies/${slug}/join`, { role: 'member' });
    assert.equal(r.status, 409);
    assert.match(r.text, /Accept the current rules of engagement/);
  });

  it('appointed bodies: only the convener appoints; roles change and are logged; members can be removed', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const slug = await makeBody(t.deps, process, convener, { policy: 'appointed' });
    const page = `/en/p/${process.slug}/bodies/${slug}`;
    const p = await makeParticipant(t.deps, process, { category: 'academia' });
    const cp = await clientFor(p.actor.userId);
    assert.equal((await cp.post(`${page}/join`, { role: 'member' })).status, 409);
    assert.equal((await cp.post(`${page}/members`, { participantId: String(p.participantId), role: 'member' })).status, 403);
    const cc = await clientFor(convener.userId);
    assert.equal((await cc.post(`${page}/members`, { participantId: 'abc', role: 'member' })).status, 422);
    assert.equal((await cc.post(`${page}/members`, { participantId: '999999', role: 'member' })).status, 422);
    assert.equal((await cc.post(`${page}/members`, { participantId: String(p.participantId), role: 'chair-for-life' })).status, 422);
    assert.equal((await cc.post(`${page}/members`, { participantId: String(p.participantId), role: 'member' })).status, 303);
    assert.equal((await cc.post(`${page}/members`, { participantId: String(p.participantId), role: 'member' })).status, 422);
    assert.equal((await cc.post(`${page}/members`, { participantId: String(p.participantId), role: 'facilitator' })).status, 303);
    assert.match((await cp.get(page)).text, /You are a facilitator of this body/);
    assert.equal((await cc.post(`${page}/members/${p.participantId}/remove`)).status, 303);
    assert.equal((await cc.post(`${page}/members/${p.participantId}/remove`)).status, 409);
    const log = await t.client().get(`/en/p/${process.slug}/activity`);
    assert.match(log.text, /appointed a member to a body/);
    assert.match(log.text, /changed a role in a body/);
    assert.match(log.text, /removed a member from a body/);
  });

  it('closing and reopening a body; a closed body takes no new members', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const slug = await makeBody(t.deps, process, convener, { policy: 'open' });
    const page = `/en/p/${process.slug}/bodies/${slug}`;
    const cc = await clientFor(convener.userId);
    assert.equal((await cc.post(`${page}/status`, { status: 'archived' })).status, 400);
    assert.equal((await cc.post(`${page}/status`, { status: 'closed' })).status, 303);
    assert.match((await t.client().get(page)).text, /This body is closed/);
    const p = await makeParticipant(t.deps, process);
    assert.equal((await (await clientFor(p.actor.userId)).post(`${page}/join`, { role: 'member' })).status, 409);
    assert.equal((await cc.post(`${page}/status`, { status: 'active' })).status, 303);
    const { client } = await t.userClient();
    assert.equal((await client.post(`${page}/status`, { status: 'closed' })).status, 403);
  });

  it('edit: the convener edits the charter of a committee, and every version is kept; a non-convener cannot', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const slug = await makeBody(t.deps, process, convener, { typeKey: 'oversight-committee', policy: 'appointed' });
    const page = `/en/p/${process.slug}/bodies/${slug}`;
    const cc = await clientFor(convener.userId);
    assert.equal((await cc.get(`${page}/edit`)).status, 200);
    const form = { typeKey: 'oversight-committee', name_en: 'Renamed', name_fr: 'Renommé', charter_en: 'New scope', charter_fr: 'Nouvelle portée', membershipPolicy: 'appointed' };
    assert.equal((await cc.post(`${page}/edit`, { ...form, name_fr: '' })).status, 422);
    assert.equal((await cc.post(`${page}/edit`, form)).status, 303);
    const fr = await t.client().get(`/fr/p/${process.slug}/bodies/${slug}`);
    assert.match(fr.text, /Nouvelle portée/);
    assert.match(fr.text, /Versions antérieures du mandat/);
    assert.match(fr.text, /Version 1, .*le mandat initial de l’instance/);
    assert.match(fr.text, /Version 2, .*modifié par l’organisateur/);
    assertEscaped(fr.text);
    const { client } = await t.userClient();
    assert.equal((await client.get(`${page}/edit`)).status, 403);
    assert.equal((await t.client().get(`/en/p/${process.slug}/bodies/nope`)).status, 404);
  });

  it('a working group’s charter is not edited once the process is public: it changes by the group’s consensus', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const slug = await makeBody(t.deps, process, convener);
    const page = `/en/p/${process.slug}/bodies/${slug}`;
    const cc = await clientFor(convener.userId);
    const edit = await cc.get(`${page}/edit`);
    assert.match(edit.text, /changes only through a proposal the group decides by consensus/);
    assert.doesNotMatch(edit.text, /<textarea[^>]*name="charter_en"/);
    assertEscaped(edit.text);
    const base = { typeKey: 'working-group', name_en: 'Renamed', name_fr: 'Renommé', charter_en: `Body ${XSS}`, charter_fr: `Body (fr) ${XSS}`, membershipPolicy: 'self-select' };
    // The same charter (as the form sends it back) with a new name is fine.
    const { bodyBySlug } = await import('../../src/capabilities/groups/index.ts');
    const body = (await bodyBySlug(t.db, process.id, slug))!;
    assert.equal((await cc.post(`${page}/edit`, { ...base, charter_en: body.charter.en!, charter_fr: body.charter.fr! })).status, 303);
    for (const attempt of [
      { ...base, charter_en: 'A wider scope', charter_fr: 'Une portée plus large' },
      { ...base, typeKey: 'oversight-committee', charter_en: 'A wider scope', charter_fr: 'Une portée plus large' },
    ]) {
      const r = await cc.post(`${page}/edit`, attempt);
      assert.equal(r.status, 422);
      assert.match(r.text, /changes only through a proposal its members decide by consensus/);
    }
    assert.doesNotMatch((await t.client().get(page)).text, /A wider scope/);
  });
});
