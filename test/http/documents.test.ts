import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appointMember, bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { testApp, type TestApp, Client } from '../support/app.ts';
import { XSS, assertEscaped, makeBody, makeDocument, makeParticipant, makeProcess } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ env: { MAX_BODY_BYTES: String(4 * 1024 * 1024), CHROMIUM_PATH: '/nonexistent/chromium' } });
});
after(() => t.close());

async function clientFor(userId: number): Promise<Client> {
  const c = t.client();
  c.cookies.set('concert_session', await createSession(t.db, userId, null, t.clock.now()));
  return c;
}

/** A process with a working group whose facilitator and member are participants in good standing. */
async function setup() {
  const { process, convener } = await makeProcess(t.deps);
  const body = await makeBody(t.deps, process, convener, { slug: 'labels' });
  const facilitator = await makeParticipant(t.deps, process);
  const member = await makeParticipant(t.deps, process);
  const outsider = await makeParticipant(t.deps, process);
  const b = (await bodyBySlug(t.db, process.id, body))!;
  await appointMember(t.deps, convener, process, b, facilitator.participantId, 'facilitator');
  await appointMember(t.deps, convener, process, b, member.participantId, 'member');
  return {
    process,
    convener,
    body,
    cc: await clientFor(convener.userId),
    cf: await clientFor(facilitator.actor.userId),
    cm: await clientFor(member.actor.userId),
    co: await clientFor(outsider.actor.userId),
    base: `/en/p/${process.slug}/documents`,
  };
}

const EN = `# Definitions and benchmarks ${XSS}

Devices should be built with security at the forefront.

- Development
- Manufacturing

Recommendation: Label devices with their support period.

# Lifespan

Manufacturers should support devices with security updates.
`;
const FR = `# Définitions et points de référence ${XSS}

Les appareils doivent être conçus en plaçant la sécurité au premier plan.

- Conception
- Fabrication

Recommandation : Étiqueter les appareils avec leur période de soutien.

# Durée de vie

Les fabricants doivent soutenir les appareils avec des mises à jour de sécurité.
`;

describe('starting a document', () => {
  it('a member of the body starts one; bad input is refused field by field; outsiders cannot', async () => {
    const s = await setup();
    assert.equal((await t.client().get(`${s.base}/new`)).status, 401);
    const page = await s.cm.get(`${s.base}/new?body=labels`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<option value="labels" selected/);
    const form = { body: 'labels', type: 'guidelines', title_en: `Labels ${XSS}`, title_fr: 'Étiquettes', slug: '', lang: 'en', markdown: EN };
    for (const [bad, error] of [
      [{ ...form, body: 'nope' }, /Choose one of the bodies/],
      [{ ...form, type: 'novel' }, /Choose one of the options/],
      [{ ...form, title_en: '', title_fr: '' }, /Give the document a title/],
      [{ ...form, slug: 'Bad Slug' }, /lower-case letters/],
      [{ ...form, markdown: 'x'.repeat(900_001) }, /too long: at most 900,000 characters/],
      [{ ...form, markdown: Array.from({ length: 20_001 }, (_, i) => `p${i}`).join('\n\n') }, /too many paragraphs/],
    ] as const) {
      const r = await s.cm.post(`${s.base}/new`, bad);
      assert.equal(r.status, 422, String(error));
      assert.match(r.text, error);
      assertEscaped(r.text);
    }
    const r = await s.cm.post(`${s.base}/new`, form);
    assert.equal(r.status, 303);
    assert.equal(r.location, `${s.base}/labels-script-alert-1-script`);
    assert.match((await s.cm.post(`${s.base}/new`, form)).text, /already uses this address/);
    // Someone in no body is offered no body to draft in, and cannot post into one.
    assert.match((await s.co.get(`${s.base}/new`)).text, /Only members of a body/);
    assert.equal((await s.co.post(`${s.base}/new`, { ...form, slug: 'other' })).status, 422);
  });

  it('over the server’s size limit, the answer is a clear 413 page', async () => {
    const small = await testApp({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    try {
      const { process, convener } = await makeProcess(small.deps);
      await makeBody(small.deps, process, convener, { slug: 'wg' });
      const c = small.client();
      c.cookies.set('concert_session', await createSession(small.db, convener.userId, null, small.clock.now()));
      const r = await c.post(`/en/p/${process.slug}/documents/new`, { body: 'wg', type: 'report', title_en: 'Big', lang: 'en', markdown: 'é'.repeat(800_000) });
      assert.equal(r.status, 413);
      assert.match(r.text, /larger than this server accepts/);
    } finally {
      await small.close();
    }
  });
});

describe('reading a document', () => {
  it('is public, escapes everything, numbers sections, lists recommendations, marks untranslated passages', async () => {
    const s = await setup();
    const slug = await makeDocument(t.deps, s.process, s.convener, s.body, {
      en: `${EN}\n\n<script>alert(1)</script> and <img src=x onerror=alert(1)> and [x](javascript:alert(1))\n\n\`\`\`\nunclosed fence`,
    });
    const r = await t.client().get(`${s.base}/${slug}`);
    assert.equal(r.status, 200);
    assertEscaped(r.text);
    assert.doesNotMatch(r.text, /<img|onerror="|href="javascript:/);
    assert.match(r.text, /<span class="secnum">1<\/span>/);
    assert.match(r.text, /<span class="secnum">2<\/span>/);
    assert.match(r.text, /<strong class="rec-label">Recommendation 1<\/strong>/);
    assert.match(r.text, /<nav class="toc"/);
    assert.match(r.text, /id="p1"/);
    const fr = await t.client().get(`/fr/p/${s.process.slug}/documents/${slug}`);
    assert.match(fr.text, /<span lang="en">Devices should be built/);
    assert.match(fr.text, /Pas encore traduit/);
    assert.match(fr.text, /Recommandation 1/);
    assert.equal((await t.client().get(`${s.base}/nope`)).status, 404);
    const list = await t.client().get(s.base);
    assert.equal(list.status, 200);
    assert.ok(list.text.includes(`/documents/${slug}`));
    assertEscaped(list.text);
    // The process page and the body page list it too, and the process page has a search box.
    const processPage = await t.client().get(`/en/p/${s.process.slug}`);
    assert.ok(processPage.text.includes(`/documents/${slug}`));
    assert.match(processPage.text, /role="search"/);
    assert.ok((await t.client().get(`/en/p/${s.process.slug}/bodies/${s.body}`)).text.includes(`/documents/${slug}`));
  });

  it('shows consensus outcomes of recommendations, and other capabilities’ sections, when the composition root provides them', async () => {
    const { createApp } = await import('../../src/app.ts');
    const { PageCache } = await import('../../src/platform/http/page-cache.ts');
    const s = await setup();
    const slug = await makeDocument(t.deps, s.process, s.convener, s.body, { en: EN });
    // Its own page cache: two applications in one test must not share rendered pages.
    const app = createApp(
      { ...t.deps, pageCache: new PageCache(t.deps.bus) },
      {
        documents: {
          outcomes: async ({ anchors }) => new Map([[anchors[0]!, { label: { en: 'Full consensus', fr: 'Consensus total' }, href: '/en/decisions/1' }]]),
          sections: [async ({ doc }) => `Public input on ${doc.slug} ${XSS}`],
        },
      },
    );
    const html = await (await app.request(`http://concert.test${s.base}/${slug}`)).text();
    assert.match(html, /Consensus outcome: <a href="\/en\/decisions\/1">Full consensus<\/a>/);
    assert.ok(html.includes(`Public input on ${slug} &lt;script&gt;`), 'another capability’s section, escaped');
    // The application itself wires consensus in: with no decision on the passage, it says so.
    assert.match((await t.client().get(`${s.base}/${slug}`)).text, /Consensus outcome: No decision yet/);
  });
});

describe('editing: versions with stable anchors', () => {
  it('saves a new version per edit; anchors survive; stale and unchanged saves are handled; only members edit', async () => {
    const s = await setup();
    const slug = await makeDocument(t.deps, s.process, s.convener, s.body, { en: EN });
    const doc = `${s.base}/${slug}`;
    const page = await s.cm.get(`${doc}/edit?lang=en`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Recommendation: Label devices/);
    assert.equal((await s.co.get(`${doc}/edit`)).status, 403);
    assert.equal((await t.client().get(`${doc}/edit`)).status, 401);
    const form = {
      lang: 'en',
      title_en: 'Labels',
      title_fr: 'Étiquettes',
      type: 'report',
      baseVersion: '1',
      note: 'Inserted a paragraph',
      markdown: EN.replace('# Lifespan', 'A new paragraph about labels.\n\n# Lifespan'),
    };
    const r = await s.cm.post(`${doc}/edit`, form);
    assert.equal(r.status, 303);
    const after = await t.client().get(doc);
    assert.match(after.text, /<div class="blk" id="p8"><p><span>A new paragraph about labels\.<\/span>/);
    assert.match(after.text, /<div class="blk blk-heading" id="p6">/, 'the heading after the insertion keeps its anchor');
    const stale = await s.cm.post(`${doc}/edit`, { ...form, markdown: EN });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Someone saved version 2 while you were editing/);
    assert.match(stale.text, /name="baseVersion" value="2"/);
    const same = await s.cm.post(`${doc}/edit`, { ...form, baseVersion: '2' });
    assert.equal(same.status, 303);
    assert.match(decodeURIComponent(same.headers.get('set-cookie') ?? ''), /Nothing changed/);
    assert.equal((await s.co.post(`${doc}/edit`, { ...form, baseVersion: '2' })).status, 403);
    assert.equal((await s.cm.post(`${doc}/edit`, { ...form, baseVersion: 'x' })).status, 422);
    assert.equal((await s.cm.post(`${doc}/edit`, { ...form, baseVersion: '2', title_en: '', title_fr: '' })).status, 422);
    const huge = await s.cm.post(`${doc}/edit`, { ...form, baseVersion: '2', markdown: 'word '.repeat(200_000) });
    assert.equal(huge.status, 422);
    assert.match(huge.text, /at most 900,000 characters per language/);
    const log = await t.client().get(`/en/p/${s.process.slug}/activity`);
    assert.match(log.text, /started a document/);
    assert.match(log.text, /saved a new version of a document/);
  });
});

describe('translation side by side, review states and the publication gate', () => {
  it('moves draft → WG review → plenary → public input → final → published, refusing the gate until both languages are in step', async () => {
    const s = await setup();
    const slug = await makeDocument(t.deps, s.process, s.convener, s.body, { en: EN });
    const doc = `${s.base}/${slug}`;
    const move = (c: Client, to: string) => c.post(`${doc}/state`, { to });
    assert.equal((await move(s.cm, 'wg-review')).status, 403, 'a member is not the action holder');
    assert.match((await t.client().get(doc)).text, /The facilitators of Body/);
    assert.equal((await move(s.cf, 'wg-review')).status, 303);
    assert.equal((await move(s.cf, 'plenary-review')).status, 303);
    assert.match((await s.co.get(doc)).text, /The convener: Convener/);
    assert.equal((await move(s.cf, 'public-input')).status, 403, 'plenary review is the convener’s to move');
    const gate = await move(s.cc, 'public-input');
    assert.equal(gate.status, 409);
    assert.match(gate.text, /Still to do/);
    assert.match(gate.text, /Heading 1, French: Missing/);
    assert.match(gate.text, /The title is missing in French|Recommendation 1, French: Missing/);
    assert.equal((await move(s.cc, 'published')).status, 409, 'no skipping');
    assert.equal((await s.cc.post(`${doc}/state`, { to: 'nowhere' })).status, 400);

    // Translate side by side, passage by passage.
    const sbs = await s.cm.get(`${doc}/translate`);
    assert.equal(sbs.status, 200);
    assert.match(sbs.text, /Only what needs translating/);
    const fields = [...sbs.text.matchAll(/name="(t\.p\d+\.fr)"/g)].map((m) => m[1]!);
    assert.equal(fields.length, 7);
    const frTexts = ['Définitions', 'Sécurité dès la conception.', 'Conception', 'Fabrication', 'Étiqueter les appareils.', 'Durée de vie', 'Mises à jour.'];
    const bad = await s.cm.post(`${doc}/translate`, { baseVersion: '1', title_en: 'Labels', title_fr: 'Étiquettes', [fields[1]!]: 'Un.\n\nDeux.' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Keep this to one paragraph/);
    const ok = await s.cm.post(`${doc}/translate`, { baseVersion: '1', title_en: 'Labels', title_fr: 'Étiquettes', ...Object.fromEntries(fields.map((f, i) => [f, frTexts[i]!])) });
    assert.equal(ok.status, 303);
    assert.match((await s.cm.get(`${doc}/translate?show=todo`)).text, /Every passage is up to date/);

    // An English edit makes the French of that passage outdated, and the gate closes again.
    const edit = await s.cm.post(`${doc}/edit`, {
      lang: 'en',
      title_en: 'Labels',
      title_fr: 'Étiquettes',
      type: 'report',
      baseVersion: '2',
      markdown: EN.replace('security updates', 'security updates for five years'),
    });
    assert.equal(edit.status, 303);
    const outdated = await s.cm.get(`${doc}/translate`);
    assert.match(outdated.text, /À mettre à jour|Outdated/);
    assert.match(outdated.text, /name="c\.p7\.fr"/);
    assert.equal((await move(s.cc, 'public-input')).status, 409);
    assert.equal((await s.cm.post(`${doc}/translate`, { baseVersion: '3', title_en: 'Labels', title_fr: 'Étiquettes', 'c.p7.fr': '1' })).status, 303);
    assert.equal((await move(s.cc, 'public-input')).status, 303);

    // Frozen during public input; comments still open to participants.
    assert.equal((await s.cm.get(`${doc}/edit`)).status, 409);
    assert.equal((await s.cm.post(`${doc}/translate`, { baseVersion: '4', title_en: 'Labels', title_fr: 'Étiquettes' })).status, 409);
    assert.equal((await move(s.cc, 'final')).status, 303);
    assert.equal((await move(s.cc, 'published')).status, 303);
    // Read signed in: the shared anonymous rendering may lag a change by one notification.
    const published = await s.co.get(doc);
    assert.match(published.text, /<span class="badge good">Published<\/span>/);
    assert.doesNotMatch(published.text, /Download the PDF/, 'no Chromium here: no PDF link');
    assert.equal((await t.client().get(`${doc}/pdf`)).status, 404);
    assert.equal((await move(s.cc, 'draft')).status, 409, 'nothing after publication');
    const log = await t.client().get(`/en/p/${s.process.slug}/activity`);
    assert.match(log.text, /moved a document to its next review step/);
    assert.match(log.text, /published a document/);
    assert.match(log.text, /translated passages of a document/);
  });
});
