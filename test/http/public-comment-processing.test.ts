import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { processComments, processCommentsJob } from '../../src/capabilities/public-comment/index.ts';
import { lastRuns } from '../../src/capabilities/public-comment/commands/process-comments.ts';
import { noteIntake } from '../../src/capabilities/public-comment/commands/intake-count.ts';
import { FLOOD_MAX_WAIT_MS, FLOOD_PER_SECOND } from '../../src/capabilities/public-comment/domain/pace.ts';
import { periodJobKey } from '../../src/capabilities/public-comment/domain/period.ts';
import { enqueue } from '../../src/platform/jobs/queue.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { addComments, campaign, makePeriod } from '../support/public-comment.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const groupsOf = (periodId: number) => t.db.selectFrom('commentClusters').selectAll().where('periodId', '=', periodId).orderBy('keyCommentId').execute();
/** A period holding one unprocessed form letter of three comments. */
async function periodWithCampaign() {
  const s = await makePeriod(t.deps);
  await addComments(
    t.deps,
    s,
    campaign(3).map((text) => ({ text })),
  );
  return s;
}
/** When the period's waiting job is due. */
const waitingRunAts = async (periodId: number) =>
  (await t.db.selectFrom('jobs').select('runAt').where('singletonKey', '=', periodJobKey(periodId)).where('state', '=', 'waiting').execute()).map((j) => j.runAt.getTime());
const clusterIdOf = async (id: number) => (await t.db.selectFrom('publicComments').select('clusterId').where('id', '=', id).executeTakeFirstOrThrow()).clusterId;

describe('processing comments', () => {
  it('fingerprints, groups a campaign once, leaves distinct comments alone, and is idempotent', async () => {
    const s = await makePeriod(t.deps);
    const ids = await addComments(t.deps, s, [
      ...campaign(7).map((text, i) => ({ text, signatories: i === 0 ? 50 : 1 })),
      { text: 'Labels should show the end of support in plain words, on the box and online.' },
      { text: 'Networks need a way to isolate compromised devices without cutting everyone off.' },
    ]);
    const first = await processComments(t.deps, s.periodId);
    assert.deepEqual(first, { signed: 9, processed: 9, groups: 1, moved: 0 });
    const groups = await groupsOf(s.periodId);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.keyCommentId, ids[0]);
    assert.equal(groups[0]!.size, 7);
    assert.equal(groups[0]!.signatories, 56);
    assert.ok(groups[0]!.template.startsWith('Please require unique passwords'));
    assert.equal(await clusterIdOf(ids[8]!), null);
    assert.equal(await clusterIdOf(ids[3]!), groups[0]!.id);

    const again = await processComments(t.deps, s.periodId);
    assert.deepEqual(again, { signed: 0, processed: 0, groups: 1, moved: 0 });
    assert.deepEqual(await groupsOf(s.periodId), groups);
  });

  it('two runs at once give the same result as one (advisory lock)', async () => {
    const s = await makePeriod(t.deps);
    await addComments(
      t.deps,
      s,
      campaign(20).map((text) => ({ text })),
    );
    const [a, b] = await Promise.all([processComments(t.deps, s.periodId), processComments(t.deps, s.periodId)]);
    assert.equal(a.signed + b.signed, 20);
    const groups = await groupsOf(s.periodId);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.size, 20);
  });

  it('a new member keeps the key; a group that vanishes hands its disposition to the group holding its key comment', async () => {
    const s = await makePeriod(t.deps);
    const other = 'Vendors must publish a security contact and answer researchers within ninety days of any report they receive.';
    const [a, b] = await addComments(t.deps, s, [{ text: other }, { text: other + ' Really.' }]);
    await processComments(t.deps, s.periodId);
    const [g] = await groupsOf(s.periodId);
    assert.equal(g!.keyCommentId, a);
    await t.db
      .insertInto('commentDispositions')
      .values({ periodId: s.periodId, clusterKey: a!, kind: 'accepted', reason: JSON.stringify({ en: 'ok' }), decidedAt: t.clock.now() })
      .execute();
    await addComments(t.deps, s, [{ text: other + ' Indeed.' }]);
    await processComments(t.deps, s.periodId);
    const [g2] = await groupsOf(s.periodId);
    assert.equal(g2!.id, g!.id, 'same group, same key');
    assert.equal(g2!.size, 3);
    assert.ok(b);
    const d = await t.db.selectFrom('commentDispositions').select('clusterKey').where('periodId', '=', s.periodId).execute();
    assert.deepEqual(
      d.map((x) => x.clusterKey),
      [a],
    );
  });

  it('a stored group that no longer exists: its disposition moves to the group now holding its key comment, or stays as a former group', async () => {
    const s = await makePeriod(t.deps);
    const letter = 'Vendors must publish a security contact and answer researchers within ninety days of any report they receive.';
    const [a, b] = await addComments(t.deps, s, [{ text: letter }, { text: letter + ' Really.' }, { text: 'A distinct thought on labels and how long devices receive updates.' }]);
    const lone = (await t.db.selectFrom('publicComments').select('id').where('periodId', '=', s.periodId).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    await processComments(t.deps, s.periodId);
    // Groups as an earlier run left them: one keyed on b (now grouped under a), one keyed on the lone comment.
    for (const key of [b!, lone]) {
      await t.db.insertInto('commentClusters').values({ periodId: s.periodId, keyCommentId: key, size: 2, signatories: 2, template: 'old', templateLang: 'en' }).execute();
      await t.db
        .insertInto('commentDispositions')
        .values({ periodId: s.periodId, clusterKey: key, kind: 'accepted', reason: JSON.stringify({ en: `on ${key}` }), decidedAt: t.clock.now() })
        .execute();
    }
    await addComments(t.deps, s, [{ text: 'Something else entirely about network isolation of compromised devices.' }]);
    const r = await processComments(t.deps, s.periodId);
    assert.equal(r.moved, 1);
    const groups = await groupsOf(s.periodId);
    assert.deepEqual(
      groups.map((g) => g.keyCommentId),
      [a],
    );
    const d = await t.db.selectFrom('commentDispositions').select(['clusterKey', 'reason']).where('periodId', '=', s.periodId).orderBy('clusterKey').execute();
    assert.deepEqual(
      d.map((x) => [x.clusterKey, x.reason.en]),
      [
        [a, `on ${b}`],
        [lone, `on ${lone}`],
      ],
    );
  });

  it('the comments.process job runs processing for its period and refuses a malformed payload', async () => {
    const s = await periodWithCampaign();
    await processCommentsJob({ periodId: s.periodId }, t.deps);
    assert.equal((await groupsOf(s.periodId)).length, 1);
    await assert.rejects(processCommentsJob({ periodId: 'x' }, t.deps), /bad periodId/);
  });

  it('after a long run, a run asked for too soon is postponed (the waiting job too), then runs', async () => {
    const s = await periodWithCampaign();
    const now = t.clock.now().getTime();
    // As intake leaves it: a waiting job two seconds out.
    await enqueue(t.db, 'comments.process', { periodId: s.periodId }, { singletonKey: periodJobKey(s.periodId), runAt: new Date(now + 2000) });
    lastRuns.set(s.periodId, { endedAt: now, tookMs: 1000 });
    await processCommentsJob({ periodId: s.periodId }, t.deps);
    assert.equal((await groupsOf(s.periodId)).length, 0, 'not processed yet');
    assert.deepEqual(await waitingRunAts(s.periodId), [now + 9000]);
    t.clock.advance(9000);
    await processCommentsJob({ periodId: s.periodId }, t.deps);
    assert.equal((await groupsOf(s.periodId)).length, 1);
    assert.ok(lastRuns.get(s.periodId)!.tookMs < 1000);
  });

  it("while this node is flooded with the period's comments, processing waits for the flood to pass, at most two minutes", async () => {
    const s = await periodWithCampaign();
    // Taken now, by the test's clock.
    const takenNow = () => t.db.updateTable('publicComments').set({ createdAt: t.clock.now() }).where('periodId', '=', s.periodId).where('processedAt', 'is', null).execute();
    await takenNow();
    const flood = (at: number) => {
      for (let i = 0; i < FLOOD_PER_SECOND; i++) noteIntake(s.periodId, at);
    };
    const now = t.clock.now().getTime();
    flood(now);
    await processCommentsJob({ periodId: s.periodId }, t.deps);
    assert.equal((await groupsOf(s.periodId)).length, 0, 'held back in the flood');
    assert.deepEqual(await waitingRunAts(s.periodId), [now + 2000]);
    // Still flooded, but the oldest comment has waited its two minutes: it runs.
    t.clock.advance(FLOOD_MAX_WAIT_MS);
    flood(t.clock.now().getTime());
    await processCommentsJob({ periodId: s.periodId }, t.deps);
    assert.equal((await groupsOf(s.periodId)).length, 1);

    // A new campaign in the same period; the flood passes (a quiet second): it runs at once.
    await addComments(
      t.deps,
      s,
      campaign(3, 'Please label every connected toaster with the number of years its maker will ship security updates for it, in both languages.').map((text) => ({ text })),
    );
    await takenNow();
    flood(t.clock.now().getTime());
    lastRuns.delete(s.periodId);
    await processCommentsJob({ periodId: s.periodId }, t.deps);
    assert.equal((await groupsOf(s.periodId)).length, 1, 'held back again');
    t.clock.advance(2000);
    await processCommentsJob({ periodId: s.periodId }, t.deps);
    assert.equal((await groupsOf(s.periodId)).length, 2);
  });
});
