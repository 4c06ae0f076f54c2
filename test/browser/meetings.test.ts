import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { appointMember, bodyBySlug } from '../../src/capabilities/groups/index.ts';
import { findProcessBySlug } from '../../src/capabilities/processes/index.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { createUser } from '../../src/platform/auth/users.ts';
import { DEMO_CONVENER_EMAIL } from '../../src/demo/seed.ts';
import { assertReflows, check, newJourney, signIn, submit, visit, type Journey, type Server, useDemoServer } from '../support/browser.ts';
import { makeBody, makeMeeting, makeParticipant } from '../support/factories.ts';

// A meeting run in the browser: the facilitator on a phone-sized console
// (JavaScript on), one participant with JavaScript (the room follows the
// live stream, no reload), one without (forms and reload), in English and
// in French; every page checked with axe.

let server: Server;
let browser: Browser;
useDemoServer((s, b) => {
  [server, browser] = [s, b];
});

const words = {
  en: {
    console: 'Facilitator console',
    start: 'Start the meeting',
    open: 'Open the queue',
    close: 'Close the queue',
    raise: 'Raise my hand',
    lower: 'Lower my hand',
    raised: /Your hand is raised/,
    next: /Give the floor to the next/,
    give: 'Give the floor',
    reason: 'Reason, if out of order',
    youHaveFloor: 'You have the floor.',
    end: 'End the meeting',
    log: 'Speaker log',
    share: 'Speaking time by stakeholder category',
    moved: /gave the floor/,
  },
  fr: {
    console: 'Console de l’animateur',
    start: 'Commencer la réunion',
    open: 'Ouvrir la liste',
    close: 'Fermer la liste',
    raise: 'Lever la main',
    lower: 'Baisser la main',
    raised: /Votre main est levée/,
    next: /Donner la parole au suivant/,
    give: 'Donner la parole',
    reason: 'Motif, si hors de l’ordre',
    youHaveFloor: 'Vous avez la parole.',
    end: 'Terminer la réunion',
    log: 'Journal des interventions',
    share: 'Temps de parole par catégorie de parties prenantes',
    moved: /a donné la parole/,
  },
} as const;

/** A working group of the demo process with a facilitator and two participants who can sign in, and a meeting not yet started. */
async function setup(locale: 'en' | 'fr') {
  const db = server.db.db;
  const deps = { db, clock: systemClock };
  const process = (await findProcessBySlug(db, 'iot-security'))!;
  const convenerRow = await db.selectFrom('users').select(['id', 'name']).where('email', '=', DEMO_CONVENER_EMAIL).executeTakeFirstOrThrow();
  const convener = { kind: 'user' as const, userId: convenerRow.id, name: convenerRow.name, isAdmin: true };
  const person = async (who: string, category: string) => {
    const email = `${who}-${locale}@journey.example`;
    const { id } = await createUser(db, { email, name: `${who} ${locale}`, isAdmin: false, locale });
    const p = await makeParticipant(deps, process, {
      actor: { kind: 'user', userId: id, name: `${who} ${locale}`, isAdmin: false },
      category,
      interests: who === 'Ana' ? 'Advises a device maker' : null,
    });
    const name = (await db.selectFrom('participants').select('displayName').where('id', '=', p.participantId).executeTakeFirstOrThrow()).displayName;
    return { email, participantId: p.participantId, name };
  };
  const slug = await makeBody(deps, process, convener, { slug: `journey-${locale}` });
  const body = (await bodyBySlug(db, process.id, slug))!;
  const fac = await person('Fatou', 'civil-society');
  assert.ok((await appointMember(deps, convener, process, body, fac.participantId, 'facilitator')).ok);
  const ana = await person('Ana', 'industry');
  const ben = await person('Ben', 'government');
  const [id] = await makeMeeting(deps, process, convener, slug, { date: new Date().toISOString().slice(0, 10), start: '00:00', end: '23:59' });
  return { base: `/${locale}/p/iot-security/meetings/${id}`, fac, ana, ben };
}

async function shown(j: Journey, selector: string, ms = 10_000) {
  await j.page.locator(selector).first().waitFor({ state: 'visible', timeout: ms });
}

for (const locale of ['en', 'fr'] as const) {
  describe(`a meeting run live (${locale})`, () => {
    it('facilitator on a phone, one participant with JavaScript, one without: hands, the floor by order and out of order, the end, the speaker log', async () => {
      const w = words[locale];
      const s = await setup(locale);
      const f = await newJourney(browser, server, { js: true, locale, width: 360 });
      const a = await newJourney(browser, server, { js: true, locale });
      const b = await newJourney(browser, server, { js: false, locale });
      f.page.on('dialog', (d) => void d.accept());
      try {
        // The facilitator signs in from the meeting page and opens the console.
        await visit(f, s.base);
        await signIn(f, s.fac.email, s.fac.name);
        await visit(f, s.base);
        await Promise.all([f.page.waitForNavigation(), f.page.getByRole('link', { name: w.console }).click()]);
        await check(f);
        await assertReflows(f.page);
        await submit(f, w.start);
        await check(f);
        await f.page.getByRole('button', { name: w.open }).click();
        await shown(f, 'form[data-q=close]');

        // A (JavaScript) raises a hand: the room updates from the stream, no reload.
        await visit(a, `${s.base}/live`);
        await signIn(a, s.ana.email, s.ana.name);
        await visit(a, `${s.base}/live`);
        const loads = { count: 0 };
        a.page.on('load', () => loads.count++);
        await a.page.getByRole('button', { name: w.raise }).click();
        await shown(a, 'form[data-q=lower]');
        await a.page.locator('ol[data-q=list] li', { hasText: s.ana.name }).waitFor();
        assert.match(await a.page.locator('ol[data-q=list]').innerText(), /Advises a device maker/, 'the declaration shows beside the hand');
        await check(a);

        // B (no JavaScript) raises a hand: post, redirect, the page says so.
        await visit(b, `${s.base}/live`);
        await signIn(b, s.ben.email, s.ben.name);
        await visit(b, `${s.base}/live`);
        await submit(b, w.raise);
        assert.match(await b.page.locator('.flash').innerText(), w.raised);
        assert.equal(await b.page.locator('ol[data-q=list] > li').count(), 2);
        await check(b);

        // The console and A's room see B's hand arrive, without reloading.
        await f.page.locator('ol[data-q=list] > li', { hasText: s.ben.name }).waitFor();
        await a.page.locator('ol[data-q=list] > li', { hasText: s.ben.name }).waitFor();
        assert.equal(loads.count, 0, 'A’s page never reloaded');

        // Out of order, with a reason: B first.
        const benRow = f.page.locator('ol[data-q=list] > li', { hasText: s.ben.name });
        await benRow.getByRole('button', { name: w.give, exact: true }).click();
        await shown(f, `ol[data-q=list] [aria-invalid=true]`);
        await benRow.getByLabel(w.reason).fill(locale === 'en' ? 'Presenter of this item' : 'Présente ce point');
        await benRow.getByRole('button', { name: w.give, exact: true }).click();
        await f.page.locator('[data-q=speaker] [data-slot=name]', { hasText: s.ben.name }).waitFor();
        await a.page.locator('[data-q=speaker] [data-slot=name]', { hasText: s.ben.name }).waitFor();
        await check(f);

        // B reloads: has the floor. Then the next in order: A, told so live.
        await b.page.reload();
        assert.equal(await b.page.getByText(w.youHaveFloor).isVisible(), true);
        await check(b);
        await f.page.getByRole('button', { name: w.next }).click();
        await a.page.getByText(w.youHaveFloor).waitFor({ state: 'visible' });
        assert.equal(loads.count, 0);
        await check(a);

        // The meeting ends; the speaker log, chart and table are on the meeting page.
        await submit(f, w.end);
        await visit(b, s.base);
        assert.equal(await b.page.getByRole('heading', { name: w.log }).count(), 1);
        assert.equal(await b.page.locator('table', { hasText: s.ben.name }).count(), 1);
        assert.equal(
          await b.page
            .getByRole('img')
            .filter({ has: b.page.locator('rect') })
            .count(),
          1,
        );
        assert.equal(await b.page.getByRole('table', { name: w.share }).count(), 1);
        await visit(b, `/${locale}/p/iot-security/activity`);
        assert.match(await b.page.locator('main').innerText(), w.moved);
      } finally {
        await Promise.all([f.context.close(), a.context.close(), b.context.close()]);
      }
    });
  });
}

describe('clock skew', () => {
  it('a reader whose clock is an hour fast still sees the true speaking time (the room keeps time by the server)', async () => {
    const j = await newJourney(browser, server, { js: true, locale: 'en' });
    try {
      await j.context.addInitScript(() => {
        const real = Date.now.bind(Date);
        Date.now = () => real() + 3_600_000;
      });
      await visit(j, '/en/p/iot-security/meetings');
      const live = (await j.page.locator('a[href$="/live"]').first().getAttribute('href'))!;
      await visit(j, live);
      await j.page.getByText('Live: changes appear as they happen.').waitFor();
      await j.page.waitForTimeout(1500);
      const shown = (await j.page.locator('[data-q=elapsed]').innerText()).trim();
      assert.match(shown, /^\d{1,2}:\d\d$/, `under an hour, not skewed by the reader's clock: ${shown}`);
    } finally {
      await j.context.close();
    }
  });
});

describe('meeting pages at 320 px, JavaScript off and on', () => {
  it('lists, the meeting page, the live room and the calendar links reflow and pass axe', async () => {
    for (const js of [false, true]) {
      const j = await newJourney(browser, server, { js, locale: js ? 'en' : 'fr', width: 320 });
      try {
        const l = j.locale;
        await visit(j, `/${l}/p/iot-security/meetings`);
        await assertReflows(j.page);
        const live = await j.page.locator('a[href$="/live"]').first().getAttribute('href');
        assert.ok(live, 'the demo has a meeting in progress');
        await visit(j, live!);
        await assertReflows(j.page);
        if (js) await j.page.getByText('Live: changes appear as they happen.').waitFor();
        await visit(j, live!.replace(/\/live$/, ''));
        await assertReflows(j.page);
        await visit(j, `/${l}/p/iot-security/bodies/multistakeholder-group/meetings`);
        await assertReflows(j.page);
        const past = await j.page.locator('section[aria-labelledby=past-h] a').first().getAttribute('href');
        await visit(j, past!);
        await assertReflows(j.page);
        const ics = await j.page.request.get(`${server.url}/${l}/p/iot-security/meetings.ics`);
        assert.equal(ics.status(), 200);
        assert.match(await ics.text(), /^BEGIN:VCALENDAR\r\n/);
      } finally {
        await j.context.close();
      }
    }
  });
});
