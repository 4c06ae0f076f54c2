import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../support/app.ts';
import { assertEscaped, makeBody, makeParticipant, makeProcess } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

describe('public pages, in both languages', () => {
  it('/ redirects to the negotiated language', async () => {
    const c = t.client();
    assert.equal((await c.get('/', { 'accept-language': 'fr-CA,fr;q=0.9' })).location, '/fr/');
    assert.equal((await c.get('/', { 'accept-language': 'en' })).location, '/en/');
  });

  it('a bare path goes to the same page in the reader’s language; the cookie wins over Accept-Language', async () => {
    const c = t.client();
    await c.get('/fr/');
    assert.equal(c.cookies.get('concert_lang'), 'fr');
    const r = await c.get('/p/x?y=1', { 'accept-language': 'en' });
    assert.equal(r.status, 302);
    assert.equal(r.location, '/fr/p/x?y=1');
  });

  it('every page sets <html lang> and links to the same page in the other language', async () => {
    const { process, convener } = await makeProcess(t.deps);
    await makeBody(t.deps, process, convener, { slug: 'wg-a' });
    const paths = [
      '/',
      `/p/${process.slug}`,
      `/p/${process.slug}/timeline`,
      `/p/${process.slug}/rules`,
      `/p/${process.slug}/participants`,
      `/p/${process.slug}/activity`,
      `/p/${process.slug}/bodies/wg-a`,
      '/sign-in',
    ];
    for (const p of paths) {
      for (const [l, other] of [
        ['en', 'fr'],
        ['fr', 'en'],
      ] as const) {
        const r = await t.client().get(`/${l}${p}`);
        assert.equal(r.status, 200, `${l}${p}`);
        assert.match(r.text, new RegExp(`<html lang="${l}">`));
        assert.ok(r.text.includes(`href="/${other}${p === '/' ? '/' : p}"`), `${l}${p} links to /${other}${p}`);
        assertEscaped(r.text);
        assert.equal(r.headers.get('content-security-policy')?.includes("script-src 'self'"), true);
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      }
    }
  });

  it('shows untranslated content inside the right lang, with a visible notice', async () => {
    const { process, convener } = await makeProcess(t.deps, { publish: false });
    // A draft may miss a language; the convener sees it in the other language, flagged.
    const c = t.client();
    await (await import('../../src/platform/auth/sessions.ts')).createSession(t.db, convener.userId, null, t.clock.now()).then((tok) => c.cookies.set('concert_session', tok));
    const { editProcess } = await import('../../src/capabilities/processes/commands/edit-process.ts');
    await editProcess(t.deps, convener, process, {
      title: { en: 'Only English title' },
      summary: {},
      scope: {},
      convenerName: {},
      officialLanguages: ['en', 'fr'],
      timeZone: 'UTC',
    });
    const r = await c.get(`/fr/p/${process.slug}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<span lang="en">Only English title <span class="untranslated" lang="fr">\(Pas encore traduit\)<\/span><\/span>/);
  });

  it('a draft process is a 404 to everyone but its conveners', async () => {
    const { process } = await makeProcess(t.deps, { publish: false });
    assert.equal((await t.client().get(`/en/p/${process.slug}`)).status, 404);
    const { client } = await t.userClient();
    assert.equal((await client.get(`/en/p/${process.slug}`)).status, 404);
  });

  it('unknown pages are localized 404s, and JSON clients get a problem document', async () => {
    const r = await t.client().get('/fr/nothing-here');
    assert.equal(r.status, 404);
    assert.match(r.text, /Page introuvable/);
    const j = await t.client().get('/en/p/does-not-exist', { accept: 'application/json' });
    assert.equal(j.status, 404);
    assert.equal(j.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(j.json<{ status: number; title: string }>().title, 'Page not found');
  });

  it('the participants page lists declarations and categories, escaped', async () => {
    const { process } = await makeProcess(t.deps);
    await makeParticipant(t.deps, process, { category: 'academia', interests: 'Consults for <b>DeviceCo</b>' });
    const r = await t.client().get(`/en/p/${process.slug}/participants`);
    assert.match(r.text, /Academia/);
    assert.match(r.text, /Consults for &lt;b&gt;DeviceCo&lt;\/b&gt;/);
    assertEscaped(r.text);
  });

  it('serves fingerprinted assets with a long cache, gzipped when asked', async () => {
    const page = await t.client().get('/en/');
    const css = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(page.text)![1]!;
    const r = await t.client().get(css, { 'accept-encoding': 'gzip' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(r.headers.get('content-encoding'), 'gzip');
    assert.equal((await t.client().get('/assets/app.000000000000.css')).status, 404);
  });

  it('health check', async () => {
    const r = await t.client().get('/healthz');
    assert.deepEqual(r.json(), { ok: true });
  });
});
