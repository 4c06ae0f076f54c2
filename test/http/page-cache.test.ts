import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { editProcess } from '../../src/capabilities/processes/commands/edit-process.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { makeProcess } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('public page cache', () => {
  it('serves visitors a shared rendering until a change to the process commits, then the new one', async () => {
    const { process, convener } = await makeProcess(t.deps);
    const path = `/en/p/${process.slug}`;
    await eventually(async () => t.deps.bus.isListening('concert_changes'));
    // Notifications from creating the process may still be arriving; visit until the page is stored.
    await eventually(async () => (await t.client().get(path)).status === 200 && t.deps.pageCache.get(path) !== undefined);
    // A write that bypasses commands (no audit event, no NOTIFY) is not seen: proof the page came from the cache.
    await t.db
      .updateTable('processes')
      .set({ title: JSON.stringify({ en: 'Sneaky', fr: 'Sournois' }) })
      .where('id', '=', process.id)
      .execute();
    assert.doesNotMatch((await t.client().get(path)).text, /Sneaky/);
    // Signed-in readers always get a fresh page.
    const { client } = await t.userClient();
    assert.match((await client.get(path)).text, /Sneaky/);
    // A real change commits, NOTIFY arrives, the next visitor sees it.
    await editProcess(
      t.deps,
      convener,
      { ...process, title: { en: 'Sneaky', fr: 'Sournois' } },
      {
        title: { en: 'Renamed', fr: 'Renommé' },
        summary: process.summary,
        scope: process.scope,
        convenerName: process.convenerName,
        officialLanguages: ['en', 'fr'],
        timeZone: process.timeZone,
      },
    );
    await eventually(async () => /Renamed/.test((await t.client().get(path)).text));
    // Each language is its own entry.
    assert.match((await t.client().get(`/fr/p/${process.slug}`)).text, /Renommé/);
  });

  it('never shares a page carrying a visitor’s CSRF token, nor a page with a one-time message', async () => {
    const { process } = await makeProcess(t.deps);
    const a = t.client();
    const page = await a.get(`/en/p/${process.slug}`);
    assert.equal(a.csrf, undefined, 'a page without a form issues no token');
    assert.doesNotMatch(page.text, /name="_csrf"/);
    // A visitor who already holds a token still gets the shared page, which carries none.
    await a.get('/en/sign-in');
    assert.ok(a.csrf);
    assert.ok(!(await a.get(`/en/p/${process.slug}`)).text.includes(a.csrf!));
    const b = t.client();
    b.cookies.set('concert_flash', encodeURIComponent('Just for you'));
    assert.match((await b.get(`/en/p/${process.slug}`)).text, /Just for you/);
    assert.doesNotMatch((await t.client().get(`/en/p/${process.slug}`)).text, /Just for you/);
  });
});

describe('shared pages carry the same headers, and travel gzipped to browsers that accept it', () => {
  it('a cache hit has the security headers and a gzip variant of the same page', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { process } = await makeProcess(t.deps);
    const path = `/en/p/${process.slug}`;
    await eventually(async () => (await t.client().get(path)).status === 200 && t.deps.pageCache.get(path) !== undefined);
    const fresh = await t.client().get(path, { cookie: 'concert_flash=x' }); // rendered by the application
    const hit = await t.client().get(path);
    assert.equal(hit.text.replace(/<p class="flash"[^<]*<\/p>/, ''), fresh.text.replace(/<p class="flash"[^<]*<\/p>/, ''));
    for (const h of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options']) assert.equal(hit.headers.get(h), fresh.headers.get(h), h);
    assert.equal(hit.headers.get('content-type'), 'text/html; charset=UTF-8');
    const raw = await t.app.request(`http://concert.test${path}`, { headers: { 'accept-encoding': 'gzip, deflate' } });
    assert.equal(raw.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await raw.arrayBuffer())).toString('utf8'), hit.text);
  });
});

describe('the fast path in front of the application (real server)', () => {
  it('answers a cached page with the same bytes and headers as the application, and steps aside when it should', async () => {
    const { startServer } = await import('../support/browser.ts');
    const server = await startServer({ demo: true });
    try {
      const url = `${server.url}/en/p/iot-security`;
      const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      const firstText = await first.text();
      let second: Response | undefined;
      await eventually(async () => {
        second = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
        return second.headers.get('content-length') !== null && (await second.clone().text()) === firstText;
      });
      for (const h of [
        'content-type',
        'content-security-policy',
        'x-content-type-options',
        'referrer-policy',
        'x-frame-options',
        'permissions-policy',
        'cross-origin-opener-policy',
        'cache-control',
      ])
        assert.equal(second!.headers.get(h), first.headers.get(h), h);
      const gz = await fetch(url); // fetch accepts gzip and decodes it
      assert.equal(await gz.text(), firstText);
      // A signed-in visitor, a pending message or a language to remember go to the application.
      const withFlash = await fetch(url, { headers: { cookie: 'concert_flash=Hello%20there' } });
      assert.match(await withFlash.text(), /Hello there/);
      const frenchBrowser = await fetch(url, { headers: { 'accept-language': 'fr' } });
      assert.match(frenchBrowser.headers.get('set-cookie') ?? '', /concert_lang=en/);
    } finally {
      await server.stop();
    }
  });
});
