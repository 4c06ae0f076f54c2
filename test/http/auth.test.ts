import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SIGN_IN_LIMITS } from '../../src/platform/auth/routes.tsx';
import { testApp, type TestApp } from '../support/app.ts';
import { linkIn } from '../support/smtp.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('sign-in by magic link (real SMTP)', () => {
  it('mails a single-use link; the link signs in on POST only; a session cookie is set', async () => {
    const c = t.client();
    const r = await c.post('/en/sign-in', { email: 'Ada@Example.org', next: '/en/account' });
    assert.equal(r.status, 303);
    assert.equal(r.location, '/en/sign-in/sent');
    const mail = await t.smtp.next('ada@example.org');
    assert.equal(mail.subject, 'Your sign-in link for Concert');
    const link = linkIn(mail);
    assert.ok(link.startsWith('http://concert.test/en/sign-in/verify?token='));
    // Following the link (what a mail scanner does) must not use it up.
    const page = await c.get(new URL(link).pathname + new URL(link).search);
    assert.equal(page.status, 200);
    assert.match(page.text, /name="token" value="[A-Za-z0-9_-]+"/);
    const done = await c.post('/en/sign-in/verify', { token: tokenOf(link) });
    assert.equal(done.status, 303);
    // A new account first chooses its public name, then goes where it was going.
    assert.equal(done.location, '/en/account?welcome=1&next=%2Fen%2Faccount');
    const welcome = await c.get(done.location!);
    assert.match(welcome.text, /Welcome to Concert/);
    assert.match(welcome.text, /name="next" value="\/en\/account"/);
    const named = await c.post('/en/account', { name: 'Ada L.', locale: 'en', next: '/en/account' });
    assert.equal(named.location, '/en/account');
    const cookie = done.headers.getSetCookie().find((h) => h.startsWith('concert_session='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/); // plain http here
    const account = await c.get('/en/account');
    assert.equal(account.status, 200);
    assert.match(account.text, /ada@example.org/);
    // Single use.
    const again = await t.client().post('/en/sign-in/verify', { token: tokenOf(link) });
    assert.equal(again.status, 400);
    assert.match(again.text, /This link has expired/);
  });

  it('the mail is in French for a French page, and only the hash of the token is stored', async () => {
    const c = t.client();
    await c.post('/fr/sign-in', { email: 'bea@example.org' });
    const mail = await t.smtp.next('bea@example.org');
    assert.equal(mail.subject, 'Votre lien de connexion à Concert');
    assert.match(mail.text, /Utilisez ce lien/);
    const token = tokenOf(linkIn(mail));
    const rows = await t.db.selectFrom('signInTokens').select('tokenHash').where('email', '=', 'bea@example.org').execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.tokenHash, token);
    assert.equal(rows[0]!.tokenHash.length, 64);
  });

  it('links expire after 15 minutes', async () => {
    const c = t.client();
    await c.post('/en/sign-in', { email: 'late@example.org' });
    const link = linkIn(await t.smtp.next('late@example.org'));
    t.clock.advance(16 * 60_000);
    try {
      assert.equal((await c.post('/en/sign-in/verify', { token: tokenOf(link) })).status, 400);
    } finally {
      t.clock.advance(-16 * 60_000);
    }
  });

  it('never redirects off-site after sign-in', async () => {
    const c = t.client();
    await c.post('/en/sign-in', { email: 'evil@example.org', next: '//evil.example/x' });
    const link = linkIn(await t.smtp.next('evil@example.org'));
    const r = await c.post('/en/sign-in/verify', { token: tokenOf(link) });
    assert.equal(r.location, '/en/account?welcome=1');
    // The same safety on the way out of the welcome page.
    const out = await c.post('/en/account', { name: 'E', locale: 'en', next: 'https://evil.example/' });
    assert.equal(out.location, '/en/account');
  });

  it('a returning person goes straight where they were going', async () => {
    const c = t.client();
    await c.post('/en/sign-in', { email: 'back@example.org' });
    await c.post('/en/sign-in/verify', { token: tokenOf(linkIn(await t.smtp.next('back@example.org'))) });
    await c.post('/en/account', { name: 'Back', locale: 'en' });
    const c2 = t.client();
    await c2.post('/fr/sign-in', { email: 'back@example.org', next: '/fr/' });
    const r = await c2.post('/fr/sign-in/verify', { token: tokenOf(linkIn(await t.smtp.next('back@example.org'))) });
    assert.equal(r.location, '/fr/');
  });

  it('bad email: 422 with the error next to the field, in the reader’s language', async () => {
    const r = await t.client().post('/fr/sign-in', { email: 'not-an-email' });
    assert.equal(r.status, 422);
    assert.match(r.text, /id="f-email-error"[^>]*>Saisissez une adresse courriel/);
    assert.match(r.text, /aria-invalid="true"/);
    const empty = await t.client().post('/en/sign-in', {});
    assert.equal(empty.status, 422);
    assert.match(empty.text, /This field is required/);
  });

  it('rate-limits sign-in per email', async () => {
    const c = t.client();
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailPerHour; i++) assert.equal((await c.post('/en/sign-in', { email: 'flood@example.org' })).status, 303);
    const r = await c.post('/en/sign-in', { email: 'flood@example.org' });
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    assert.match(r.text, /Too many attempts/);
    // Another address is still served.
    assert.equal((await c.post('/en/sign-in', { email: 'other@example.org' })).status, 303);
  });

  it('rate-limits sign-in per IP address', async () => {
    const c = t.client();
    let last = 0;
    for (let i = 0; i <= SIGN_IN_LIMITS.perIpPerHour; i++) last = (await c.post('/en/sign-in', { email: `ip${i}@example.org` })).status;
    assert.equal(last, 429);
    // The window passes.
    t.clock.advance(3601_000);
    assert.equal((await c.post('/en/sign-in', { email: 'after@example.org' })).status, 303);
  });

  it('sign out ends this session; sign out everywhere ends all of them', async () => {
    const { client: a, actor } = await t.userClient();
    const b = t.client();
    b.cookies.set('concert_session', await (await import('../../src/platform/auth/sessions.ts')).createSession(t.db, actor.userId, null, t.clock.now()));
    assert.equal((await a.get('/en/account')).status, 200);
    assert.equal((await b.get('/en/account')).status, 200);
    assert.equal((await a.post('/en/sign-out')).status, 303);
    assert.equal((await a.get('/en/account')).status, 401);
    assert.equal((await b.get('/en/account')).status, 200);
    assert.equal((await b.post('/en/sign-out/everywhere')).status, 303);
    assert.equal((await b.get('/en/account')).status, 401);
    const left = await t.db.selectFrom('sessions').select('id').where('userId', '=', actor.userId).execute();
    assert.equal(left.length, 0);
  });

  it('the session cookie is Secure behind HTTPS', async () => {
    const secure = await testApp({ env: { PUBLIC_URL: 'https://concert.example' } });
    try {
      const c = secure.client();
      await c.post('/en/sign-in', { email: 's@example.org' });
      const link = linkIn(await secure.smtp.next('s@example.org'));
      const r = await c.post('/en/sign-in/verify', { token: tokenOf(link) });
      assert.match(r.headers.getSetCookie().find((h) => h.startsWith('concert_session='))!, /Secure/);
      assert.match(r.headers.get('strict-transport-security') ?? '', /max-age/);
    } finally {
      await secure.close();
    }
  });

  it('account: rename, with validation', async () => {
    const { client } = await t.userClient();
    assert.equal((await client.post('/en/account', { name: '', locale: 'fr' })).status, 422);
    assert.equal((await client.post('/en/account', { name: 'Zoé', locale: 'de' })).status, 422);
    assert.equal((await client.post('/en/account', { name: 'Zoé <b>', locale: 'fr' })).status, 303);
    assert.match((await client.get('/en/account')).text, /value="Zoé &lt;b&gt;"/);
  });
});

describe('CSRF protection on every state-changing route', () => {
  it('refuses a form without the token, with a wrong token, or from another origin', async () => {
    const { client } = await t.userClient();
    await client.get('/en/');
    const noToken = await client.post('/en/account', { name: 'X', locale: 'en' }, { csrf: null });
    assert.equal(noToken.status, 403);
    assert.match(noToken.text, /This form has expired/);
    assert.equal((await client.post('/en/account', { name: 'X', locale: 'en' }, { csrf: 'A'.repeat(43) })).status, 403);
    assert.equal((await client.post('/en/account', { name: 'X', locale: 'en' }, { headers: { origin: 'https://evil.example' } })).status, 403);
    assert.equal((await client.post('/en/account', { name: 'X', locale: 'en' }, { headers: { origin: 'http://concert.test' } })).status, 303);
  });
  it('issues a token only to pages with a form', async () => {
    const c = t.client();
    await c.get('/en/');
    assert.equal(c.csrf, undefined);
    await c.get('/en/sign-in');
    assert.ok(c.csrf);
  });
  it('refuses a POST with no CSRF cookie at all', async () => {
    const c = t.client();
    assert.equal((await c.post('/en/sign-in', { email: 'x@example.org' }, { csrf: null })).status, 403);
  });
  it('accepts the token in a header (for fetch-enhanced forms)', async () => {
    const { client } = await t.userClient();
    await client.get('/en/');
    const body = new URLSearchParams({ name: 'Via fetch', locale: 'en' });
    const r = await client.request('/en/account', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': client.csrf! } });
    assert.equal(r.status, 303);
  });
});

describe('request limits and malformed input', () => {
  it('a body over the limit is a 413 page, not a crash', async () => {
    const c = t.client();
    await c.get('/en/sign-in');
    const big = 'x'.repeat(1024 * 1024 + 10);
    const r = await c.post('/en/sign-in', { email: big });
    assert.equal(r.status, 413);
    assert.match(r.text, /Too much data/);
  });
  it('malformed multipart is a 4xx', async () => {
    const c = t.client();
    await c.get('/en/sign-in');
    const r = await c.request('/en/sign-in', { method: 'POST', body: '--x\r\nbroken', headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-csrf-token': c.csrf! } });
    assert.ok(r.status >= 400 && r.status < 500, `got ${r.status}`);
  });
  it('repeated fields and odd encodings do not crash', async () => {
    const c = t.client();
    const r = await c.post('/en/sign-in', { email: ['a@example.org', 'b@example.org'] });
    assert.ok(r.status === 303 || r.status === 422, `got ${r.status}`);
    const r2 = await c.request('/en/sign-in?next=%E0%A4%A', { method: 'GET' });
    assert.ok(r2.status < 500);
  });
});
