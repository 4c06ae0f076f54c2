import type { Db } from '../../../platform/database/connect.ts';
import type { Entry, Queue, Speech } from '../domain/queue.ts';

/**
 * Writes what a decision changed: the queue row, new hands, hands whose state
 * changed, and the finished turn. Returns the queue as saved (new hands with their ids).
 */
export async function saveQueue(trx: Db, before: Queue, after: Queue, speech: Speech | null, raisedBy: number | null, now: Date): Promise<Queue> {
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const entries: Entry[] = [];
  for (const e of after.entries) {
    if (e.id === null) {
      const { id } = await trx
        .insertInto('queueEntries')
        .values({
          meetingId: after.meetingId,
          participantId: e.participantId,
          seq: e.seq,
          source: e.source,
          raisedAt: e.raisedAt,
          raisedBy,
          status: e.status,
          movedRank: null,
          movedReason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      entries.push({ ...e, id });
      continue;
    }
    entries.push(e);
    const was = old.get(e.id);
    if (was && (was.status !== e.status || was.movedRank !== e.movedRank)) {
      const closing = e.status !== 'waiting' && e.status !== 'speaking';
      await trx
        .updateTable('queueEntries')
        .set({ status: e.status, movedRank: e.movedRank, movedReason: e.movedReason, ...(closing ? { closedAt: now } : {}) })
        .where('id', '=', e.id)
        .execute();
    }
  }
  if (speech) {
    await trx
      .insertInto('speeches')
      .values({
        meetingId: after.meetingId,
        entryId: speech.entryId,
        participantId: speech.participantId,
        agendaItemId: speech.agendaItemId,
        displayName: speech.displayName,
        categoryKey: speech.categoryKey,
        categoryOther: speech.categoryOther,
        source: speech.source,
        startedAt: speech.startedAt,
        endedAt: speech.endedAt,
        seconds: speech.seconds,
        timeLimitSeconds: speech.timeLimitSeconds,
      })
      .execute();
  }
  await trx
    .updateTable('speakingQueues')
    .set({
      open: after.open,
      policy: after.policy,
      nextSeq: after.nextSeq,
      floorEntryId: after.floorEntryId,
      floorSince: after.floorSince,
      floorItemId: after.floorItemId,
      timeLimitSeconds: after.timeLimitSeconds,
      version: after.version,
    })
    .where('meetingId', '=', after.meetingId)
    .execute();
  return { ...after, entries };
}
