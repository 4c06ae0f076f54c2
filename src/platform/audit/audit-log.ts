import type { Actor } from '../../kernel/actor.ts';
import type { DomainEvent } from '../../kernel/events.ts';
import type { Db } from '../database/connect.ts';
import { announceOnCommit } from '../events/bus.ts';

/** Every change to a process is announced on this channel with the process id, when its transaction commits. */
export const CHANGES_CHANNEL = 'concert_changes';

export type AuditEntry = {
  id: number;
  processId: number | null;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: Date;
};

/**
 * Appends events to the audit log. Call it with the transaction that made
 * the change, so the change and its record commit or fail together.
 */
export async function appendEvents(trx: Db, processId: number | null, actor: Actor, events: readonly DomainEvent[], now?: Date): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('auditEvents')
    .values(
      events.map((e) => ({
        processId,
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorName: actor.kind === 'user' ? actor.name : null,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        data: JSON.stringify(e.data ?? {}),
        ...(now ? { createdAt: now } : {}),
      })),
    )
    .execute();
  // NOTIFY is transactional: other nodes (and this one) hear of the change only once it is committed.
  if (processId !== null) await announceOnCommit(trx, CHANGES_CHANNEL, String(processId));
}

export async function activityOf(db: Db, processId: number, opts: { before?: number; limit?: number } = {}): Promise<AuditEntry[]> {
  let q = db.selectFrom('auditEvents').selectAll().where('processId', '=', processId);
  if (opts.before) q = q.where('id', '<', opts.before);
  return (await q
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 50)
    .execute()) as AuditEntry[];
}
