import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_CONVENER_EMAIL } from '../../src/demo/seed.ts';
import { assertReflows, check, newJourney, signIn, submit, visit, type Journey, type Server, useDemoServer } from '../support/browser.ts';

let server: Server;
let browser: Browser;
useDemoServer((s, b) => {
  [server, browser] = [s, b];
});

const words = {
  en: {
    start: 'Start a document',
    body: 'Drafting body',
    title: { en: 'English', fr: 'French' },
    lang: 'English',
    firstText: 'First text',
    create: 'Start the document',
    created: /Version 1 is saved/,
    sideBySide: 'Side by side',
    saveTranslations: 'Save these translations',
    comment: 'Comment',
    commentLabel: 'Your comment',
    post: 'Post the comment',
    posted: /Your comment is posted/,
    edit: 'Edit the English text',
    markdown: 'Text in English (Markdown)',
    save: 'Save a new version',
    earlier: /Made on version 2; the passage has changed since/,
    toPlenary: 'Send to plenary review',
    toFinal: 'Mark as final',
    publish: 'Publish',
    published: 'Published',
    oneComment: '1 comment',
    todo: 'Only what needs translating',
  },
  fr: {
    start: 'Commencer un document',
    body: 'Instance qui rédige',
    title: { en: 'Anglais', fr: 'Français' },
    lang: 'Anglais',
    firstText: 'Premier texte',
    create: 'Commencer le document',
    created: /La version 1 est enregistrée/,
    sideBySide: 'Côte à côte',
    saveTranslations: 'Enregistrer ces traductions',
    comment: 'Commenter',
    commentLabel: 'Votre commentaire',
    post: 'Publier le commentaire',
    posted: /Votre commentaire est publié/,
    edit: 'Modifier le texte anglais',
    markdown: 'Texte en anglais (Markdown)',
    save: 'Enregistrer une nouvelle version',
    earlier: /Fait sur la version 2 ; le passage a changé depuis/,
    toPlenary: 'Soumettre à l’examen en plénière',
    toFinal: 'Marquer comme version finale',
    publish: 'Publier',
    published: 'Publié',
    oneComment: '1 commentaire',
    todo: 'Seulement ce qui reste à traduire',
  },
} as const;

const EN = (tag: string) => `# Scope ${tag}

Devices should be built with security at the forefront of their design.

Manufacturers should support devices with security updates for a stated period.

Recommendation: Label devices with the period of their security updates.
`;
const FR = [
  'Portée',
  'Les appareils doivent être conçus en plaçant la sécurité au premier plan.',
  'Les fabricants doivent fournir des mises à jour de sécurité pendant une période annoncée.',
  'Étiqueter les appareils avec la durée de leurs mises à jour.',
];

async function click(j: Journey, name: string | RegExp, role: 'link' | 'button' = 'link') {
  await Promise.all([
    j.page.waitForNavigation(),
    j.page
      .getByRole(role, { name, exact: typeof name === 'string' })
      .first()
      .click(),
  ]);
  await check(j);
}

/** Fills every empty French field of the side-by-side form, in order. */
async function translateAll(j: Journey, texts: readonly string[]) {
  const fields = j.page.locator('textarea[name$=".fr"]');
  const n = await fields.count();
  let k = 0;
  for (let i = 0; i < n; i++) if ((await fields.nth(i).inputValue()) === '') await fields.nth(i).fill(texts[k++] ?? `Texte ${i}`);
}

for (const [locale, js] of [
  ['en', true],
  ['fr', false],
  ['fr', true],
  ['en', false],
] as const) {
  describe(`document journey (${locale}, JavaScript ${js ? 'on' : 'off'})`, () => {
    it('drafts a document, translates it side by side, comments on a passage, edits so the comment follows it, moves it through review and publishes it', async () => {
      const w = words[locale];
      const tag = `${locale}${js ? 'js' : 'nojs'}`;
      const j = await newJourney(browser, server, { js, locale });
      try {
        await visit(j, `/${locale}/p/iot-security`);
        await signIn(j, DEMO_CONVENER_EMAIL, 'Demo Convener');
        await visit(j, `/${locale}/p/iot-security`);

        // Draft.
        await click(j, w.start);
        await j.page.getByRole('textbox', { name: new RegExp(`^${w.title.en}`) }).fill(`Scope of labels ${tag}`);
        await j.page.getByRole('textbox', { name: new RegExp(`^${w.title.fr}`) }).fill(`Portée des étiquettes ${tag}`);
        await j.page.getByRole('radio', { name: w.lang, exact: true }).check();
        await j.page.getByLabel(w.firstText).fill(EN(tag));
        await submit(j, w.create);
        assert.match(await j.page.locator('.flash').innerText(), w.created);
        await check(j);
        const docUrl = new URL(j.page.url()).pathname;

        // Translate side by side.
        await click(j, w.sideBySide);
        await assertReflows(j.page);
        await translateAll(j, FR);
        await submit(j, w.saveTranslations);
        await check(j);
        await visit(j, docUrl);

        // Comment on the third passage (the one about updates).
        await Promise.all([j.page.waitForNavigation(), j.page.locator('#p3').getByRole('link', { name: w.comment, exact: true }).click()]);
        await check(j);
        await j.page.getByRole('textbox', { name: w.commentLabel }).fill('How long is a “stated period”? <b>at least five years</b>');
        await submit(j, w.post);
        assert.match(await j.page.locator('.flash').innerText(), w.posted);
        await check(j);
        assert.equal(await j.page.locator('#p3 details.threads > summary').innerText(), w.oneComment);

        // Edit around and inside the passage: the comment stays with it, marked as made on an earlier version.
        await click(j, w.edit);
        const md = await j.page.getByLabel(w.markdown).inputValue();
        await j.page
          .getByLabel(w.markdown)
          .fill(
            md.replace('Manufacturers should', 'A new passage about labels.\n\nManufacturers should').replace('for a stated period', 'for a period stated when the device is sold'),
          );
        await submit(j, w.save);
        await check(j);
        assert.equal(await j.page.locator('#p3 details.threads > summary').innerText(), w.oneComment);
        await j.page.locator('#p3 details.threads > summary').click();
        assert.match(await j.page.locator('#p3').innerText(), w.earlier);
        assert.match(await j.page.locator('#p3').innerText(), /<b>at least five years<\/b>/, 'the comment is shown as text');
        await check(j);

        // Both languages back in step: the gate needs it.
        await visit(j, `${docUrl}/translate`);
        assert.equal(await j.page.getByText(w.todo, { exact: true }).count(), 1);
        await translateAll(j, ['Un nouveau passage sur les étiquettes.']);
        const changed = j.page.locator('textarea[name="t.p3.fr"]');
        await changed.fill('Les fabricants doivent fournir des mises à jour pendant une période annoncée à la vente.');
        await submit(j, w.saveTranslations);
        await check(j);

        // Review and publication.
        await visit(j, docUrl);
        for (const step of [w.toPlenary, w.toFinal, w.publish]) {
          await submit(j, new RegExp(`^${step}$`));
          await check(j);
        }
        assert.equal(await j.page.locator('.doc-state .badge').first().innerText(), w.published);
        await assertReflows(j.page);
        if (js) {
          // The language switch keeps the place in the document.
          await j.page.goto(`${server.url}${docUrl}#p4`);
          await j.page.locator('#p4').scrollIntoViewIfNeeded();
          await j.page.waitForFunction(() => document.querySelector('header.site a[hreflang]')?.getAttribute('href')?.endsWith('#p4'), null, { timeout: 5000 });
          await Promise.all([j.page.waitForNavigation(), j.page.locator('header.site a[hreflang]').click()]);
          assert.equal(new URL(j.page.url()).hash, '#p4', 'the other language opens at the same passage');
        }
      } finally {
        await j.context.close();
      }
    });
  });
}

describe('document pages at 320 px wide, and the demo documents', () => {
  it('reflow without horizontal scrolling and have no axe violations', async () => {
    for (const js of [true, false]) {
      const j = await newJourney(browser, server, { js, locale: 'fr', width: 320 });
      try {
        for (const p of [
          '/fr/p/iot-security/documents',
          '/fr/p/iot-security/documents/draft-outcomes-report',
          '/fr/p/iot-security/documents/draft-outcomes-report/translate',
          '/fr/p/iot-security/documents/draft-outcomes-report/versions',
          '/fr/p/iot-security/documents/draft-outcomes-report/compare?from=2&to=4&lang=fr',
          '/fr/p/iot-security/documents/labeling-regimes',
          '/fr/p/iot-security/search?q=reunion',
          '/en/p/iot-security/search?q=labels&type=document',
        ]) {
          await visit(j, p);
          await assertReflows(j.page);
        }
      } finally {
        await j.context.close();
      }
    }
  });
});
