import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { intakeMessages, processComments } from '../../src/capabilities/public-comment/index.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { check, launch, newJourney, signIn, submit, visit, type Journey, type Server } from '../support/browser.ts';
import { startServer } from '../support/browser.ts';
import { XSS } from '../support/factories.ts';
import { addComments, campaign, makePeriod } from '../support/public-comment.ts';

// Public input as people live it: a visitor without an account comments on a
// paragraph; the moderator approves it; it joins its campaign's group; the
// chair answers the group, and publishes "what we heard" once the period closes.
// EN and FR, JavaScript on and off, axe on every page.
let server: Server;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const words = {
  en: {
    sixComments: /6 comments, 45 signatories/,
    show: 'Show',
    apply: 'Apply the filters',
    answer: /^Answer · Group of 6/,
    kind: { notAccepted: 'Not accepted', partly: 'Partly accepted' },
    reason: 'Reason (English)',
    save: 'Save the disposition',
    saved: /The disposition is saved/,
    progress: /6 of 8 comments answered/,
    required: /Say why it was not accepted/,
    publish: 'Publish what we heard',
    published: /Published\. Earlier editions stay listed/,
    caption: 'Comments by stakeholder category',
    group: /Read the comments of this group/,
  },
  fr: {
    sixComments: /6\u00a0?commentaires, 45\u00a0?signataires|6 commentaires, 45 signataires/,
    show: 'Afficher',
    apply: 'Appliquer les filtres',
    answer: /^Répondre · Groupe de 6/,
    kind: { notAccepted: 'Non retenu', partly: 'Retenu en partie' },
    reason: 'Motif (français)',
    save: 'Enregistrer la suite donnée',
    saved: /La suite donnée est enregistrée/,
    progress: /6 commentaires sur 8 ont reçu une suite/,
    required: /Dites pourquoi il n’est pas retenu/,
    publish: 'Publier ce que nous avons entendu',
    published: /Publié\. Les éditions précédentes/,
    caption: 'Commentaires par catégorie de parties prenantes',
    group: /Lire les commentaires de ce groupe/,
  },
};

async function journey(j: Journey) {
  const w = words[j.locale];
  const m = intakeMessages(j.locale);
  const deps = { db: server.db.db, clock: systemClock };
  // Pre-moderated, no email needed: nothing a visitor sends is public before a moderator approves it.
  const s = await makePeriod(deps, { moderation: 'pre' });
  await server.db.db.updateTable('commentPeriods').set({ requireVerifiedEmail: false }).where('id', '=', s.periodId).execute();
  // A campaign already under way (5 letters, one signed by 40), and two distinct comments.
  await addComments(deps, s, [
    ...campaign(5).map((text, i) => ({ text, signatories: i === 0 ? 40 : 1, anchor: 'p2', category: 'industry' })),
    { text: `Labels should show the end of support ${XSS}`, anchor: 'p5', category: 'government' },
    { text: 'Les réseaux doivent pouvoir isoler un appareil compromis.', lang: 'fr', category: 'academia' },
  ]);
  await processComments(deps, s.periodId);
  const base = `/${j.locale}/p/${s.process.slug}/input/${s.periodId}`;

  // A visitor without an account sends the campaign's letter, with a point of their own, on a paragraph.
  await visit(j, base);
  await j.page.getByText(m.commentOnAParagraph, { exact: true }).click();
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: /^p2:/ }).click()]);
  await check(j);
  await j.page.getByLabel(m.name).fill(`Léa ${XSS}`);
  await j.page.getByLabel(m.category).selectOption('civil-society');
  await j.page.getByLabel(m.body, { exact: true }).fill(`${campaign(1)[0]} Mon point à moi : les routeurs aussi.`);
  await submit(j, m.submit);
  await check(j);
  assert.match(await j.page.content(), new RegExp(m.receiptTitle));

  // The public: groups (the new letter is not public yet), one group with what each member added, no report yet.
  await visit(j, `${base}/clusters`);
  assert.doesNotMatch(await j.page.content(), /Mon point à moi/);
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: w.group }).first().click()]);
  await check(j);
  assert.ok((await j.page.locator('ins .visually-hidden').count()) > 0, 'additions are announced in words');
  await visit(j, `${base}/what-we-heard`);

  // The convener signs in and answers.
  const { email } = await server.db.db.selectFrom('users').select('email').where('id', '=', s.convener.userId).executeTakeFirstOrThrow();
  await j.page.goto(`${server.url}${base}/clusters`);
  await signIn(j, email, s.convener.name);
  // Moderation: the letter is approved, then grouped with its campaign (the job does it too; it is idempotent).
  await visit(j, `${base}/moderation`);
  await submit(j, new RegExp(`^${m.approve}`));
  await check(j);
  await processComments(deps, s.periodId);
  await visit(j, `${base}/clusters`);
  assert.match(await j.page.content(), w.sixComments);
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: w.group }).first().click()]);
  await check(j);
  assert.match(
    await j.page
      .locator('ins')
      .allInnerTexts()
      .then((t) => t.join(' ')),
    /Mon point à moi/,
    'the visitor’s own point is what is highlighted',
  );
  // The convener gives the public another week: once open, only the closing time moves.
  await visit(j, base);
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: m.changePeriod }).click()]);
  await check(j);
  assert.equal(await j.page.locator('input[name="start_date"]').count(), 0);
  const endField = j.page.getByLabel(m.endDate);
  const end = new Date(`${await endField.inputValue()}T12:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 7);
  await endField.fill(end.toISOString().slice(0, 10));
  await submit(j, m.saveChanges);
  await check(j);
  assert.match(await j.page.content(), new RegExp(m.changed.replace('.', '\\.')));
  await visit(j, `${base}/dispositions`);
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: w.answer }).click()]);
  await check(j);
  await j.page.getByLabel(w.kind.notAccepted, { exact: true }).check();
  await submit(j, w.save);
  await check(j);
  assert.match(await j.page.content(), w.required);
  await j.page.getByLabel(w.kind.partly, { exact: true }).check();
  await j.page.getByLabel(w.reason).fill(`Partly, see version 2 ${XSS}`);
  await submit(j, w.save);
  await check(j);
  assert.match(await j.page.content(), w.saved);
  assert.match(await j.page.content(), w.progress);
  // The filters are a plain GET form.
  await j.page.getByLabel(w.show, { exact: true }).selectOption('unanswered');
  await submit(j, w.apply);
  await check(j);
  assert.match(j.page.url(), /show=unanswered/);
  assert.equal(await j.page.getByRole('link', { name: w.answer }).count(), 0, 'the answered group is filtered out');

  // The period closes; the draft is reviewed and published; the public reads it.
  await server.db.db
    .updateTable('commentPeriods')
    .set({ endsAt: new Date(Date.now() - 60_000), startsAt: new Date(Date.now() - 40 * 86_400_000), languagesLiveAt: new Date(Date.now() - 40 * 86_400_000) })
    .where('id', '=', s.periodId)
    .execute();
  await visit(j, `${base}/what-we-heard/draft`);
  await submit(j, w.publish);
  await check(j);
  assert.match(await j.page.content(), w.published);
  assert.ok(await j.page.getByRole('table', { name: w.caption }).isVisible());
}

describe('public input: answering', () => {
  for (const [locale, js] of [
    ['en', true],
    ['fr', false],
    ['en', false],
    ['fr', true],
  ] as const) {
    it(`${locale}, JavaScript ${js ? 'on' : 'off'}`, async () => {
      const j = await newJourney(browser, server, { js, locale });
      try {
        await journey(j);
      } finally {
        await j.context.close();
      }
    });
  }
});
