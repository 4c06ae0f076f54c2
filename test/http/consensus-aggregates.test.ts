import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { moveObjection, proposalById, raiseObjection, recordDiscussion, takePosition } from '../../src/capabilities/consensus/index.ts';
import { recordOfRound, talliesOf } from '../../src/capabilities/consensus/db/queries.ts';
import { objectionsOf } from '../../src/capabilities/consensus/db/record-queries.ts';
import { aggregate } from '../../src/capabilities/consensus/domain/criteria.ts';
import { updateProfile } from '../../src/capabilities/participants/commands/update-profile.ts';
import { participantById } from '../../src/capabilities/participants/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { makeGroup, makeProposal } from '../support/consensus.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('aggregates kept with each change equal the full record', () => {
  it('after 150 random positions, objections, discussions, withdrawals and a change of category', async () => {
    const g = await makeGroup(t.deps, { categories: ['industry', 'government', 'academia', 'industry', 'consumers', 'technical-community'] });
    const p = await makeProposal(t.deps, g, { status: 'discussion' });
    const people = [g.chair, ...g.members];
    const rnd = prng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    let changed = 0;
    for (let i = 0; i < 150; i++) {
      t.clock.advance(60_000);
      const who = pick(people);
      const roll = rnd();
      if (roll < 0.6) {
        const stance = pick(['agree', 'can-live', 'cannot'] as const);
        await takePosition(t.deps, who.actor, g.process, p, { stance, reason: stance === 'cannot' || rnd() < 0.2 ? { en: `Reason ${i % 4}` } : null });
      } else if (roll < 0.75) {
        await raiseObjection(t.deps, who.actor, g.process, p, { text: { fr: `Objection ${i}` } });
      } else {
        const record = await recordOfRound(t.db, p.id, 1);
        const objections = await objectionsOf(t.db, p.id);
        if (objections.length === 0 || record.positions.length === 0) continue;
        const o = pick(objections);
        if (roll < 0.85) {
          await recordDiscussion(t.deps, g.chair.actor, g.process, p, o.id, {
            where: { kind: 'thread', label: 'List', url: null },
            resolution: 'accommodated',
            reasoning: { en: 'a', fr: 'b' },
          });
        } else {
          const author = people.find((x) => x.participantId === o.authorParticipantId)!;
          await moveObjection(t.deps, author.actor, g.process, p, o.id, rnd() < 0.5 ? 'withdraw' : 'maintain');
        }
      }
      if (i === 75) {
        // Someone changes their self-identified category: their next position counts in the new one.
        const who = g.members[1]!;
        const current = (await participantById(t.db, g.process.id, who.participantId))!;
        const r = await updateProfile(t.deps, who.actor, g.process, { ...current, categoryKey: 'civil-society' });
        assert.ok(r.ok);
        changed++;
      }
    }
    assert.equal(changed, 1);
    const fresh = (await proposalById(t.db, g.process.id, p.id))!;
    const record = await recordOfRound(t.db, p.id, 1);
    const reference = aggregate(record.positions, record.objections);
    const kept = (await talliesOf(t.db, p.id)).filter((x) => x.agree + x.canLive + x.cannot > 0);
    const byKey = (xs: Array<{ categoryKey: string }>) => [...xs].sort((a, b) => a.categoryKey.localeCompare(b.categoryKey));
    assert.deepEqual(byKey(kept), byKey(reference.tallies));
    assert.deepEqual(fresh.objections, reference.objections);
    assert.deepEqual(fresh.lastArgumentAt, reference.lastArgumentAt);
    assert.ok(record.positions.length > 50, `${record.positions.length} positions in the history`);
  });

  it('positions taken at the same moment by many members (and twice by one) leave exact tallies', async () => {
    const g = await makeGroup(t.deps, { categories: ['industry', 'government', 'academia', 'industry', 'consumers', 'civil-society', 'academia', 'industry'] });
    const p = await makeProposal(t.deps, g, { status: 'call' });
    const people = [g.chair, ...g.members];
    const results = await Promise.all([
      ...people.map((who, i) =>
        takePosition(t.deps, who.actor, g.process, p, { stance: (['agree', 'can-live', 'cannot'] as const)[i % 3]!, reason: i % 3 === 2 ? { en: `R${i}` } : null }),
      ),
      takePosition(t.deps, people[0]!.actor, g.process, p, { stance: 'cannot', reason: { en: 'Twice' } }),
    ]);
    assert.ok(results.every((r) => r.ok));
    const record = await recordOfRound(t.db, p.id, 1);
    const reference = aggregate(record.positions, record.objections);
    const kept = (await talliesOf(t.db, p.id)).filter((x) => x.agree + x.canLive + x.cannot > 0);
    const byKey = (xs: Array<{ categoryKey: string }>) => [...xs].sort((a, b) => a.categoryKey.localeCompare(b.categoryKey));
    assert.deepEqual(byKey(kept), byKey(reference.tallies));
    assert.equal(
      reference.tallies.reduce((n, x) => n + x.agree + x.canLive + x.cannot, 0),
      people.length,
      'one current position each',
    );
    assert.deepEqual((await proposalById(t.db, g.process.id, p.id))!.objections, reference.objections);
  });
});
