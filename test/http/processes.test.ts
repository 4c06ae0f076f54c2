import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../support/app.ts';
import { XSS, assertEscaped, makeProcess } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const fullForm = (slug: string) => ({
  slug,
  lang_en: 'on',
  lang_fr: 'on',
  title_en: `IoT ${XSS}`,
  title_fr: `IdO ${XSS}`,
  summary_en: 'Summary',
  summary_fr: 'Résumé',
  scope_en: 'Scope',
  scope_fr: 'Portée',
  convenerName_en: 'Convener',
  convenerName_fr: 'Organisateur',
  timeZone: 'America/Toronto',
});

describe('starting and publishing a process', () => {
  it('only a convener/admin may start a process', async () => {
    assert.equal((await t.client().get('/en/processes/new')).status, 401);
    const { client } = await t.userClient();
    assert.equal((await client.get('/en/processes/new')).status, 403);
    assert.equal((await client.post('/en/processes/new', fullForm('nope'))).status, 403);
  });

  it('creates a draft, refuses to publish it incomplete, publishes it complete; all in the activity log', async () => {
    const { client } = await t.userClient({ isAdmin: true, name: 'Convener A' });
    assert.equal((await client.get('/en/processes/new')).status, 200);
    const form = { ...fullForm('flow-1'), summary_fr: '' };
    const r = await client.post('/en/processes/new', form);
    assert.equal(r.status, 303);
    assert.equal(r.location, '/en/p/flow-1');
    const page = await client.get('/en/p/flow-1');
    assert.match(page.text, /This process is a draft/);
    assert.match(page.text, /Summary: missing in French/);
    assertEscaped(page.text);
    // The publish button is absent, and a forged publish does nothing.
    assert.doesNotMatch(page.text, /Publish the process/);
    await client.post('/en/p/flow-1/publish');
    assert.equal((await t.client().get('/en/p/flow-1')).status, 404);
    // Complete it, then publish.
    assert.equal((await client.post('/en/p/flow-1/edit', { ...fullForm(''), summary_fr: 'Résumé' })).status, 303);
    assert.match((await client.get('/en/p/flow-1')).text, /Publish the process/);
    assert.equal((await client.post('/en/p/flow-1/publish')).status, 303);
    const pub = await t.client().get('/fr/p/flow-1');
    assert.equal(pub.status, 200);
    assert.match(pub.text, /IdO &lt;script&gt;/);
    const log = await t.client().get('/en/p/flow-1/activity');
    assert.match(log.text, /Convener A<\/strong> created the process/);
    assert.match(log.text, /published the process/);
    assert.match(log.text, /edited the process description/);
  });

  it('bad input: each field gets its own error, 422, nothing saved', async () => {
    const { client } = await t.userClient({ isAdmin: true });
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ...fullForm('Bad Slug!') }, /id="f-slug-error"/],
      [{ ...fullForm('ok-1'), timeZone: 'Mars/Olympus' }, /id="f-timeZone-error"/],
      [{ ...fullForm('ok-2'), title_en: '', title_fr: '' }, /Give the process a title/],
      [{ ...fullForm('ok-3'), lang_en: '', lang_fr: '' }, /Choose at least one official language/],
      [{ ...fullForm('ok-4'), title_en: 'x'.repeat(201) }, /Use at most 200 characters/],
    ];
    for (const [form, error] of cases) {
      const r = await client.post('/en/processes/new', form);
      assert.equal(r.status, 422, JSON.stringify(form).slice(0, 80));
      assert.match(r.text, error);
      assertEscaped(r.text);
    }
    assert.equal(await t.db.selectFrom('processes').select('id').where('slug', 'like', 'ok-%').executeTakeFirst(), undefined);
  });

  it('a taken address is refused next to the field', async () => {
    const { client } = await t.userClient({ isAdmin: true });
    assert.equal((await client.post('/en/processes/new', fullForm('twice'))).status, 303);
    const r = await client.post('/fr/processes/new', fullForm('twice'));
    assert.equal(r.status, 422);
    assert.match(r.text, /Un autre processus utilise déjà cette adresse/);
  });

  it('a published process cannot lose a translation', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const { client } = await t.userClient({ isAdmin: true });
    void convener;
    const r = await client.post(`/en/p/${process.slug}/edit`, { ...fullForm(''), scope_fr: '' });
    assert.equal(r.status, 422);
    assert.match(r.text, /id="f-scope_fr-error"/);
  });

  it('only conveners edit; others get 403, the public a sign-in page', async () => {
    const { process } = await makeProcess(t.deps);
    assert.equal((await t.client().get(`/en/p/${process.slug}/edit`)).status, 401);
    const { client } = await t.userClient();
    assert.equal((await client.get(`/en/p/${process.slug}/edit`)).status, 403);
    assert.equal((await client.post(`/en/p/${process.slug}/edit`, fullForm(''))).status, 403);
    assert.equal((await client.post(`/en/p/${process.slug}/settings`, {})).status, 403);
    assert.equal((await client.post(`/en/p/${process.slug}/rules`, {})).status, 403);
    assert.equal((await client.post(`/en/p/${process.slug}/phases`, {})).status, 403);
  });
});

describe('settings, rules and timeline', () => {
  it('settings: categories as lines, validated', async () => {
    const { client, actor } = await t.userClient({ isAdmin: true });
    const { process } = await makeProcess(t.deps, { convener: actor });
    const base = `/en/p/${process.slug}/settings`;
    assert.match((await client.get(base)).text, /technical-community \| Technical community \| Communauté technique/);
    const good = {
      categories: 'industry | Industry | Industrie\nother | Other | Autre',
      bodyTypes: 'wg | Working group | Groupe de travail',
      quietHours: '48',
      almostNonePercent: '0',
      almostNoneMax: '0',
    };
    assert.equal((await client.post(base, good)).status, 303);
    assert.match((await t.client().get(`/en/p/${process.slug}`)).text, /requires that nobody cannot live with a decision/);
    for (const [bad, error] of [
      [{ ...good, categories: 'industry Industry' }, /Line 1 must read/],
      [{ ...good, categories: 'a | A | A\na | B | B' }, /Each key must appear only once/],
      [{ ...good, categories: 'a | A |' }, /Every label needs every official language/],
      [{ ...good, quietHours: 'many' }, /Enter a whole number/],
      [{ ...good, almostNonePercent: '99' }, /at most 50/],
    ] as const) {
      const r = await client.post(base, bad);
      assert.equal(r.status, 422);
      assert.match(r.text, error);
    }
  });

  it('rules: a new version; both languages line by line; participants see the history', async () => {
    const { client, actor } = await t.userClient({ isAdmin: true });
    const { process } = await makeProcess(t.deps, { convener: actor });
    const base = `/en/p/${process.slug}/rules`;
    const form = {
      rules_en: 'Be kind\nBe brief',
      rules_fr: 'Soyez gentils\nSoyez brefs',
      criteria_en: 'No one argues',
      criteria_fr: 'Personne ne conteste',
      note_en: 'Shorter',
      note_fr: 'Plus court',
      adoptedOn: '2026-03-01',
    };
    assert.equal((await client.post(base, { ...form, rules_fr: 'Soyez gentils' })).status, 422);
    assert.equal((await client.post(base, { ...form, adoptedOn: '2026-02-31' })).status, 422);
    const r = await client.post(base, form);
    assert.equal(r.status, 303);
    const page = await t.client().get(`/fr/p/${process.slug}/rules`);
    assert.match(page.text, /Version 2/);
    assert.match(page.text, /Soyez brefs/);
    assert.match(page.text, /Versions antérieures/);
    assert.equal((await client.post(base, form)).status, 422); // unchanged
  });

  it('timeline: add, edit, remove phases; slippage shown in words', async () => {
    const { client, actor } = await t.userClient({ isAdmin: true });
    const { process } = await makeProcess(t.deps, { convener: actor });
    const base = `/en/p/${process.slug}`;
    const phase = {
      kind: 'phase',
      name_en: 'Drafting',
      name_fr: 'Rédaction',
      plannedStart: '2026-01-01',
      plannedEnd: '2026-02-01',
      bufferDays: '10',
      actualEnd: '',
      forecastEnd: '2026-02-20',
    };
    assert.equal((await client.post(`${base}/phases`, phase)).status, 303);
    const tl = await t.client().get(`${base}/timeline`);
    assert.match(tl.text, /19 days late, beyond the buffer/);
    const id = (await t.db.selectFrom('phases').select('id').where('processId', '=', process.id).executeTakeFirstOrThrow()).id;
    assert.match((await client.get(`${base}/timeline?edit=${id}`)).text, /value="Rédaction"/);
    assert.equal((await client.post(`${base}/phases/${id}`, { ...phase, forecastEnd: '2026-02-05' })).status, 303);
    assert.match((await t.client().get(`/fr${base.slice(3)}/timeline`)).text, /4 jours de retard, dans la marge/);
    for (const [bad, error] of [
      [{ ...phase, plannedEnd: '2025-01-01' }, /The end cannot come before the start/],
      [{ ...phase, kind: 'milestone' }, /A milestone is a single day/],
      [{ ...phase, plannedStart: 'soon' }, /Enter a date as YYYY-MM-DD/],
      [{ ...phase, bufferDays: '-1' }, /at least 0/],
      [{ ...phase, name_fr: '' }, /This field is required/],
      [{ ...phase, kind: 'era' }, /Choose one of the options/],
    ] as const) {
      const r = await client.post(`${base}/phases`, bad);
      assert.equal(r.status, 422, JSON.stringify(bad));
      assert.match(r.text, error);
    }
    assert.equal((await client.post(`${base}/phases/999999`, phase)).status, 404);
    assert.equal((await client.post(`${base}/phases/${id}/remove`)).status, 303);
    assert.match((await t.client().get(`${base}/activity`)).text, /removed a phase from the timeline/);
  });
});
