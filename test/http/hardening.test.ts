import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { reviseRules } from '../../src/capabilities/processes/index.ts';
import { createProcess, findProcessBySlug } from '../../src/capabilities/processes/index.ts';
import { createBody } from '../../src/capabilities/groups/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { makeProcess, makeUser } from '../support/factories.ts';
import { linkIn } from '../support/smtp.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ env: { TRUST_PROXY: 'true' } });
});
after(() => t.close());

async function signedIn(userId: number) {
  const c = t.client();
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

describe('input PostgreSQL cannot store is refused, not a 500', () => {
  it('NUL and other control characters in text; year 0000 in dates', async () => {
    const { client } = await t.userClient();
    const r = await client.post('/en/account', { name: 'a\u0000b', locale: 'en' });
    assert.equal(r.status, 422);
    assert.match(r.text, /This value is not valid/);
    const { process, convener } = await makeProcess(t.deps);
    const c = await signedIn(convener.userId);
    const phase = { kind: 'phase', name_en: 'P', name_fr: 'P', plannedStart: '0000-01-01', plannedEnd: '2026-01-02', bufferDays: '0', actualEnd: '', forecastEnd: '' };
    assert.equal((await c.post(`/en/p/${process.slug}/phases`, phase)).status, 422);
    const rules = { rules_en: 'a', rules_fr: 'a', criteria_en: 'c', criteria_fr: 'c', note_en: '', note_fr: '', adoptedOn: '0000-12-31' };
    assert.equal((await c.post(`/en/p/${process.slug}/rules`, rules)).status, 422);
    const join = {
      displayName: '\u0000x',
      category: 'academia',
      categoryOther: '',
      affiliation: '',
      representation: 'self',
      organization: '',
      rulesVersion: '1',
      acceptRules: 'on',
      hasInterests: 'no',
      declarationText: '',
    };
    const p = await t.userClient();
    assert.equal((await p.client.post(`/en/p/${process.slug}/join`, join)).status, 422);
  });
});

describe('the per-IP limit cannot be dodged by a forged X-Forwarded-For', () => {
  it('only the address our proxy appended counts', async () => {
    const c = t.client();
    let last = 0;
    for (let i = 0; i <= 30; i++) {
      last = (await c.post('/en/sign-in', { email: `xff${i}@example.org` }, { headers: { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` } })).status;
    }
    assert.equal(last, 429);
  });
});

describe('publishing requires every text in every official language, not only the description', () => {
  it('a body without French blocks publication, and is named in the notice', async () => {
    const convener = await makeUser(t.deps, { isAdmin: true });
    await createProcess(t.deps, convener, 'gap-test', {
      title: { en: 'T', fr: 'T' },
      summary: { en: 'S', fr: 'S' },
      scope: { en: 'S', fr: 'S' },
      convenerName: { en: 'C', fr: 'C' },
      officialLanguages: ['en', 'fr'],
      timeZone: 'UTC',
    });
    const process = (await findProcessBySlug(t.db, 'gap-test'))!;
    await createBody(t.deps, convener, process, 'wg', { typeKey: 'working-group', name: { en: 'Labels' }, charter: { en: 'Scope' }, membershipPolicy: 'open' });
    const c = await signedIn(convener.userId);
    const page = await c.get('/en/p/gap-test');
    assert.match(page.text, /Name of the body “Labels”: missing in French/);
    assert.match(page.text, /Charter of “Labels”: missing in French/);
    assert.doesNotMatch(page.text, /Publish the process/);
    await c.post('/en/p/gap-test/publish');
    assert.equal((await findProcessBySlug(t.db, 'gap-test'))!.status, 'draft');
  });

  it('an English-only process works in English only; adding French needs every text in French first', async () => {
    const convener = await makeUser(t.deps, { isAdmin: true });
    const c = await signedIn(convener.userId);
    const form = {
      slug: 'english-only',
      lang_en: 'on',
      lang_fr: '',
      title_en: 'T',
      title_fr: '',
      summary_en: 'S',
      summary_fr: '',
      scope_en: 'S',
      scope_fr: '',
      convenerName_en: 'C',
      convenerName_fr: '',
      timeZone: 'UTC',
    };
    assert.equal((await c.post('/en/processes/new', form)).status, 303);
    const phase = { kind: 'phase', name_en: 'Drafting', name_fr: '', plannedStart: '2026-01-01', plannedEnd: '2026-02-01', bufferDays: '0', actualEnd: '', forecastEnd: '' };
    assert.equal((await c.post('/en/p/english-only/phases', phase)).status, 303);
    const rules = { rules_en: 'Be kind', rules_fr: '', criteria_en: 'No one argues', criteria_fr: '', note_en: '', note_fr: '', adoptedOn: '' };
    assert.equal((await c.post('/en/p/english-only/rules', rules)).status, 303);
    // The default categories have French labels; the rules and the phase do not.
    const settings = {
      categories: 'industry | Industry |\nacademia | Academia |',
      bodyTypes: 'wg | Working group |',
      quietHours: '72',
      almostNonePercent: '5',
      almostNoneMax: '2',
    };
    assert.equal((await c.post('/en/p/english-only/settings', settings)).status, 303);
    assert.equal((await c.post('/en/p/english-only/publish')).status, 303);
    assert.equal((await findProcessBySlug(t.db, 'english-only'))!.status, 'published');
    const addFrench = await c.post('/en/p/english-only/edit', { ...form, lang_fr: 'on', title_fr: 'T', summary_fr: 'S', scope_fr: 'S', convenerName_fr: 'C' });
    assert.equal(addFrench.status, 422);
    for (const gap of [
      /Rule of engagement 1: missing in French/,
      /Timeline: “Drafting”: missing in French/,
      /Stakeholder category “Industry”: missing in French/,
      /Body type “Working group”: missing in French/,
    ])
      assert.match(addFrench.text, gap);
    assert.deepEqual((await findProcessBySlug(t.db, 'english-only'))!.officialLanguages, ['en']);
  });
});

describe('races', () => {
  it('two conveners revising the rules at once get consecutive versions, not a 500', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const input = (w: string) => ({ rules: [{ en: w, fr: w }], consensusCriteria: [{ en: 'c', fr: 'c' }], note: {}, adoptedOn: null });
    const [a, b] = await Promise.all([reviseRules(t.deps, convener, process, input('one')), reviseRules(t.deps, convener, process, input('two'))]);
    assert.ok(a.ok && b.ok);
    assert.deepEqual([a.value.version, b.value.version].sort(), [2, 3]);
  });
});

describe('pages after a refused form, errors before the locale is known, the confirm page', () => {
  it('the language switch on a refused form goes to the form’s page, not the POST address', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const c = await signedIn(convener.userId);
    const r = await c.post(`/en/p/${process.slug}/phases`, { kind: 'phase' }, { headers: { referer: `http://concert.test/en/p/${process.slug}/timeline` } });
    assert.equal(r.status, 422);
    assert.match(r.text, new RegExp(`href="/fr/p/${process.slug}/timeline" hreflang="fr"`));
  });
  it('a body over the limit on a French page is answered in French', async () => {
    const c = t.client();
    await c.get('/fr/sign-in');
    const r = await c.post('/fr/sign-in', { email: 'x'.repeat(1024 * 1024 + 10) });
    assert.equal(r.status, 413);
    assert.match(r.text, /Trop de données/);
  });
  it('the sign-in confirmation names the account; an unusable link says so at once', async () => {
    const c = t.client();
    await c.post('/en/sign-in', { email: 'named@example.org' });
    const link = new URL(linkIn(await t.smtp.next('named@example.org')));
    assert.match((await c.get(link.pathname + link.search)).text, /as named@example.org/);
    assert.equal((await c.get('/en/sign-in/verify?token=nonsense-token-that-is-long-enough')).status, 400);
  });
  it('a body cannot take an address the application needs', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const c = await signedIn(convener.userId);
    const form = { typeKey: 'working-group', name_en: 'New', name_fr: 'Nouveau', slug: '', charter_en: 'C', charter_fr: 'C', membershipPolicy: 'open' };
    const r = await c.post(`/en/p/${process.slug}/bodies/new`, form);
    assert.equal(r.location, `/en/p/${process.slug}/bodies/new-body`);
    assert.equal((await c.post(`/en/p/${process.slug}/bodies/new`, { ...form, slug: 'edit' })).status, 422);
  });
});

describe('double submits record one event', () => {
  it('leaving twice, closing twice and appointing during a join leave one entry each and no 500', async () => {
    const { makeBody, makeParticipant } = await import('../support/factories.ts');
    const { process, convener } = await makeProcess(t.deps);
    const slug = await makeBody(t.deps, process, convener, { policy: 'open' });
    const page = `/en/p/${process.slug}/bodies/${slug}`;
    const p = await makeParticipant(t.deps, process);
    const cp = await signedIn(p.actor.userId);
    assert.equal((await cp.post(`${page}/join`, { role: 'member' })).status, 303);
    const [a, b] = await Promise.all([cp.post(`${page}/leave`), cp.post(`${page}/leave`)]);
    assert.ok(
      [a.status, b.status].every((s) => s === 303 || s === 409),
      `${a.status} ${b.status}`,
    );
    const cc = await signedIn(convener.userId);
    await Promise.all([cc.post(`${page}/status`, { status: 'closed' }), cc.post(`${page}/status`, { status: 'closed' })]);
    const events = await t.db.selectFrom('auditEvents').select('action').where('processId', '=', process.id).execute();
    assert.equal(events.filter((e) => e.action === 'body.left').length, 1);
    assert.equal(events.filter((e) => e.action === 'body.closed').length, 1);
    await cc.post(`${page}/status`, { status: 'active' });
    const q = await makeParticipant(t.deps, process);
    const cq = await signedIn(q.actor.userId);
    const [join, appoint] = await Promise.all([
      cq.post(`${page}/join`, { role: 'member' }),
      cc.post(`${page}/members`, { participantId: String(q.participantId), role: 'member' }),
    ]);
    assert.ok(join.status < 500 && appoint.status < 500, `${join.status} ${appoint.status}`);
  });
});
