import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { reviseRules } from '../../src/capabilities/processes/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { XSS, assertEscaped, makeProcess } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const joinForm = {
  displayName: `Ana ${XSS}`,
  category: 'academia',
  categoryOther: '',
  affiliation: `Uni ${XSS}`,
  representation: 'self',
  organization: '',
  rulesVersion: '1',
  acceptRules: 'on',
  hasInterests: 'yes',
  declarationText: `Consultant ${XSS}`,
};

describe('joining a process', () => {
  it('anonymous visitors are sent to sign in; the page offers "Sign in to join"', async () => {
    const { process } = await makeProcess(t.deps);
    assert.match((await t.client().get(`/en/p/${process.slug}`)).text, /Sign in to join/);
    assert.equal((await t.client().get(`/en/p/${process.slug}/join`)).status, 401);
  });

  it('join: self-identify, accept the rules, declare; all public and in the log', async () => {
    const { process } = await makeProcess(t.deps);
    const { client } = await t.userClient({ name: 'Ana' });
    const form = await client.get(`/fr/p/${process.slug}/join`);
    assert.equal(form.status, 200);
    assert.match(form.text, /J’accepte les règles de participation \(version 1\)/);
    const r = await client.post(`/fr/p/${process.slug}/join`, joinForm);
    assert.equal(r.status, 303);
    assert.equal(r.location, `/fr/p/${process.slug}`);
    const page = await client.get(`/en/p/${process.slug}`);
    assert.match(page.text, /You take part as Ana &lt;script&gt;/);
    const list = await t.client().get(`/en/p/${process.slug}/participants`);
    assert.match(list.text, /Consultant &lt;script&gt;/);
    assertEscaped(list.text);
    const log = await t.client().get(`/en/p/${process.slug}/activity`);
    for (const words of ['joined the process', 'accepted the rules of engagement', 'made a conflict-of-interest declaration']) assert.match(log.text, new RegExp(words));
    // Joining twice goes to the participation page instead.
    const again = await client.post(`/en/p/${process.slug}/join`, joinForm);
    assert.equal(again.location, `/en/p/${process.slug}/me`);
  });

  it('bad input on the join form: every field', async () => {
    const { process } = await makeProcess(t.deps);
    const { client } = await t.userClient();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ...joinForm, displayName: '' }, /id="f-displayName-error"/],
      [{ ...joinForm, category: 'aliens' }, /Choose one of the categories/],
      [{ ...joinForm, category: 'other', categoryOther: '' }, /Describe your category/],
      [{ ...joinForm, representation: 'organization', organization: '' }, /Name the organization you speak for/],
      [{ ...joinForm, representation: 'everyone' }, /id="f-representation-error"/],
      [{ ...joinForm, acceptRules: '' }, /Please accept the rules of engagement/],
      [{ ...joinForm, hasInterests: '' }, /id="f-hasInterests-error"/],
      [{ ...joinForm, declarationText: '' }, /Describe your interests, or choose/],
      [{ ...joinForm, rulesVersion: 'x' }, /id="f-rulesVersion-error"|There is a problem/],
      [{ ...joinForm, affiliation: 'a'.repeat(201) }, /Use at most 200 characters/],
    ];
    for (const [form, error] of cases) {
      const r = await client.post(`/en/p/${process.slug}/join`, form);
      assert.equal(r.status, 422, JSON.stringify(form).slice(0, 100));
      assert.match(r.text, error);
      assertEscaped(r.text);
    }
    const n = await t.db.selectFrom('participants').select('id').where('processId', '=', process.id).execute();
    assert.equal(n.length, 0);
  });

  it('accepting an outdated version of the rules is refused', async () => {
    const { process, convener } = await makeProcess(t.deps);
    await reviseRules(t.deps, convener, process, { rules: [{ en: 'New', fr: 'Nouveau' }], consensusCriteria: [{ en: 'C', fr: 'C' }], note: {}, adoptedOn: null });
    const { client } = await t.userClient();
    const r = await client.post(`/en/p/${process.slug}/join`, joinForm);
    assert.equal(r.status, 422);
    assert.match(r.text, /Please accept the rules of engagement/);
    assert.equal((await client.post(`/en/p/${process.slug}/join`, { ...joinForm, rulesVersion: '2' })).status, 303);
  });
});

describe('your participation: history stays public', () => {
  it('profile changes, new declarations and new rules are versioned', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const { client } = await t.userClient();
    await client.post(`/en/p/${process.slug}/join`, { ...joinForm, hasInterests: 'no', declarationText: '' });
    const me = `/en/p/${process.slug}/me`;
    assert.equal((await client.get(me)).status, 200);
    const profile = { displayName: 'Ana B', category: 'industry', categoryOther: '', affiliation: 'Acme', representation: 'organization', organization: 'Acme Inc' };
    assert.equal((await client.post(me, profile)).status, 303);
    assert.match((await client.post(me, profile)).location ?? '', /\/me$/); // unchanged: flash only
    assert.equal((await client.post(me, { ...profile, organization: '' })).status, 422);
    assert.equal((await client.post(`${me}/declaration`, { hasInterests: 'no', declarationText: '' })).status, 422); // unchanged
    assert.equal((await client.post(`${me}/declaration`, { hasInterests: 'yes', declarationText: '' })).status, 422);
    assert.equal((await client.post(`${me}/declaration`, { hasInterests: 'maybe' })).status, 422);
    assert.equal((await client.post(`${me}/declaration`, { hasInterests: 'yes', declarationText: 'Advisor to Acme' })).status, 303);
    const pid = (await t.db.selectFrom('participants').select('id').where('processId', '=', process.id).executeTakeFirstOrThrow()).id;
    const pub = await t.client().get(`/en/p/${process.slug}/participants/${pid}`);
    assert.match(pub.text, /Advisor to Acme/);
    assert.match(pub.text, /No conflict of interest declared/);
    assert.match(pub.text, /Earlier self-identification/);
    assert.match(pub.text, /on behalf of Acme Inc/);
    // New rules: the participant is asked to accept them.
    await reviseRules(t.deps, convener, process, { rules: [{ en: 'New', fr: 'Nouveau' }], consensusCriteria: [{ en: 'C', fr: 'C' }], note: {}, adoptedOn: null });
    assert.match((await client.get(me)).text, /The rules of engagement have changed/);
    assert.match((await client.get(`/en/p/${process.slug}`)).text, /accept the current rules of engagement/);
    assert.equal((await client.post(`${me}/rules`, { version: '1' })).status, 409);
    assert.equal((await client.post(`${me}/rules`, { version: '2' })).status, 303);
    assert.doesNotMatch((await client.get(me)).text, /The rules of engagement have changed/);
  });

  it('someone who has not joined has no participation page; unknown participants are 404', async () => {
    const { process } = await makeProcess(t.deps);
    const { client } = await t.userClient();
    assert.equal((await client.get(`/en/p/${process.slug}/me`)).status, 404);
    assert.equal((await client.post(`/en/p/${process.slug}/me/declaration`, { hasInterests: 'no' })).status, 404);
    assert.equal((await t.client().get(`/en/p/${process.slug}/participants/999999`)).status, 404);
    assert.equal((await t.client().get(`/en/p/${process.slug}/participants/abc`)).status, 404);
  });
});
