import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { XSS, assertEscaped } from '../support/factories.ts';
import { drain, makePeriod } from '../support/public-input.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function submit(c: Client, base: string, fields: Record<string, string>) {
  return c.post(`/en${base}/comment`, { category: 'academia', lang: 'en', body: `Text ${XSS}`, signatories: '1', ...fields });
}

describe('public input: verification, moderation, reports', () => {
  it('verified email by a real mail, pre-moderation keeps it private until approved, hide needs a reason; all logged', async () => {
    const p = await makePeriod(t, { requireVerifiedEmail: true, moderation: 'pre' });
    const c = t.client();
    const noEmail = await submit(c, p.base, { name: 'Léa' });
    assert.equal(noEmail.status, 422);

    assert.match(noEmail.text, /Give an email address/);
    const res = await submit(c, p.base, { name: `Léa ${XSS}`, email: 'lea@example.org', signatories: '250', signatory_names: `Ana\nBen ${XSS}` });
    assert.equal(res.status, 303);
    const receipt = (await c.get(res.location!)).text;
    assert.match(receipt, /Waiting for you to confirm your email address/);
    await drain(t);
    const mail = await t.smtp.next('lea@example.org');
    assert.match(mail.subject, /Confirm your comment/);
    const link = /(http:\/\/concert\.test\S+\/verify\/\S+)/.exec(mail.text)![1]!.replace('http://concert.test', '');
    const confirm = await c.get(link);
    assert.equal(confirm.status, 200);
    assert.match(confirm.text, /Confirm my comment/);
    // Not public before confirmation and approval.
    assert.match((await t.client().get(`/en${p.base}`)).text, /0 published comments/);
    const verified = await c.post(link, {});
    assert.equal(verified.status, 303);
    assert.match((await c.get(verified.location!)).text, /Waiting for a moderator/);
    assert.equal((await c.post(link.replace(/verify\/.*/, 'verify/bogus-token-aaaaaaaaaaaaaaaaaa'), {})).status, 404);
    assert.match((await t.client().get(`/en${p.base}`)).text, /0 published comments/);

    const anon = t.client();
    assert.equal((await anon.get(`/en${p.base}/moderation`)).status, 401);
    const stranger = await t.userClient();
    assert.equal((await stranger.client.get(`/en${p.base}/moderation`)).status, 403);
    const staff = await t.userClient({ isAdmin: true });
    const queue = await staff.client.get(`/en${p.base}/moderation`);
    assert.equal(queue.status, 200);
    assertEscaped(queue.text);
    const id = /moderation\/comments\/(\d+)/.exec(queue.text)![1]!;
    const noReason = await staff.client.post(`/en${p.base}/moderation/comments/${id}`, { action: 'hide', reason: ' ' });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /Say why the comment is hidden/);
    assert.equal((await stranger.client.post(`/en${p.base}/moderation/comments/${id}`, { action: 'approve' })).status, 403);
    assert.equal((await staff.client.post(`/en${p.base}/moderation/comments/${id}`, { action: 'approve' })).status, 303);
    const list = await t.client().get(`/en${p.base}`);
    assert.match(list.text, /1 published comment/);
    assert.match(list.text, /250 signatories/);
    assertEscaped(list.text);
    assert.equal((await staff.client.post(`/en${p.base}/moderation/comments/${id}`, { action: 'hide', reason: `Off topic ${XSS}` })).status, 303);
    const hidden = await t.client().get(`/en${p.base}`);
    assert.match(hidden.text, /Hidden by the moderators: Off topic &lt;script&gt;/);
    assert.doesNotMatch(hidden.text, /Text &lt;script&gt;/);
    const actions = await t.db.selectFrom('auditEvents').select('action').where('processId', '=', p.process.id).where('action', 'like', 'public-comment.%').execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['public-comment.approved', 'public-comment.hidden'],
    );
  });

  it('a report of impersonation: anyone sends it, staff uphold it, the comment is withdrawn with the reason; attachments of hidden comments are gone', async () => {
    const p = await makePeriod(t);
    const c = t.client();
    const res = await submit(c, p.base, { name: 'Impostor' });

    const receipt = /receipt\/(.+)$/.exec(res.location!)![1]!;
    const comment = await t.db.selectFrom('publicComments').select('id').where('receipt', '=', receipt).executeTakeFirstOrThrow();
    const page = await t.client().get(`/en${p.base}/comments/${comment.id}`);
    assert.equal(page.status, 200);
    const bad = await c.post(`/en${p.base}/comments/${comment.id}/report`, { name: '', email: 'x', reason: '' });
    assert.equal(bad.status, 422);
    const ok = await c.post(`/en${p.base}/comments/${comment.id}/report`, { name: `Real ${XSS}`, email: 'real@example.org', reason: `Not me ${XSS}` });
    assert.equal(ok.status, 303);
    const staff = await t.userClient({ isAdmin: true });
    const queue = await staff.client.get(`/en${p.base}/moderation`);
    assertEscaped(queue.text);
    const reportId = /moderation\/reports\/(\d+)/.exec(queue.text)![1]!;
    assert.equal((await staff.client.post(`/en${p.base}/moderation/reports/${reportId}`, { decision: 'uphold' })).status, 303);
    assert.equal((await staff.client.post(`/en${p.base}/moderation/reports/${reportId}`, { decision: 'dismiss' })).status, 409);
    const shown = await t.client().get(`/fr${p.base}/comments/${comment.id}`);
    assert.match(shown.text, /retiré : soumis au nom de quelqu’un d’autre/);
    assert.equal((await t.client().get(`/en${p.base}/comments/999999`)).status, 404);
    assert.equal((await t.client().get(`/en${p.base}/attachments/999999`)).status, 404);
    for (let i = 0; i < 10; i++) await c.post(`/en${p.base}/comments/${comment.id}/report`, { name: 'N', email: 'n@example.org', reason: 'r' });
    const limited = await c.post(`/en${p.base}/comments/${comment.id}/report`, { name: 'N', email: 'n@example.org', reason: 'r' });
    assert.equal(limited.status, 429);
    assert.ok(limited.headers.get('retry-after'));
  });

  it('the convener schedules a period from the document; others cannot; the document shows the section', async () => {
    const p = await makePeriod(t);
    const docPage = await t.client().get(`/en/p/${p.process.slug}/documents/${p.docSlug}`);
    assert.match(docPage.text, /Public input/);
    assert.match(docPage.text, /Comment on this paragraph/);
    assert.match(docPage.text, /comment\?anchor=p2/);
    const stranger = await t.userClient();
    assert.equal((await stranger.client.get(`/en/p/${p.process.slug}/documents/${p.docSlug}/input-period`)).status, 403);
    const admin = await t.userClient({ isAdmin: true });
    const form = await admin.client.get(`/fr/p/${p.process.slug}/documents/${p.docSlug}/input-period`);
    assert.equal(form.status, 200);
    assert.match(form.text, /Planifier une période/);
    const again = await admin.client.post(`/en/p/${p.process.slug}/documents/${p.docSlug}/input-period`, {
      start_date: '2026-04-10',
      start_time: '09:00',
      end_date: '2026-04-05',
      end_time: '17:00',
      time_zone: 'America/Toronto',
      moderation: 'post',
      policy_en: 'P',
      policy_fr: 'P',
    });
    assert.equal(again.status, 422);

    assert.match(again.text, /already has a period that is not closed|must close after it opens/);
    const badZone = await admin.client.post(`/en/p/${p.process.slug}/documents/${p.docSlug}/input-period`, {
      start_date: '2026-04-10',
      start_time: '25:00',
      time_zone: 'Mars/Olympus',
      moderation: 'x',
    });
    assert.equal(badZone.status, 422);
    const policy = await t.client().get(`/fr${p.base}/policy`);
    assert.match(policy.text, /Nous ne masquons un commentaire/);
  });
});
