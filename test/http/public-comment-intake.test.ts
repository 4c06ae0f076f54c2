import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { XSS, assertEscaped } from '../support/factories.ts';
import { drain, makePeriod, pdfBytes } from '../support/public-input.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ env: { COMMENT_LIMIT_PER_IP: '8', COMMENT_LIMIT_PER_EMAIL: '4' } });
});
after(() => t.close());

type Fields = Record<string, string>;
const good = (o: Fields = {}): Fields => ({
  name: `Ana ${XSS}`,
  organization: `Org ${XSS}`,
  category: 'civil-society',
  email: `ana${Math.random().toString(36).slice(2)}@example.org`,
  lang: 'fr',
  body: `Mon commentaire ${XSS}`,
  signatories: '1',
  ...o,
});

/** Posts the comment form as multipart, like a browser (CSRF token from a first page view). */
async function submit(c: Client, base: string, fields: Fields, files: { name: string; bytes: Buffer; type?: string }[] = [], headers: Record<string, string> = {}) {
  if (!c.csrf) await c.get('/en/sign-in');
  const form = new FormData();
  form.set('_csrf', c.csrf!);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append('attachments', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/pdf' }), f.name);
  return c.request(`/en${base}/comment`, { method: 'POST', body: form, headers });
}

describe('public input: the period page and the form', () => {
  it('says in words when the period opens, in both languages and its own time zone, and opens on time', async () => {
    const p = await makePeriod(t, { open: false });
    const c = t.client();
    const en = await c.get(`/en${p.base}`);
    assert.equal(en.status, 200);
    assert.match(en.text, /Opens on March 2, 2026 at 10:01 a\.m\. EST/);
    assertEscaped(en.text);
    const fr = await c.get(`/fr${p.base}`);
    assert.match(fr.text, /Ouverture le 2 mars 2026/);
    assert.equal((await c.get(`/en${p.base}/comment`)).status, 409);
    t.clock.advance(120_000);
    const open = await c.get(`/en${p.base}`);
    assert.match(open.text, /Open until April 1, 2026 at 11:0\d a\.m\. EDT/);
    const form = await c.get(`/fr${p.base}/comment`);
    assert.equal(form.status, 200);
    assert.match(form.text, /name="idempotency_key" value="[A-Za-z0-9_-]{20,}"/);
    assert.match(form.text, /enctype="multipart\/form-data"/);
    assert.match(form.text, /<div hidden=""><label for="f-website">/);
  });

  it('shows a paragraph, refuses one that is not in the version', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    const ok = await c.get(`/en${p.base}/comment?anchor=p2`);
    assert.equal(ok.status, 200);
    assert.match(ok.text, /Devices should be built with security/);
    assert.equal((await c.get(`/en${p.base}/comment?anchor=p999`)).status, 404);
    assert.equal((await c.get(`/en${p.base}/comment?anchor=%3Cscript%3E`)).status, 404);
    assert.equal((await c.get(`/en/p/${p.process.slug}/input/999999`)).status, 404);
  });
});

describe('public input: submitting', () => {
  it('a comment with a PDF: receipt after commit, published, escaped, attachment downloads as a file', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    const res = await submit(c, p.base, good({ anchor: 'p2' }), [{ name: 'brief.pdf', bytes: pdfBytes() }]);
    assert.equal(res.status, 303, res.text);
    const receipt = /\/receipt\/([A-Z0-9X-]+)$/.exec(res.location!)![1]!;
    const page = await c.get(res.location!);
    assert.match(page.text, new RegExp(receipt));
    assert.match(page.text, /Published\./);
    const list = await c.get(`/en${p.base}`);
    assert.match(list.text, new RegExp(`Receipt ${receipt}`));
    assert.match(list.text, /lang="fr"/);
    assertEscaped(list.text);
    const href = /href="([^"]+\/attachments\/\d+)"/.exec(list.text)![1]!;
    const file = await c.get(href);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition')!, /^attachment; filename="brief\.pdf"/);
    const byParagraph = await c.get(`/en${p.base}?on=p3`);
    assert.match(byParagraph.text, /0 published comments/);
  });

  it('refuses fake PDFs, six files, an 11 MB file, missing fields, a wrong anchor, with clear words', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    const fake = await submit(c, p.base, good(), [{ name: 'fake.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') }]);
    assert.equal(fake.status, 422);
    assert.match(fake.text, /Attachments must be PDF files\. Files concerned: fake\.pdf/);
    const disguised = await submit(c, p.base, good(), [{ name: 'x.pdf', bytes: Buffer.from('MZ\x90\x00 %PDF-1.4 %%EOF'), type: 'application/pdf' }]);
    assert.equal(disguised.status, 422);
    const six = await submit(
      c,
      p.base,
      good(),
      Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.pdf`, bytes: pdfBytes() })),
    );
    assert.equal(six.status, 422);
    assert.match(six.text, /At most 5 attachments/);
    const big = await submit(c, p.base, good(), [{ name: 'big.pdf', bytes: pdfBytes('x'.repeat(11 * 1024 * 1024)) }]);
    assert.equal(big.status, 413);
    assert.match(big.text, /10 MB or less/);
    const missing = await submit(c, p.base, { lang: 'en' });
    assert.equal(missing.status, 422);
    assert.match(missing.text, /Stakeholder category: This field is required/);
    const empty = await submit(c, p.base, good({ body: '   ', name: '' }));
    assert.match(empty.text, /Write your comment/);
    assert.match(empty.text, /Give your name, or choose/);
    const anchor = await submit(c, p.base, good({ anchor: 'p999' }));
    assert.equal(anchor.status, 422);
    assert.match(anchor.text, /not in the version under consultation/);
    const badEmail = await submit(c, p.base, good({ email: 'not-an-address' }));
    assert.equal(badEmail.status, 422);
    const count = await t.db
      .selectFrom('publicComments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('periodId', '=', p.periodId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('a body over the route limit is a localized 413 page; other routes keep the small limit', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    await c.get('/fr/sign-in');
    const res = await c.request(`/fr${p.base}/comment`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(60 * 1024 * 1024) },
    });
    assert.equal(res.status, 413);
    assert.match(res.text, /au plus 5 fichiers PDF de 10 Mo/);
  });

  it('double submit with the same key gives the same receipt and one comment; JSON clients too', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    const fields = good({ idempotency_key: 'same-key-123456' });
    const [a, b] = await Promise.all([submit(c, p.base, fields), submit(c, p.base, fields)]);
    assert.equal(a.location, b.location);
    await c.get('/en/sign-in');
    const json = await c.request(`/en${p.base}/comment`, {
      method: 'POST',
      body: JSON.stringify({ ...good(), anonymous: true, name: '' }),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': c.csrf!, 'idempotency-key': 'json-key-0000001' },
    });
    assert.equal(json.status, 201, json.text);
    const first = json.json<{ receipt: string; status: string }>();
    assert.equal(first.status, 'published');
    const again = await c.request(`/en${p.base}/comment`, {
      method: 'POST',
      body: JSON.stringify(good()),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': c.csrf!, 'idempotency-key': 'json-key-0000001' },
    });
    assert.equal(again.status, 200);
    assert.equal(again.json<{ receipt: string }>().receipt, first.receipt);
    const rows = await t.db.selectFrom('publicComments').select('receipt').where('periodId', '=', p.periodId).execute();
    assert.equal(rows.length, 2);
    const bad = await c.request(`/en${p.base}/comment`, {
      method: 'POST',
      body: '{"body":',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': c.csrf! },
    });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type')!, /application\/problem\+json/);
  });

  it('honeypot: a polite refusal, nothing stored; CSRF: refused without the token', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    const bot = await submit(c, p.base, good({ website: 'http://spam.example' }));
    assert.equal(bot.status, 400);
    assert.match(bot.text, /Thank you\. Your message was not recorded/);
    const noToken = t.client();
    const form = new FormData();
    for (const [k, v] of Object.entries(good())) form.set(k, v);
    const refused = await noToken.request(`/en${p.base}/comment`, { method: 'POST', body: form });
    assert.equal(refused.status, 403);
    const rows = await t.db.selectFrom('publicComments').select('id').where('periodId', '=', p.periodId).execute();
    assert.equal(rows.length, 0);
  });

  it('rate limits per address and per email answer 429 with Retry-After', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    const email = 'same@example.org';
    for (let i = 0; i < 4; i++) assert.equal((await submit(c, p.base, good({ email }))).status, 303);
    const perEmail = await submit(c, p.base, good({ email }));
    assert.equal(perEmail.status, 429);
    assert.ok(Number(perEmail.headers.get('retry-after')) > 0);
    assert.match(perEmail.text, /Too many comments/);
    for (let i = 0; i < 3; i++) await submit(c, p.base, good());
    const perIp = await submit(c, p.base, good());
    assert.equal(perIp.status, 429);
  });

  it('a closed period refuses comments and says when it closed', async () => {
    const p = await makePeriod(t);
    t.clock.advance(31 * 86_400_000);
    await drain(t);
    const c = t.client();
    const page = await c.get(`/en${p.base}`);
    assert.match(page.text, /Closed on April 1, 2026/);
    const res = await submit(c, p.base, good());
    assert.equal(res.status, 409);
    const events = await t.db.selectFrom('auditEvents').select('action').where('processId', '=', p.process.id).where('action', 'like', 'comment-period.%').orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['comment-period.scheduled', 'comment-period.opened', 'comment-period.closed'],
    );
  });
});
