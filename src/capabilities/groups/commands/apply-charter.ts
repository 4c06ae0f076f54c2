import type { DomainEvent } from '../../../kernel/events.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { insertCharterVersion, updateCharter } from '../db/writes.ts';
import type { Body } from '../domain/body.ts';

/**
 * A working group's scope, changed by its consensus decision. Runs inside the
 * transaction that records the decision, so the decision and the new charter
 * commit together; returns the event for that transaction's audit log.
 */
export async function applyCharter(trx: Db, body: Pick<Body, 'id' | 'slug' | 'name' | 'charter'>, charter: Localized, proposalId: number, now: Date): Promise<DomainEvent> {
  await updateCharter(trx, body.id, charter);
  const version = await insertCharterVersion(trx, { bodyId: body.id, charter, source: 'proposal', proposalId, now });
  return { action: 'body.charter-changed', subjectType: 'body', subjectId: body.slug, data: { name: body.name, version, proposalId, before: body.charter, after: charter } };
}
