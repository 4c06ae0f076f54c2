import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { systemClock } from '../../src/kernel/clock.ts';
import { createSession, SESSION_COOKIE } from '../../src/platform/auth/sessions.ts';
import { assertReflows, check, newJourney, submit, visit, type Journey, type Server } from './browser.ts';
import { makeGroup, type Group, type Member } from './consensus.ts';

// A proposal from drafting to a recorded decision, as the people involved do
// it in their browsers: a member drafts it, the chair opens the discussion, a
// member cannot live with it (an objection), the chair records its discussion,
// the objector can live with it after all and attaches a minority statement,
// the chair opens the call, assesses and records the decision. Every kind of
// page is checked with axe the first time it is seen; a page seen again after
// a form is checked for its language and language switch.

const SHOTS = process.env.CONCERT_SHOTS;

export const words = {
  en: {
    propose: 'Put a proposal',
    save: 'Save the draft',
    drafted: /The proposal is drafted/,
    openDiscussion: 'Open the discussion',
    discussionOpen: /The discussion is open/,
    savePosition: 'Save my position',
    recorded: /Your position is recorded/,
    recordDiscussion: 'Record the discussion',
    discussionRecorded: /The discussion is recorded/,
    stands: 'My objection still stands',
    openCall: 'Open the consensus call',
    assess: 'Assess the outcome',
    publish: 'Publish the assessment',
    minority: 'Attach a minority statement',
    decide: 'Record the decision: consensus reached',
    decided: 'Decided: consensus reached',
    open: 'Open',
    standing: 'Still standing',
    consensus: 'Consensus',
    notAVote: /never a vote/,
  },
  fr: {
    propose: 'Présenter une proposition',
    save: 'Enregistrer l’ébauche',
    drafted: /La proposition est rédigée/,
    openDiscussion: 'Ouvrir la discussion',
    discussionOpen: /La discussion est ouverte/,
    savePosition: 'Enregistrer ma position',
    recorded: /Votre position est consignée/,
    recordDiscussion: 'Consigner la discussion',
    discussionRecorded: /La discussion est consignée/,
    stands: 'Je maintiens mon objection',
    openCall: 'Ouvrir l’appel au consensus',
    assess: 'Évaluer le résultat',
    publish: 'Publier l’évaluation',
    minority: 'Joindre une déclaration minoritaire',
    decide: 'Consigner la décision : consensus atteint',
    decided: 'Décidé : consensus atteint',
    open: 'Ouverte',
    standing: 'Maintenue',
    consensus: 'Consensus',
    notAVote: /jamais un vote/,
  },
} as const;

export async function shot(j: Journey, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await j.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A page already checked, seen again: loaded, in its language, with its language link, without a second axe pass. */
async function go(j: Journey, path: string): Promise<void> {
  const res = await j.page.goto(j.server.url + path);
  assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
  await again(j);
}

/** The same page again (after a form): its language and language link, without a second axe pass. */
async function again(j: Journey): Promise<void> {
  const lang = await j.page.getAttribute('html', 'lang');
  assert.equal(lang, j.locale);
  assert.equal(await j.page.locator(`a[hreflang="${lang === 'en' ? 'fr' : 'en'}"]`).count(), 1);
}

async function personaJourney(browser: Browser, server: Server, who: Member, opts: { js: boolean; locale: 'en' | 'fr'; width?: number }): Promise<Journey> {
  const j = await newJourney(browser, server, opts);
  const token = await createSession(server.db.db, who.actor.userId, 'journey', new Date());
  await j.context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return j;
}

const flash = async (j: Journey, pattern: RegExp) => assert.match(await j.page.locator('.flash').innerText(), pattern);
const click = async (j: Journey, name: string) => {
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name, exact: true }).first().click()]);
  await check(j);
};

export async function decisionJourney(browser: Browser, server: Server, locale: 'en' | 'fr', js: boolean): Promise<void> {
  const w = words[locale];
  const tag = `${locale}-${js ? 'js' : 'nojs'}`;
  // No quiet period, so the call can close within the journey; "almost none" allows one in three.
  const g = await makeGroup(
    { db: server.db.db, clock: systemClock },
    { categories: ['industry', 'academia'], settings: { quietPeriodHours: 0, almostNonePercent: 34, almostNoneMax: 1 } },
  );
  const [author, objector] = g.members as [Member, Member];
  const a = await personaJourney(browser, server, author, { js, locale });
  const o = await personaJourney(browser, server, objector, { js, locale });
  const c = await personaJourney(browser, server, g.chair, { js, locale });
  try {
    // A member drafts the proposal.
    await visit(a, `/${locale}/p/${g.process.slug}/bodies/${g.body.slug}`);
    await click(a, w.propose);
    await a.page.locator('#f-title_en').fill(`Label devices (${tag}) <b>bold?</b>`);
    await a.page.locator('#f-title_fr').fill(`Étiqueter les appareils (${tag}) <b>bold?</b>`);
    await a.page.locator('#f-text_en').fill('Recommend a **voluntary** label.');
    await a.page.locator('#f-text_fr').fill('Recommander une étiquette **volontaire**.');
    await submit(a, w.save);
    await flash(a, w.drafted);
    await check(a);
    const record = new URL(a.page.url()).pathname;
    assert.match(record, new RegExp(`^/${locale}/p/${g.process.slug}/decisions/\\d+$`));

    // The chair opens the discussion.
    await visit(c, record);
    await submit(c, w.openDiscussion);
    await flash(c, w.discussionOpen);
    await check(c);

    // A member cannot live with it: the reason becomes an objection. With JavaScript, the chair's page follows live.
    await go(o, record);
    await o.page.locator('#f-stance-2').check();
    await o.page.locator('#f-reason').fill('It says nothing about updates over the device’s lifespan.');
    await submit(o, w.savePosition);
    await flash(o, w.recorded);
    await again(o);
    assert.match(await o.page.locator('#objections').innerText(), new RegExp(w.open));
    if (js) {
      await c.page.locator('#objections', { hasText: 'updates over the device' }).waitFor({ timeout: 10_000 });
      await again(c);
    }

    // The author and the chair agree.
    for (const j of [a, c]) {
      await go(j, record);
      await j.page.locator('#f-stance-0').check();
      await submit(j, w.savePosition);
      await flash(j, w.recorded);
      await again(j);
    }

    // The chair records where the objection was discussed and how it was addressed.
    await click(c, w.recordDiscussion);
    await c.page.locator('#f-kind-0').check();
    await c.page.locator('#f-label').fill('Plenary, item 2');
    await c.page.locator('#f-resolution-1').check();
    await c.page.locator('#f-reasoning_en').fill('Updates belong to the lifespan guidelines, not to the label.');
    await c.page.locator('#f-reasoning_fr').fill('Les mises à jour relèvent des lignes directrices sur la durée de vie, pas de l’étiquette.');
    await submit(c, w.recordDiscussion);
    await flash(c, w.discussionRecorded);
    await again(c);

    // The objector can live with it after all, and says the objection still stands.
    await go(o, record);
    await o.page.locator('#f-stance-1').check();
    await submit(o, w.savePosition);
    await again(o);
    await submit(o, w.stands);
    assert.match(await o.page.locator('#objections').innerText(), new RegExp(w.standing));
    await again(o);

    // The chair opens the call, then assesses.
    await go(c, record);
    await click(c, w.openCall);
    await c.page.locator('#f-where-0').check();
    await submit(c, w.openCall);
    await check(c);
    await click(c, w.assess);
    await c.page.locator('#f-level-1').check();
    await c.page.locator('#f-direction-0').check();
    await c.page.locator('#f-text_en').fill('Consensus: one objection still stands, discussed and not accommodated.');
    await c.page.locator('#f-text_fr').fill('Consensus : une objection maintenue, discutée et non retenue.');
    await submit(c, w.publish);
    await check(c);

    // The objector, in the minority, attaches a named minority statement.
    await go(o, record);
    await o.page.locator('#f-statement').fill('Updates matter more than labels.');
    await submit(o, w.minority);
    await check(o);
    assert.match(await o.page.locator('#minority').innerText(), /Updates matter more than labels/);

    // The chair records the decision.
    await go(c, record);
    await submit(c, w.decide);
    await check(c);
    assert.match(await c.page.locator('h1 + p').innerText(), new RegExp(w.decided));
    await shot(c, `decision-${tag}`);

    // Anyone can read the record, as a page and as JSON.
    const pub = await newJourney(browser, server, { js, locale, width: 320 });
    try {
      await visit(pub, record);
      await assertReflows(pub.page);
      const text = await pub.page.locator('main').innerText();
      assert.ok(text.includes(w.decided));
      assert.ok(text.includes('Updates matter more than labels.'));
      assert.ok(text.includes('Plenary, item 2'));
      assert.equal(await pub.page.locator('main').getByText('<b>bold?</b>').count(), 1, 'the title is escaped, not bold');
      const res = await pub.context.request.get(server.url + record, { headers: { accept: 'application/json' } });
      const body = (await res.json()) as { outcome: string; proposal: { status: string }; minorityStatements: unknown[]; objections: Array<{ status: string }> };
      assert.equal(body.proposal.status, 'decided');
      assert.equal(body.outcome, 'consensus');
      assert.equal(body.minorityStatements.length, 1);
      assert.deepEqual(
        body.objections.map((x) => x.status),
        ['standing'],
      );
      await visit(pub, `${record}/room`);
      await assertReflows(pub.page);
      assert.match(await pub.page.locator('main').innerText(), w.notAVote);
      await visit(pub, `${record}/positions`);
      await assertReflows(pub.page);
      if (!js) await shot(pub, `record-320-${tag}`);
    } finally {
      await pub.context.close();
    }
  } finally {
    await Promise.all([a.context.close(), o.context.close(), c.context.close()]);
  }
}
