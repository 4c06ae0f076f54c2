import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

describe('the demo has a public input period', () => {
  it('on the draft outcomes report, with bilingual comments, a campaign and a hidden one', async () => {
    // The demo template was seeded at the real time of this run.
    t.clock.set(new Date());
    const c = t.client();
    const doc = await c.get('/en/p/iot-security/documents/draft-outcomes-report');
    const href = /href="(\/en\/p\/iot-security\/input\/\d+)"/.exec(doc.text)?.[1];
    assert.ok(href, 'the document page links to its period');
    assert.match(doc.text, /Comment on this paragraph/);
    const en = await c.get(href!);
    assert.match(en.text, /Open until/);
    assert.match(en.text, /5 published comments/);
    assert.match(en.text, /1,240 signatories/);
    assert.match(en.text, /Hidden by the moderators: Advertising/);
    assert.match(en.text, /<div class="prose" lang="fr">/);
    const fr = await c.get(href!.replace('/en/', '/fr/'));
    assert.match(fr.text, /Ouverte jusqu’au/);
    assert.match(fr.text, /1\s240 signataires/);
  });
});
