import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type Server, useDemoServer } from '../support/browser.ts';
import { decisionJourney } from '../support/consensus-journey.ts';

let server: Server;
let browser: Browser;
useDemoServer((s, b) => {
  [server, browser] = [s, b];
});

for (const js of [true, false]) {
  describe(`consensus decision journey (en, JavaScript ${js ? 'on' : 'off'})`, () => {
    it('drafting → discussion → an objection discussed → the call → an assessment → a minority statement → the decision', () => decisionJourney(browser, server, 'en', js));
  });
}
