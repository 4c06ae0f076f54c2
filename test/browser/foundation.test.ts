import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertReflows, check, newJourney, signIn, submit, visit, type Server, useDemoServer } from '../support/browser.ts';

let server: Server;
let browser: Browser;
useDemoServer((s, b) => {
  [server, browser] = [s, b];
});

const words = {
  en: {
    process: 'Enhancing IoT Security',
    join: 'Join the process',
    joinSubmit: 'Join the process',
    name: 'Name shown to others',
    category: 'Academia',
    affiliation: 'Affiliation',
    self: 'for myself',
    accept: /I accept the rules of engagement/,
    none: 'I have no conflict of interest to declare.',
    welcome: /Welcome! You now take part/,
    wg: 'Device Labeling',
    joinWg: 'Join as a member',
    joinedWg: /You joined this body/,
    other: 'Français',
    log: 'Activity log',
    joinedLog: 'joined the process',
    joinedBodyLog: 'joined a body',
  },
  fr: {
    process: 'Améliorer la sécurité de l’Internet des objets',
    join: 'Se joindre au processus',
    joinSubmit: 'Se joindre au processus',
    name: 'Nom affiché',
    category: 'Milieu universitaire',
    affiliation: 'Affiliation',
    self: 'en votre propre nom',
    accept: /J’accepte les règles de participation/,
    none: 'Je n’ai aucun conflit d’intérêts à déclarer.',
    welcome: /Bienvenue ! Vous participez/,
    wg: 'Étiquetage des appareils',
    joinWg: 'Devenir membre',
    joinedWg: /Vous vous êtes joint à cette instance/,
    other: 'English',
    log: 'Journal d’activité',
    joinedLog: 's’est joint au processus',
    joinedBodyLog: 's’est joint à une instance',
  },
} as const;

for (const [locale, js] of [
  ['en', true],
  ['fr', false],
  ['fr', true],
  ['en', false],
] as const) {
  describe(`newcomer journey (${locale}, JavaScript ${js ? 'on' : 'off'})`, () => {
    it('visits the demo process, switches language, signs in by magic link, joins, joins a working group, sees themself in the balance view and the activity log', async () => {
      const w = words[locale];
      const j = await newJourney(browser, server, { js, locale });
      try {
        const person = `Journey ${locale}${js ? 'JS' : 'noJS'} <b>Tester</b>`;
        const email = `journey-${locale}-${js}@example.org`;
        await visit(j, `/${locale}/`);
        await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: w.process }).click()]);
        await check(j);
        // Switch language and back: the same page in the other language.
        const other = locale === 'en' ? 'fr' : 'en';
        await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: w.other }).click()]);
        assert.equal(new URL(j.page.url()).pathname, `/${other}/p/iot-security`);
        assert.equal(await j.page.getAttribute('html', 'lang'), other);
        await check(j);
        await j.page.goBack();
        assert.equal(new URL(j.page.url()).pathname, `/${locale}/p/iot-security`);

        await signIn(j, email, person);
        await visit(j, `/${locale}/p/iot-security`);
        await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: w.join }).click()]);
        await check(j);
        assert.equal(await j.page.getByLabel(w.name).inputValue(), person);
        await j.page.getByLabel(w.category, { exact: true }).check();
        await j.page.getByLabel(w.affiliation).fill('Université du test');
        await j.page.getByLabel(w.self).check();
        await j.page.getByLabel(w.accept).check();
        await j.page.getByLabel(w.none).check();
        await submit(j, w.joinSubmit);
        assert.match(await j.page.locator('.flash').innerText(), w.welcome);
        await check(j);

        await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: w.wg }).click()]);
        await check(j);
        const before = Number(await j.page.locator('table:has(caption) tr', { hasText: w.category }).locator('td.num').first().innerText());
        await submit(j, w.joinWg);
        assert.match(await j.page.locator('.flash').innerText(), w.joinedWg);
        await check(j);
        const afterCount = Number(await j.page.locator('table:has(caption) tr', { hasText: w.category }).locator('td.num').first().innerText());
        assert.equal(afterCount, before + 1, 'the balance view counts the new member');
        assert.equal(await j.page.locator('main').getByRole('link', { name: person }).count(), 1, 'listed among the members, escaped');

        await visit(j, `/${locale}/p/iot-security/activity`);
        const log = await j.page.locator('main').innerText();
        assert.ok(log.includes(`${person} ${w.joinedLog}`), 'activity log shows the join');
        assert.ok(log.includes(`${person} ${w.joinedBodyLog}`), 'activity log shows the working group');
      } finally {
        await j.context.close();
      }
    });
  });
}

describe('layout at 320 px wide (also 200 % zoom of a 640 px window), keyboard first', () => {
  it('reflows without horizontal scrolling and the skip link is the first stop', async () => {
    for (const js of [true, false]) {
      const j = await newJourney(browser, server, { js, locale: 'fr', width: 320 });
      try {
        for (const p of [
          '/fr/',
          '/fr/p/iot-security',
          '/fr/p/iot-security/bodies/device-labeling',
          '/fr/p/iot-security/participants',
          '/fr/p/iot-security/timeline',
          '/fr/sign-in',
        ]) {
          await visit(j, p);
          await assertReflows(j.page);
        }
        await j.page.keyboard.press('Tab');
        assert.equal(await j.page.evaluate(() => document.activeElement?.className).catch(() => 'skip'), 'skip');
      } finally {
        await j.context.close();
      }
    }
  });

  it('the demo process page weighs under 50 KB transferred, scripts included', async () => {
    const j = await newJourney(browser, server, { js: true, locale: 'en' });
    try {
      let total = 0;
      const sizes: string[] = [];
      j.page.on('requestfinished', async (req) => {
        const s = await req.sizes();
        total += s.responseBodySize + s.responseHeadersSize;
        sizes.push(`${new URL(req.url()).pathname} ${s.responseBodySize}`);
      });
      await j.page.goto(`${server.url}/en/p/iot-security`, { waitUntil: 'networkidle' });
      console.log(`# demo process page: ${total} bytes transferred (${sizes.join(', ')})`);
      assert.ok(total < 50 * 1024, `${total} bytes`);
    } finally {
      await j.context.close();
    }
  });
});
