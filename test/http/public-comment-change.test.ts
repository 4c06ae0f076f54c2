import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { zonedToUtc } from '../../src/capabilities/meetings/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { XSS } from '../support/factories.ts';
import { drain, makePeriod } from '../support/public-input.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const DAY = 86_400_000;
const periodRow = (id: number) => t.db.selectFrom('commentPeriods').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const clockJob = (id: number) =>
  t.db.selectFrom('jobs').select('runAt').where('name', '=', 'comment-period.clock').where('singletonKey', '=', `period:${id}`).where('state', '=', 'waiting').execute();
const changes = (processId: number) => t.db.selectFrom('auditEvents').select('data').where('processId', '=', processId).where('action', '=', 'comment-period.changed').execute();

describe('public input: changing a period until it closes', () => {
  it('before it opens, the convener moves its times and rules; the clock follows; others cannot', async () => {
    const p = await makePeriod(t, { open: false });
    const change = `${p.base}/change`;
    assert.notEqual((await t.client().get(`/en${change}`)).status, 200);
    const stranger = await t.userClient();
    assert.equal((await stranger.client.get(`/en${change}`)).status, 403);
    assert.equal((await stranger.client.post(`/en${change}`, { end_date: '2026-12-01', end_time: '17:00' })).status, 403);

    const admin = await t.userClient({ isAdmin: true });
    const page = await admin.client.get(`/fr${change}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Modifier la période de consultation publique/);
    assert.match(page.text, /name="start_date"/);
    assert.match((await admin.client.get(`/en${p.base}`)).text, /Change the dates or the policy/);
    assert.doesNotMatch((await stranger.client.get(`/en${p.base}`)).text, /Change the dates or the policy/);

    const wrong = await admin.client.post(`/fr${change}`, {
      start_date: '2026-03-20',
      start_time: '09:00',
      end_date: '2026-03-10',
      end_time: '17:00',
      time_zone: 'America/Toronto',
      moderation: 'post',
      policy_en: 'P',
      policy_fr: 'P',
    });
    assert.equal(wrong.status, 422);
    assert.match(wrong.text, /La période doit se fermer après son ouverture/);

    const moved = await admin.client.post(`/en${change}`, {
      start_date: '2026-03-20',
      start_time: '09:00',
      end_date: '2026-05-01',
      end_time: '17:00',
      time_zone: 'America/Halifax',
      moderation: 'pre',
      policy_en: `New policy ${XSS}`,
      policy_fr: `Nouvelle politique ${XSS}`,
    });
    assert.equal(moved.status, 303, moved.text.slice(0, 300));
    const row = await periodRow(p.periodId);
    assert.equal(row.startsAt.getTime(), zonedToUtc('2026-03-20', '09:00', 'America/Halifax').getTime());
    assert.equal(row.endsAt.getTime(), zonedToUtc('2026-05-01', '17:00', 'America/Halifax').getTime());
    assert.equal(row.moderation, 'pre');
    assert.equal(row.allowAnonymous, false, 'an unticked box');
    assert.deepEqual(
      (await clockJob(p.periodId)).map((j) => j.runAt.getTime()),
      [row.startsAt.getTime()],
    );
    assert.match((await t.client().get(`/en${p.base}`)).text, /Opens on March 20, 2026 at 9:00 a\.m\. ADT/);
    assert.match((await t.client().get(`/en${p.base}/policy`)).text, /New policy &lt;script&gt;/);
    const logged = await changes(p.process.id);
    assert.equal(logged.length, 1);
    assert.match(JSON.stringify(logged[0]!.data), /"policyChanged":true/);
  });

  it('once open, only the end moves (later or earlier, still ahead); the rules stay; it closes at the new end', async () => {
    const p = await makePeriod(t);
    const change = `${p.base}/change`;
    const admin = await t.userClient({ isAdmin: true });
    const page = await admin.client.get(`/en${change}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /The period is open: only its closing time can move/);
    assert.match(page.text, /Opened on/);
    assert.doesNotMatch(page.text, /name="start_date"|name="moderation"/);
    const before = await periodRow(p.periodId);

    const past = await admin.client.post(`/fr${change}`, { end_date: '2026-03-01', end_time: '17:00', policy_en: 'P', policy_fr: 'P' });
    assert.equal(past.status, 422);
    assert.match(past.text, /L’heure de fermeture doit être encore à venir/);

    // Fields that may no longer change are ignored if sent anyway.
    const extended = await admin.client.post(`/en${change}`, {
      end_date: '2026-04-15',
      end_time: '17:00',
      start_date: '2026-03-01',
      moderation: 'pre',
      time_zone: 'Asia/Tokyo',
      policy_en: 'Policy',
      policy_fr: 'Politique',
    });
    assert.equal(extended.status, 303, extended.text.slice(0, 300));
    const row = await periodRow(p.periodId);
    const newEnd = zonedToUtc('2026-04-15', '17:00', 'America/Toronto').getTime();
    assert.equal(row.endsAt.getTime(), newEnd);
    assert.equal(row.startsAt.getTime(), before.startsAt.getTime());
    assert.equal(row.moderation, before.moderation);
    assert.equal(row.timeZone, before.timeZone);
    assert.equal(row.allowAnonymous, before.allowAnonymous);
    assert.deepEqual(
      (await clockJob(p.periodId)).map((j) => j.runAt.getTime()),
      [newEnd],
    );

    // Past the old end it is still open; past the new one it closes, and the clock records it.
    t.clock.set(new Date(before.endsAt.getTime() + DAY));
    assert.match((await t.client().get(`/en${p.base}`)).text, /Open until April 15, 2026/);
    t.clock.set(new Date(newEnd + 60_000));
    await drain(t);
    assert.equal((await periodRow(p.periodId)).closedAt?.getTime(), newEnd);
    const later = await t.userClient({ isAdmin: true }); // the first session has expired meanwhile
    assert.equal((await later.client.get(`/en${change}`)).status, 409);
    assert.equal((await later.client.post(`/en${change}`, { end_date: '2026-06-01', end_time: '17:00', policy_en: 'P', policy_fr: 'P' })).status, 409);
    assert.doesNotMatch((await later.client.get(`/en${p.base}`)).text, /Change the dates or the policy/);
  });
});
