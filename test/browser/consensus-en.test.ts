import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, startServer, type Server } from '../support/browser.ts';
import { decisionJourney } from '../support/consensus-journey.ts';

let server: Server;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const js of [true, false]) {
  describe(`consensus decision journey (en, JavaScript ${js ? 'on' : 'off'})`, () => {
    it('drafting → discussion → an objection discussed → the call → an assessment → a minority statement → the decision', () => decisionJourney(browser, server, 'en', js));
  });
}
