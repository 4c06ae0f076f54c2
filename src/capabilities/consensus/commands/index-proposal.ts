import type { Db } from '../../../platform/database/connect.ts';
import { indexEntries, removeEntries } from '../../search/index.ts';
import type { Process } from '../../processes/index.ts';
import { proposalById } from '../db/queries.ts';

/**
 * Keeps a proposal's search entry in step, in the transaction that changed it:
 * public once out of drafting (title, text, proposed charter), absent before.
 */
export async function indexProposal(trx: Db, process: Pick<Process, 'id' | 'slug'>, proposalId: number): Promise<void> {
  const p = await proposalById(trx, process.id, proposalId);
  if (!p || p.status === 'drafting') {
    await removeEntries(trx, { type: 'decision', key: String(proposalId) });
    return;
  }
  const text = { en: [p.text.en, p.proposedCharter?.en].filter(Boolean).join('\n\n'), fr: [p.text.fr, p.proposedCharter?.fr].filter(Boolean).join('\n\n') };
  await indexEntries(trx, [{ processId: process.id, type: 'decision', key: String(p.id), bodyId: p.bodyId, path: `/p/${process.slug}/decisions/${p.id}`, title: p.title, text }]);
}
