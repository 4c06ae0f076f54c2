import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { settledLinkedProposals } from '../db/queries.ts';
import { passageOf } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';

/**
 * The decision on each of a document's recommendations, where a settled
 * proposal links to the passage: what the published report lists beside it.
 * The latest settled proposal on a passage speaks for it.
 */
export async function outcomesForPassages(
  db: Db,
  process: { id: number; slug: string },
  documentSlug: string,
  anchors: readonly string[],
): Promise<Map<string, { label: Localized; href: string }>> {
  const wanted = new Set(anchors);
  const out = new Map<string, { label: Localized; href: string }>();
  for (const p of await settledLinkedProposals(db, process.id)) {
    const at = passageOf(p.link.url);
    if (!at || at.process !== process.slug || at.document !== documentSlug || !wanted.has(at.anchor)) continue;
    out.set(at.anchor, { label: { en: consensusMessages('en').status[p.status]!, fr: consensusMessages('fr').status[p.status]! }, href: `/p/${process.slug}/decisions/${p.id}` });
  }
  return out;
}
