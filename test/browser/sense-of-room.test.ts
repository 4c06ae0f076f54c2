import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { advanceProposal, createProposal, proposalById } from '../../src/capabilities/consensus/index.ts';
import { appointMember, bodyBySlug, joinBody } from '../../src/capabilities/groups/index.ts';
import { changeMeetingStatus, meetingById } from '../../src/capabilities/meetings/index.ts';
import { findProcessBySlug } from '../../src/capabilities/processes/index.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import type { Actor } from '../../src/kernel/actor.ts';
import { createUser } from '../../src/platform/auth/users.ts';
import { DEMO_CONVENER_EMAIL } from '../../src/demo/seed.ts';
import { check, newJourney, signIn, submit, visit, type Journey, type Server, useDemoServer } from '../support/browser.ts';
import { makeBody, makeMeeting, makeParticipant } from '../support/factories.ts';

// The sense of the room in the browser: the facilitator opens it in the live
// room, one member (JavaScript on) takes a position and sees the figures move
// without reloading, another (no JavaScript) uses the form, the facilitator
// records someone in the room by name, then closes it; EN and FR; axe on each page.

let server: Server;
let browser: Browser;
useDemoServer((s, b) => {
  [server, browser] = [s, b];
});

const words = {
  en: {
    heading: 'Sense of the room — not a vote',
    open: 'Open',
    agree: 'I agree',
    canLive: 'I can live with it',
    take: 'Say where I stand',
    person: 'Person',
    cannot: 'Cannot live with it',
    reason: 'Why you cannot live with it',
    record: 'Record',
    close: 'Close the sense of the room',
    closed: 'The sense of the room is closed.',
    counted: (n: number) => `${n} position${n === 1 ? '' : 's'} in the room`,
  },
  fr: {
    heading: 'Sens de la salle — ce n’est pas un vote',
    open: 'Ouvrir',
    agree: 'Je suis d’accord',
    canLive: 'Je peux m’en accommoder',
    take: 'Dire où je me situe',
    person: 'Personne',
    cannot: 'Ne peut pas s’en accommoder',
    reason: 'Pourquoi vous ne pouvez pas vous en accommoder',
    record: 'Noter',
    close: 'Clore le sens de la salle',
    closed: 'Le sens de la salle est clos.',
    counted: (n: number) => `${n} position${n <= 1 ? '' : 's'} dans la salle`,
  },
} as const;

/** A body of the demo process, its facilitator and three members, a proposal in discussion, a meeting in progress. */
async function setup(locale: 'en' | 'fr') {
  const db = server.db.db;
  const deps = { db, clock: systemClock };
  const process = (await findProcessBySlug(db, 'iot-security'))!;
  const convenerRow = await db.selectFrom('users').select(['id', 'name']).where('email', '=', DEMO_CONVENER_EMAIL).executeTakeFirstOrThrow();
  const convener: Actor = { kind: 'user', userId: convenerRow.id, name: convenerRow.name, isAdmin: true };
  const slug = await makeBody(deps, process, convener, { slug: `sense-${locale}` });
  const body = (await bodyBySlug(db, process.id, slug))!;
  const person = async (who: string, category: string) => {
    const email = `${who}-sense-${locale}@journey.example`;
    const actor = {
      kind: 'user' as const,
      userId: (await createUser(db, { email, name: `${who} ${locale}`, isAdmin: false, locale })).id,
      name: `${who} ${locale}`,
      isAdmin: false,
    };
    const p = await makeParticipant(deps, process, { actor, category, interests: null });
    const name = (await db.selectFrom('participants').select('displayName').where('id', '=', p.participantId).executeTakeFirstOrThrow()).displayName;
    return { email, actor, participantId: p.participantId, name };
  };
  const fac = await person('Fatou', 'civil-society');
  assert.ok((await appointMember(deps, convener, process, body, fac.participantId, 'facilitator')).ok);
  const ana = await person('Ana', 'industry');
  const ben = await person('Ben', 'government');
  const cy = await person('Cy', 'academia');
  for (const p of [ana, ben, cy]) assert.ok((await joinBody(deps, p.actor, process, body, 'member')).ok);
  const created = await createProposal(deps, ana.actor, process, body, {
    kind: 'text',
    title: { en: `Label every device (${locale})`, fr: `Étiqueter chaque appareil (${locale})` },
    text: { en: 'Every connected device carries a label.', fr: 'Chaque appareil connecté porte une étiquette.' },
    proposedCharter: null,
    link: null,
  });
  assert.ok(created.ok);
  const proposal = (await proposalById(db, process.id, created.value.id))!;
  assert.ok((await advanceProposal(deps, fac.actor, process, proposal, 'open-discussion')).ok);
  const [id] = await makeMeeting(deps, process, convener, slug, { date: new Date().toISOString().slice(0, 10), start: '00:00', end: '23:59' });
  assert.ok((await changeMeetingStatus(deps, fac.actor, process, (await meetingById(db, process.id, id!))!, 'start')).ok);
  return { live: `/${locale}/p/iot-security/meetings/${id}/live`, fac, ana, ben, cy };
}

const total = (j: Journey) => j.page.locator('[data-sense=section] [data-sense-slot=count]');

for (const locale of ['en', 'fr'] as const) {
  describe(`the sense of the room (${locale})`, () => {
    it('opened by the facilitator; a member with JavaScript sees it move without reloading; one without JavaScript uses the form; an in-room position recorded by name; closed', async () => {
      const w = words[locale];
      const s = await setup(locale);
      const f = await newJourney(browser, server, { js: true, locale });
      const a = await newJourney(browser, server, { js: true, locale });
      const b = await newJourney(browser, server, { js: false, locale });
      try {
        await visit(f, s.live);
        await signIn(f, s.fac.email, s.fac.name);
        await visit(f, s.live);
        assert.equal(await f.page.getByRole('heading', { name: w.heading }).count(), 1);
        await f.page.getByRole('button', { name: w.open, exact: true }).click();
        await f.page.locator('[data-sense=section][data-sense-open="1"]').waitFor();
        await check(f);

        // A (JavaScript): the position posts in the background; the figures follow the stream.
        await visit(a, s.live);
        await signIn(a, s.ana.email, s.ana.name);
        await visit(a, s.live);
        const loads = { count: 0 };
        a.page.on('load', () => loads.count++);
        await a.page.getByLabel(w.agree).check();
        await a.page.getByRole('button', { name: w.take }).click();
        await total(a)
          .filter({ hasText: w.counted(1) })
          .waitFor();
        await check(a);

        // B (no JavaScript): the form, a redirect, the page with the figures.
        await visit(b, s.live);
        await signIn(b, s.ben.email, s.ben.name);
        await visit(b, s.live);
        await b.page.getByLabel(w.canLive).check();
        await submit(b, w.take);
        assert.equal((await total(b).innerText()).trim(), w.counted(2));
        await check(b);

        // A sees B's position arrive, by stance and by category, without reloading.
        await total(a)
          .filter({ hasText: w.counted(2) })
          .waitFor();
        assert.equal((await a.page.locator('[data-sense-slot=stance-canLive]').innerText()).trim(), '1');
        assert.equal((await a.page.locator('[data-sense-category=government] [data-sense-slot=canLive]').innerText()).trim(), '1');

        // The facilitator records Cy, in the room, by name: cannot live with it, with the reason.
        await f.page.getByLabel(w.person).selectOption({ label: s.cy.name });
        await f.page
          .getByRole('group', { name: /position/i })
          .last()
          .getByLabel(w.cannot)
          .check();
        await f.page
          .getByLabel(w.reason)
          .last()
          .fill(locale === 'en' ? 'Labels cost too much for small makers' : 'Les étiquettes coûtent trop cher aux petits fabricants');
        await f.page.getByRole('button', { name: w.record, exact: true }).click();
        await total(a)
          .filter({ hasText: w.counted(3) })
          .waitFor();
        assert.equal((await a.page.locator('[data-sense-category=academia] [data-sense-slot=cannot]').innerText()).trim(), '1');
        assert.equal(loads.count, 0, 'A’s page never reloaded');
        await check(f);

        // Closed: A's section says so, still without reloading; the figures stay.
        await f.page.getByRole('button', { name: w.close }).click();
        await a.page.getByText(w.closed.replace(/\.$/, '')).first().waitFor();
        assert.equal(loads.count, 0);
        await check(a);
      } finally {
        await Promise.all([f.context.close(), a.context.close(), b.context.close()]);
      }
    });
  });
}
