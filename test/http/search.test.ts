import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { indexEntries, removeEntries } from '../../src/capabilities/search/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { XSS, assertEscaped, makeBody, makeDocument, makeProcess } from '../support/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function setup() {
  const { process, convener } = await makeProcess(t.deps);
  const wg = await makeBody(t.deps, process, convener, { slug: 'labels' });
  const other = await makeBody(t.deps, process, convener, { slug: 'networks' });
  const slug = await makeDocument(t.deps, process, convener, wg, {
    en: `# Meetings ${XSS}\n\nThe working groups held meetings on device labelling and security updates.\n\n# Networks\n\nResilience of home routers.`,
    fr: `# Réunions ${XSS}\n\nLes groupes de travail ont tenu des réunions sur l’étiquetage des appareils et les mises à jour de sécurité.\n\n# Réseaux\n\nRésilience des routeurs domestiques.`,
  });
  await makeDocument(t.deps, process, convener, other, { en: 'Spectrum and routers in rural networks.' });
  return { process, convener, slug, search: (q: string, locale = 'en', extra = '') => t.client().get(`/${locale}/p/${process.slug}/search?q=${encodeURIComponent(q)}${extra}`) };
}

describe('full-text search in English and French', () => {
  it('finds sections in either language, accents optional, ranked, with escaped highlighted snippets linking to the passage', async () => {
    const s = await setup();
    for (const [q, locale, expect] of [
      ['reunion', 'fr', /<mark>réunions<\/mark>/],
      ['réunions', 'en', /<mark>réunions<\/mark>/],
      ['meeting', 'en', /<mark>meetings<\/mark>/],
      ['etiquetage', 'fr', /étiquetage<\/mark>/],
      ['"security updates"', 'en', /<mark>security<\/mark> <mark>updates<\/mark>/],
    ] as const) {
      const r = await s.search(q, locale);
      assert.equal(r.status, 200, q);
      assert.match(r.text, expect, q);
      assert.match(r.text, new RegExp(`href="/${locale}/p/${s.process.slug}/documents/${s.slug}#p1"`), q);
      assertEscaped(r.text);
    }
    const fr = await s.search('reunion', 'en');
    assert.match(fr.text, /Found in the French text/);
    assert.match(fr.text, /<p class="snippet" lang="fr">/);
    const none = await s.search('zzzyzzy');
    assert.match(none.text, /No results for “zzzyzzy”/);
    const ranked = await s.search('routers');
    assert.match(ranked.text, /2 results for “routers”/);
  });

  it('filters by type and by body; a new type is a label and an indexEntries call', async () => {
    const s = await setup();
    assert.match((await s.search('routers', 'en', '&body=networks')).text, /1 result for “routers”/);
    assert.match((await s.search('routers', 'en', '&body=labels')).text, /1 result for “routers”/);
    assert.match((await s.search('routers', 'en', '&type=meeting')).text, /No results/);
    const body = (await bodyBySlug(t.db, s.process.id, 'networks'))!;
    await t.db.transaction().execute((trx) =>
      indexEntries(trx, [
        {
          processId: s.process.id,
          type: 'meeting',
          key: 'm1',
          bodyId: body.id,
          path: `/p/${s.process.slug}/meetings/1`,
          title: { en: 'Routers roundtable', fr: 'Table ronde sur les routeurs' },
          text: { en: 'We talked about routers.' },
        },
      ]),
    );
    const meetings = await s.search('routers', 'en', '&type=meeting');
    assert.match(meetings.text, /1 result for “routers”/);
    assert.match(meetings.text, /Meeting · Body/);
    await t.db.transaction().execute((trx) => removeEntries(trx, { type: 'meeting', key: 'm1' }));
    assert.match((await s.search('routers', 'en', '&type=meeting')).text, /No results/);
    // Unknown filters are ignored rather than failing.
    assert.equal((await s.search('routers', 'en', '&type=bogus&body=nope&page=abc')).status, 200);
  });

  it('re-indexes a document when it changes, and only its sections', async () => {
    const s = await setup();
    const { documentBySlug, saveDocument } = await import('../../src/capabilities/documents/index.ts');
    const doc = (await documentBySlug(t.db, s.process.id, s.slug))!;
    const before = await t.db.selectFrom('searchEntries').select(['key', 'updatedAt']).where('grp', '=', `document:${doc.id}`).orderBy('key').execute();
    assert.equal(before.length, 2);
    const r = await saveDocument(t.deps, s.convener, s.process, doc, {
      lang: 'en',
      markdown: `# Meetings ${XSS}\n\nThe working groups held meetings on device labelling and security updates.\n\n# Networks\n\nResilience of home routers and satellite links.`,
      title: doc.title,
      type: doc.type,
      baseVersion: doc.currentVersion,
      note: null,
    });
    assert.ok(r.ok);
    const afterSave = await t.db.selectFrom('searchEntries').select(['key', 'updatedAt']).where('grp', '=', `document:${doc.id}`).orderBy('key').execute();
    assert.deepEqual(afterSave[0], before[0], 'the unchanged section was not rewritten');
    assert.notDeepEqual(afterSave[1], before[1]);
    assert.match((await s.search('satellite')).text, /1 result/);
  });

  it('asks for words when there are none, refuses very long queries, and is rate-limited', async () => {
    const s = await setup();
    const empty = await s.search('');
    assert.equal(empty.status, 200);
    assert.doesNotMatch(empty.text, /results? for/);
    assert.match((await s.search('!!! ???')).text, /Type one or more words/);
    const long = await s.search('word '.repeat(60));
    assert.equal(long.status, 422);
    assert.match(long.text, /Use at most 200 characters/);
    t.clock.advance(120_000);
    let status = 200;
    for (let i = 0; i < 61 && status === 200; i++) status = (await s.search('routers')).status;
    assert.equal(status, 429);
    t.clock.advance(120_000);
    assert.equal((await s.search('routers')).status, 200);
  });

  it('a draft process is not searchable by the public', async () => {
    const { process } = await makeProcess(t.deps, { publish: false });
    assert.equal((await t.client().get(`/en/p/${process.slug}/search?q=x`)).status, 404);
  });
});
