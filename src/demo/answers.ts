// The demo's public input, answered so far: comments processed (fingerprints,
// groups) and the first dispositions given by the convener while the period runs.
import type { Actor } from '../kernel/actor.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Db } from '../platform/database/connect.ts';
import { documentBySlug } from '../capabilities/documents/index.ts';
import { periodContext, periodsOfDocument, processComments, setDisposition } from '../capabilities/public-comment/index.ts';
import type { Process } from '../capabilities/processes/index.ts';

export async function seedAnswers(deps: { db: Db; clock: Clock }, convener: Actor, process: Process): Promise<void> {
  const doc = await documentBySlug(deps.db, process.id, 'draft-outcomes-report');
  const period = doc ? (await periodsOfDocument(deps.db, doc.id))[0] : undefined;
  if (!period) throw new Error('demo: no public input period to answer');
  await processComments(deps, period.id);
  const ctx = (await periodContext(deps.db, process, period.id, convener, deps.clock.now()))!;
  const comments = await deps.db
    .selectFrom('publicComments')
    .select(['id', 'signatories'])
    .where('periodId', '=', period.id)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  // The campaign (1,240 signatories) is partly accepted; the first comment is out of this document's scope.
  const campaign = comments.find((c) => c.signatories > 1);
  const answers = [
    campaign && {
      id: campaign.id,
      kind: 'partly-accepted' as const,
      reason: {
        en: 'The report will ask that security updates work on slow and intermittent connections; offline operation is left to the device labelling working group.',
        fr: 'Le rapport demandera que les mises à jour de sécurité fonctionnent avec des connexions lentes ou intermittentes; le fonctionnement hors ligne est confié au groupe de travail sur l’étiquetage.',
      },
    },
    comments[0] &&
      comments[0].id !== campaign?.id && {
        id: comments[0].id,
        kind: 'out-of-scope' as const,
        reason: { en: 'Outside the scope of this report.', fr: 'Hors du champ de ce rapport.' },
      },
  ].filter((a): a is NonNullable<typeof a> & object => !!a);
  for (const a of answers) {
    const r = await setDisposition(deps, convener, process, ctx, { comment: a.id }, { kind: a.kind, reason: a.reason, changedVersion: null, changedAnchor: null });
    if (!r.ok) throw new Error(`demo disposition: ${r.refusal}`);
  }
}
