import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertReflows, newJourney, visit, type Server, useDemoServer } from '../support/browser.ts';
import { decisionJourney, shot } from '../support/consensus-journey.ts';

let server: Server;
let browser: Browser;
useDemoServer((s, b) => {
  [server, browser] = [s, b];
});

for (const js of [false, true]) {
  describe(`consensus decision journey (fr, JavaScript ${js ? 'on' : 'off'})`, () => {
    it('rédaction → discussion → une objection discutée → l’appel → une évaluation → une déclaration minoritaire → la décision', () => decisionJourney(browser, server, 'fr', js));
  });
}

describe('the demo’s decisions', () => {
  it('the process page, the decisions list, a decided change of scope and a proposal in discussion, at 320 px', async () => {
    for (const [locale, js] of [
      ['en', true],
      ['fr', false],
    ] as const) {
      const j = await newJourney(browser, server, { js, locale, width: 320 });
      try {
        await visit(j, `/${locale}/p/iot-security/decisions`);
        await assertReflows(j.page);
        const hrefs = await j.page.locator('main ul.decisions a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        assert.ok(hrefs.length >= 2);
        for (const [i, href] of hrefs.entries()) {
          await visit(j, href);
          await assertReflows(j.page);
          await shot(j, `demo-${locale}-${i}`);
        }
        await visit(j, `/${locale}/p/iot-security/bodies/consumer-education`);
        await assertReflows(j.page);
        assert.match(await j.page.locator('main').innerText(), locale === 'en' ? /digital literacy training/ : /littératie numérique/);
      } finally {
        await j.context.close();
      }
    }
  });
});
