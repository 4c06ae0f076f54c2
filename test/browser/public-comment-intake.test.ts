import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_CONVENER_EMAIL } from '../../src/demo/seed.ts';
import { check, newJourney, signIn, submit, visit, type Server, useDemoServer } from '../support/browser.ts';

// Public input intake as people use it: a comment on a paragraph without an
// account, its receipt, the period page, the policy, the comment's page; then
// the convener's moderation queue and scheduling form. Every page with axe.
let server: Server;
let browser: Browser;
useDemoServer((s, b) => {
  [server, browser] = [s, b];
});

const words = {
  en: {
    name: 'Your name',
    category: 'Stakeholder category',
    email: 'Email address',
    body: 'Comment',
    send: 'Send my comment',
    received: 'Comment received',
    policy: 'Moderation policy',
    hide: /^Hide/,
    reason: 'Reason for hiding (shown publicly)',
    hidden: /Hidden by the moderators: Off topic/,
  },
  fr: {
    name: 'Votre nom',
    category: 'Catégorie de partie prenante',
    email: 'Adresse courriel',
    body: 'Commentaire',
    send: 'Envoyer mon commentaire',
    received: 'Commentaire reçu',
    policy: 'Politique de modération',
    hide: /^Masquer/,
    reason: 'Raison du masquage (publiée)',
    hidden: /Masqué par la modération : Off topic/,
  },
} as const;

for (const [locale, js] of [
  ['fr', false],
  ['en', true],
] as const) {
  describe(`public input intake (${locale}, JavaScript ${js ? 'on' : 'off'})`, () => {
    it('comments on a paragraph without an account, reads the receipt; the convener moderates it', async () => {
      const w = words[locale];
      const j = await newJourney(browser, server, { js, locale });
      try {
        await visit(j, `/${locale}/p/iot-security/documents/draft-outcomes-report`);
        const periodHref = await j.page.locator('main a[href*="/input/"]').first().getAttribute('href');
        assert.ok(periodHref);
        const base = /^(\/(en|fr)\/p\/iot-security\/input\/\d+)/.exec(periodHref!)![1]!;
        await visit(j, base);
        const anchor = /anchor=(p\d+)/.exec((await j.page.locator('a[href*="comment?anchor="]').first().getAttribute('href'))!)![1]!;
        await visit(j, `${base}/comment?anchor=${anchor}`);
        const person = `Journey ${locale} ${js ? 'JS' : 'noJS'} <b>commenter</b>`;
        await j.page.getByLabel(w.name).fill(person);
        await j.page.getByLabel(w.category).selectOption('consumers');
        await j.page.getByLabel(w.email).fill(`commenter-${locale}-${js}@example.org`);
        await j.page.getByLabel(w.body, { exact: true }).fill(`Un commentaire ${locale} <script>alert(1)</script>`);
        await submit(j, w.send);
        assert.equal(await j.page.locator('h1').innerText(), w.received);
        await check(j);
        const receipt = /([A-Z0-9X]{4}(?:-[A-Z0-9X]{1,4})+)/.exec(await j.page.locator('.receipt').innerText())![1]!;

        await visit(j, base);
        const card = j.page.locator('article.public-comment', { hasText: receipt });
        assert.equal(await card.count(), 1);
        assert.ok((await card.innerText()).includes(person), 'the name is shown as typed, escaped');
        await Promise.all([j.page.waitForNavigation(), card.getByRole('link', { name: person }).click()]);
        await check(j);
        await visit(j, `${base}/policy`);

        await signIn(j, DEMO_CONVENER_EMAIL, 'Demo Convener');
        await visit(j, `${base}/moderation`);
        const item = j.page.locator('.moderation-item', { hasText: receipt });
        await item.getByLabel(w.reason).fill('Off topic');
        await Promise.all([j.page.waitForNavigation(), item.getByRole('button', { name: w.hide }).click()]);
        await check(j);
        await visit(j, base);
        assert.match(await j.page.locator('article.public-comment', { hasText: receipt }).innerText(), w.hidden);
        await visit(j, `/${locale}/p/iot-security/documents/draft-outcomes-report/input-period`);
      } finally {
        await j.context.close();
      }
    });
  });
}
