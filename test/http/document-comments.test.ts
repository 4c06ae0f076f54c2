import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appointMember, bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { changeDocumentState, documentBySlug } from '../../src/capabilities/documents/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { testApp, type TestApp, Client } from '../support/app.ts';
import { XSS, assertEscaped, makeBody, makeDocument, makeParticipant, makeProcess } from '../support/factories.ts';
import { findChromium } from '../support/chromium.ts';

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

const P = {
  a: 'Devices should be built with security at the forefront of their design.',
  b: 'Manufacturers should support devices with security updates for a stated period.',
  c: 'Consumers need clear labels describing how long a device will receive updates.',
  d: 'Networks should be able to isolate a compromised device without harming others.',
};

async function setup() {
  const { process, convener } = await makeProcess(t.deps);
  const body = await makeBody(t.deps, process, convener, { slug: 'wg' });
  const member = await makeParticipant(t.deps, process);
  const other = await makeParticipant(t.deps, process);
  const b = (await bodyBySlug(t.db, process.id, body))!;
  await appointMember(t.deps, convener, process, b, member.participantId, 'member');
  const slug = await makeDocument(t.deps, process, convener, body, { en: [P.a, P.b, P.c, P.d].join('\n\n') });
  return {
    process,
    convener,
    doc: `/en/p/${process.slug}/documents/${slug}`,
    slug,
    cm: await clientFor(member.actor.userId),
    co: await clientFor(other.actor.userId),
    cc: await clientFor(convener.userId),
  };
}

async function edit(c: Client, doc: string, base: number, paras: string[]) {
  const r = await c.post(`${doc}/edit`, { lang: 'en', title_en: 'T', title_fr: 'T', type: 'report', baseVersion: String(base), markdown: paras.join('\n\n') });
  assert.equal(r.status, 303, r.text.slice(0, 200));
}

describe('comments on passages', () => {
  it('members comment on a passage and reply; comments follow the passage through edits, merges and removal', async () => {
    const s = await setup();
    assert.equal((await s.co.get(`${s.doc}/comment?on=p2`)).status, 403, 'in drafting, only the body comments');
    const form = await s.cm.get(`${s.doc}/comment?on=p2`);
    assert.equal(form.status, 200);
    assert.match(form.text, /Manufacturers should support devices/);
    assert.equal((await s.cm.get(`${s.doc}/comment?on=p99`)).status, 404);
    const empty = await s.cm.post(`${s.doc}/comments`, { anchor: 'p2', body: '   ', lang: 'en' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Write your comment first/);
    const long = await s.cm.post(`${s.doc}/comments`, { anchor: 'p2', body: 'x'.repeat(5001), lang: 'en' });
    assert.equal(long.status, 422);
    assert.equal((await s.cm.post(`${s.doc}/comments`, { anchor: 'bad"id', body: 'x', lang: 'en' })).status, 400);
    assert.equal((await s.cm.post(`${s.doc}/comments`, { anchor: 'p99', body: 'x', lang: 'en' })).status, 404);
    const onB = await s.cm.post(`${s.doc}/comments`, { anchor: 'p2', body: `How long is “stated”? ${XSS}`, lang: 'en' });
    assert.equal(onB.status, 303);
    const id = /comment-(\d+)/.exec(onB.location!)![1]!;
    assert.equal((await s.cm.post(`${s.doc}/comments`, { parent: id, body: 'At least five years, I think.', lang: 'en' })).status, 303);
    assert.equal((await s.cm.post(`${s.doc}/comments`, { parent: '999999', body: 'x', lang: 'en' })).status, 404);
    assert.equal((await s.cm.post(`${s.doc}/comments`, { anchor: 'p3', body: 'Labels: good.', lang: 'fr' })).status, 303);
    assert.equal((await s.cm.post(`${s.doc}/comments`, { anchor: 'p4', body: 'Isolation matters.', lang: 'en' })).status, 303);
    assert.equal((await s.cm.post(`${s.doc}/comments`, { body: 'On the whole: clear.', lang: 'en' })).status, 303);
    let page = await s.co.get(s.doc);
    assertEscaped(page.text);
    assert.match(page.text, /<div class="blk" id="p2">[\s\S]*?<summary>1 comment<\/summary>[\s\S]*?How long is “stated”\?/);
    assert.match(page.text, /At least five years, I think\./);
    assert.match(page.text, /<div class="comment-body" lang="fr"><p>Labels: good\.<\/p>/);
    assert.match(page.text, /On the whole document[\s\S]*On the whole: clear\./);

    // Edit p2, merge p3 into p2's neighbour... p3 and p4 merged (p4 keeps most words), remove nothing else.
    await edit(s.cm, s.doc, 1, [P.a, P.b.replace('a stated period', 'at least five years'), `${P.c} ${P.d}`]);
    page = await s.co.get(s.doc);
    assert.match(
      page.text,
      /Made on version 1; the passage has changed since\. It read:<\/p><blockquote class="quote"><p>Manufacturers should support devices with security updates for a stated period\./,
    );
    // The merged-away passage's comment now sits with the passage it went into.
    const merged = /<div class="blk" id="(p\d)"><p><span>Consumers need clear labels[\s\S]*?<\/div><\/div>/.exec(page.text);
    assert.ok(merged, 'merged passage present');
    assert.match(merged![0], /<summary>2 comments<\/summary>/);

    // Remove p2 entirely: its thread moves to "passages since removed", with the text it was made on.
    await edit(s.cm, s.doc, 2, [P.a, `${P.c} ${P.d}`]);
    page = await s.co.get(s.doc);
    assert.match(page.text, /On passages since removed[\s\S]*Made on version 1, on a passage that has since been removed[\s\S]*for a stated period/);
  });

  it('a thread is resolved by its author or the chair, not by others; it can be reopened', async () => {
    const s = await setup();
    const r = await s.cm.post(`${s.doc}/comments`, { anchor: 'p1', body: 'Resolve me.', lang: 'en' });
    const id = /comment-(\d+)/.exec(r.location!)![1]!;
    await changeDocumentState(t.deps, s.convener, s.process, (await documentBySlug(t.db, s.process.id, s.slug))!, 'plenary-review');
    assert.equal((await s.co.post(`${s.doc}/comments/${id}/resolve`)).status, 403);
    assert.equal((await t.client().post(`${s.doc}/comments/${id}/resolve`)).status, 401);
    assert.equal((await s.cm.post(`${s.doc}/comments/${id}/resolve`)).status, 303);
    assert.match((await s.co.get(s.doc)).text, /Resolved by/);
    assert.equal((await s.cc.post(`${s.doc}/comments/${id}/reopen`)).status, 303);
    assert.doesNotMatch((await s.co.get(s.doc)).text, /Resolved by/);
    assert.equal((await s.cm.post(`${s.doc}/comments/999999/resolve`)).status, 404);
    // From plenary review on, every participant comments.
    assert.equal((await s.co.post(`${s.doc}/comments`, { anchor: 'p1', body: 'Now I can.', lang: 'en' })).status, 303);
    const log = await t.client().get(`/en/p/${s.process.slug}/activity`);
    assert.match(log.text, /commented on a document/);
    assert.match(log.text, /resolved a comment thread/);
    assert.match(log.text, /reopened a comment thread/);
  });
});

describe('versions, comparison and permanent links', () => {
  it('lists versions, shows an old one, compares any two in either language', async () => {
    const s = await setup();
    await edit(s.cm, s.doc, 1, [P.b, P.a.replace('forefront', 'very forefront'), P.d, 'A new closing paragraph.']);
    const list = await t.client().get(`${s.doc}/versions`);
    assert.equal(list.status, 200);
    assert.match(list.text, /English text edited \(1 added, 1 changed, 1 removed, 1 moved\)/);
    assert.match(list.text, /First text, in English/);
    const v1 = await t.client().get(`${s.doc}/versions/1`);
    assert.equal(v1.status, 200);
    assert.match(v1.text, /You are reading version 1\. The current version is 2\./);
    assert.match(v1.text, /Consumers need clear labels/);
    assert.equal((await t.client().get(`${s.doc}/versions/9`)).status, 404);
    const cmp = await t.client().get(`${s.doc}/compare?from=1&to=2&lang=en`);
    assert.equal(cmp.status, 200);
    assert.match(cmp.text, /<ins><span class="visually-hidden">\[inserted: <\/span>very <span class="visually-hidden">\]<\/span><\/ins>/);
    assert.match(cmp.text, /Removed[\s\S]*<del>Consumers need clear labels/);
    assert.match(cmp.text, /Added[\s\S]*<ins>A new closing paragraph\.<\/ins>/);
    assert.match(cmp.text, /Moved/);
    assert.match(cmp.text, /1 unchanged passage not shown/);
    assert.match((await t.client().get(`${s.doc}/compare?from=1&to=2&lang=en&all=1`)).text, /Networks should be able/);
    assert.match((await t.client().get(`/fr/p/${s.process.slug}/documents/${s.slug}/compare?from=1&to=2&lang=fr`)).text, /Aucune différence dans cette langue/);
    assert.equal((await t.client().get(`${s.doc}/compare?from=1&to=7`)).status, 400);
  });

  it('a permanent link leads to the passage now, through merges, or to its last text once removed', async () => {
    const s = await setup();
    await edit(s.cm, s.doc, 1, [P.a, `${P.c} ${P.d}`]);
    const live = await t.client().get(`${s.doc}/at/p1`);
    assert.equal(live.status, 302);
    assert.equal(live.location, `${s.doc}#p1`);
    const merged = await t.client().get(`${s.doc}/at/p4`);
    assert.equal(merged.status, 302);
    assert.match(merged.location!, new RegExp(`${s.doc}#p3`));
    const removed = await t.client().get(`${s.doc}/at/p2`);
    assert.equal(removed.status, 200);
    assert.match(removed.text, /This passage was removed in version 2/);
    assert.match(removed.text, /id="p2"/);
    assert.equal((await t.client().get(`${s.doc}/at/p77`)).status, 404);
    assert.equal((await t.client().get(`${s.doc}/at/x`)).status, 404);
  });
});

describe('the published report as PDF', { skip: findChromium() ? false : 'no Chromium on this machine' }, () => {
  it('is printed by Chromium on publication: tagged, in the reader’s language, with its link on the page', async () => {
    const pdfApp = await testApp({ env: { CHROMIUM_PATH: findChromium()! } });
    try {
      const { process, convener } = await makeProcess(pdfApp.deps);
      const body = await makeBody(pdfApp.deps, process, convener, { slug: 'wg' });
      const slug = await makeDocument(pdfApp.deps, process, convener, body, {
        en: '# Scope\n\nText.\n\nRecommendation: Label.',
        fr: '# Portée\n\nTexte.\n\nRecommandation : Étiqueter.',
      });
      const c = pdfApp.client();
      c.cookies.set('concert_session', await createSession(pdfApp.db, convener.userId, null, pdfApp.clock.now()));
      const doc = `/fr/p/${process.slug}/documents/${slug}`;
      for (const to of ['plenary-review', 'final', 'published']) assert.equal((await c.post(`${doc}/state`, { to })).status, 303, to);
      const page = await pdfApp.client().get(doc);
      assert.match(page.text, /Télécharger le PDF/);
      const pdf = await pdfApp.client().request(`${doc}/pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      const bytes = Buffer.from(pdf.text, 'latin1');
      assert.ok(pdf.text.startsWith('%PDF-'));
      assert.ok(pdf.text.includes('/StructTreeRoot'), 'tagged');
      assert.ok(pdf.text.includes('/Lang (fr)'), 'in French');
      assert.ok(bytes.length > 1000);
      const en = await pdfApp.client().request(`/en/p/${process.slug}/documents/${slug}/pdf`);
      assert.ok(en.text.includes('/Lang (en)'));
    } finally {
      await pdfApp.close();
    }
  });
});
