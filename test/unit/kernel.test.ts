import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plural } from '../../src/kernel/i18n.ts';
import { cleanLocalized, missingLanguages, pickText } from '../../src/kernel/localized.ts';
import { negotiateLocale } from '../../src/platform/http/middleware.ts';
import { publicationGate } from '../../src/capabilities/processes/domain/publication.ts';

describe('localized text', () => {
  const cases: Array<[string, Parameters<typeof pickText>[0], 'en' | 'fr', ReturnType<typeof pickText>]> = [
    ['own language present', { en: 'Hello', fr: 'Bonjour' }, 'fr', { text: 'Bonjour', lang: 'fr', translated: true }],
    ['falls back to the other language, flagged', { en: 'Hello' }, 'fr', { text: 'Hello', lang: 'en', translated: false }],
    ['blank counts as missing', { en: '  ', fr: 'Bonjour' }, 'en', { text: 'Bonjour', lang: 'fr', translated: false }],
    ['nothing at all', {}, 'en', null],
    ['null', null, 'en', null],
  ];
  for (const [name, value, locale, expected] of cases) it(name, () => assert.deepEqual(pickText(value, locale), expected));

  it('lists missing official languages', () => {
    assert.deepEqual(missingLanguages({ en: 'x' }, ['en', 'fr']), ['fr']);
    assert.deepEqual(missingLanguages({ en: 'x', fr: ' ' }, ['en', 'fr']), ['fr']);
    assert.deepEqual(missingLanguages({ fr: 'x' }, ['fr']), []);
  });

  it('cleans blanks and trims', () => assert.deepEqual(cleanLocalized({ en: ' a ', fr: '   ' }), { en: 'a' }));
});

describe('publication gate: publishing requires every official language', () => {
  it('refuses with each missing field and language', () => {
    const r = publicationGate({ title: { en: 'T' }, summary: { en: 'S', fr: 'R' }, scope: {} }, ['en', 'fr']);
    assert.equal(r.ok, false);
    assert.deepEqual(r.missing, [
      { field: 'title', language: 'fr' },
      { field: 'scope', language: 'en' },
      { field: 'scope', language: 'fr' },
    ]);
  });
  it('passes a process with a single official language that is complete', () => {
    assert.equal(publicationGate({ title: { fr: 'T' } }, ['fr']).ok, true);
  });
});

describe('plurals', () => {
  const forms = { one: '# participant', other: '# participants' };
  it('French treats 0 and 1 as singular', () => {
    assert.equal(plural('fr', 0, forms), '0 participant');
    assert.equal(plural('fr', 1, forms), '1 participant');
    assert.equal(plural('fr', 2, forms), '2 participants');
  });
  it('English treats 0 as plural', () => {
    assert.equal(plural('en', 0, forms), '0 participants');
    assert.equal(plural('en', 1, forms), '1 participant');
  });
  it('formats large numbers by locale', () => {
    assert.equal(plural('fr', 1234, forms), '1\u00a0234 participants');
    assert.equal(plural('en', 1234, forms), '1,234 participants');
  });
});

describe('locale negotiation: cookie, then Accept-Language', () => {
  const table: Array<[string | undefined, string | undefined, 'en' | 'fr']> = [
    [undefined, undefined, 'en'],
    [undefined, 'fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    [undefined, 'de-DE,fr;q=0.5,en;q=0.7', 'en'],
    [undefined, 'de-DE,fr;q=0.5', 'fr'],
    [undefined, 'fr;q=0, en', 'en'],
    ['fr', 'en-US', 'fr'],
    ['xx', 'fr', 'fr'],
    [undefined, 'garbage;;;,', 'en'],
  ];
  for (const [cookie, accept, expected] of table) it(`${cookie ?? '-'} / ${accept ?? '-'} → ${expected}`, () => assert.equal(negotiateLocale(cookie, accept), expected));
});

describe('dates', async () => {
  const { formatDate, formatDateTime } = await import('../../src/kernel/i18n.ts');
  it('formats calendar days and instants in a time zone, in both languages', () => {
    assert.equal(formatDate('en', '2019-04-18'), 'April 18, 2019');
    assert.equal(formatDate('fr', '2019-04-18'), '18 avril 2019');
    const d = new Date('2026-03-02T15:00:00Z');
    assert.match(formatDateTime('en', d, 'America/Toronto'), /Mar 2, 2026.*10:00.*EST/);
    assert.match(formatDateTime('fr', d, 'Europe/Paris'), /2 mars 2026.*16 h 00|2 mars 2026.*16:00/);
  });
});

describe('random pieces from a pool', () => {
  it('hands out pieces of the asked length, never the same twice, across refills and for large asks', async () => {
    const { randomPieces } = await import('../../src/platform/random.ts');
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const b = randomPieces(10);
      assert.equal(b.length, 10);
      seen.add(b.toString('hex'));
    }
    assert.equal(seen.size, 2000);
    const big = randomPieces(5000);
    assert.equal(big.length, 5000);
    assert.notEqual(big.toString('hex'), Buffer.alloc(5000).toString('hex'));
  });
});
