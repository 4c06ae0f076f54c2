import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { advanceProposal, createProposal, proposalById, publishAssessment, takePosition } from '../../src/capabilities/consensus/index.ts';
import { changeDocumentState, documentBySlug } from '../../src/capabilities/documents/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { makeGroup } from '../support/consensus.ts';
import { makeDocument } from '../support/factories.ts';

// Capabilities working together through the composition root.
let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

describe('decisions, documents and search together', () => {
  it('a decided proposal on a recommendation shows as that recommendation’s outcome in the published report, and decisions are searchable', async () => {
    const g = await makeGroup(t.deps, { settings: { quietPeriodHours: 0 } });
    const { process, convener, chair, members } = g;
    const docSlug = await makeDocument(t.deps, process, convener, g.body.slug, {
      en: '# Labels\n\nRecommendation: Label every connected device with its support period.\n\nRecommendation: Publish a vulnerability disclosure policy.',
      fr: '# Étiquettes\n\nRecommandation : Étiqueter chaque appareil connecté avec sa période de soutien.\n\nRecommandation : Publier une politique de divulgation des vulnérabilités.',
      type: 'recommendations',
    });
    // The passage anchor of the first recommendation, from its permanent link on the document page.
    const page = await t.client().get(`/en/p/${process.slug}/documents/${docSlug}`);
    const anchor = /<div class="blk rec" id="(p\d+)"><p><strong class="rec-label">Recommendation 1</.exec(page.text)![1]!;
    const created = await createProposal(t.deps, members[0]!.actor, process, g.body, {
      kind: 'text',
      title: { en: 'Adopt the support-period label zephyrine', fr: 'Adopter l’étiquette de période de soutien zéphyrine' },
      text: { en: 'We adopt it.', fr: 'Nous l’adoptons.' },
      proposedCharter: null,
      link: { url: `http://concert.test/en/p/${process.slug}/documents/${docSlug}/at/${anchor}`, label: 'Recommendation 1' },
    });
    assert.ok(created.ok, !created.ok ? created.refusal : '');
    const id = created.value.id;
    const step = async (to: 'open-discussion' | 'open-call' | 'decide') => {
      const r = await advanceProposal(t.deps, chair.actor, process, (await proposalById(t.db, process.id, id))!, to);
      assert.ok(r.ok, `${to}: ${!r.ok && r.refusal}`);
    };
    await step('open-discussion');
    for (const m of [chair, ...members])
      assert.ok((await takePosition(t.deps, m.actor, process, (await proposalById(t.db, process.id, id))!, { stance: 'agree', reason: null })).ok);
    await step('open-call');
    t.clock.advance(60_000);
    assert.ok(
      (
        await publishAssessment(t.deps, chair.actor, process, (await proposalById(t.db, process.id, id))!, {
          level: 'full-consensus',
          direction: 'for',
          text: { en: 'Full consensus.', fr: 'Consensus complet.' },
        })
      ).ok,
    );
    await step('decide');

    // Searchable as a decision, in French without the accents.
    const found = await t.client().get(`/fr/p/${process.slug}/search?q=zephyrine&type=decision`);
    assert.match(found.text, new RegExp(`/p/${process.slug}/decisions/${id}`));

    // The report, once published, lists the recommendation with the decision.
    for (const to of ['plenary-review', 'final', 'published'] as const) {
      const doc = (await documentBySlug(t.db, process.id, docSlug))!;
      const r = await changeDocumentState(t.deps, convener, process, doc, to);
      assert.ok(r.ok, `${to}: ${!r.ok && r.refusal}`);
    }
    const report = await t.client().get(`/en/p/${process.slug}/documents/${docSlug}`);
    assert.match(report.text, new RegExp(`href="/p/${process.slug}/decisions/${id}"[^>]*>Decided: consensus reached`));
    assert.match(report.text, /no decision yet/i);
  });
});
