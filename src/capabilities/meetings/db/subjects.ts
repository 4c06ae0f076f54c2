import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { AgendaSubject } from '../domain/subjects.ts';
import type { MeetingStatus } from '../domain/meeting.ts';

/** Replaces what an agenda item discusses, in the transaction that saves the item. */
export async function replaceAgendaSubjects(trx: Db, item: { id: number; meetingId: number; processId: number }, subjects: readonly AgendaSubject[]): Promise<void> {
  await trx.deleteFrom('agendaItemSubjects').where('agendaItemId', '=', item.id).execute();
  if (subjects.length === 0) return;
  await trx
    .insertInto('agendaItemSubjects')
    .values(subjects.map((s) => ({ agendaItemId: item.id, meetingId: item.meetingId, processId: item.processId, kind: s.kind, key: s.key, anchor: s.anchor ?? '' })))
    .execute();
}

export type MeetingOnSubject = { meetingId: number; title: Localized; startsAt: Date; status: MeetingStatus; itemId: number; itemTitle: Localized };

/** The agenda items (and their meetings) that discuss a proposal or a document of the process, in time order. */
export async function agendaItemsOn(db: Db, processId: number, subject: Pick<AgendaSubject, 'kind' | 'key'>): Promise<MeetingOnSubject[]> {
  const rows = await db
    .selectFrom('agendaItemSubjects as s')
    .innerJoin('agendaItems as i', 'i.id', 's.agendaItemId')
    .innerJoin('meetings as m', 'm.id', 's.meetingId')
    .select(['m.id as meetingId', 'm.title', 'm.startsAt', 'm.status', 'i.id as itemId', 'i.title as itemTitle'])
    .where('s.processId', '=', processId)
    .where('s.kind', '=', subject.kind)
    .where('s.key', '=', subject.key)
    .orderBy('m.startsAt')
    .orderBy('i.position')
    .execute();
  const seen = new Set<number>();
  return (rows as MeetingOnSubject[]).filter((r) => (seen.has(r.itemId) ? false : (seen.add(r.itemId), true)));
}

export type MeetingSummary = { id: number; bodyId: number; title: Localized; startsAt: Date; status: MeetingStatus; timeZone: string };

/** Meetings of a process by id (those of another process are not found). */
export async function meetingsByIds(db: Db, processId: number, ids: readonly number[]): Promise<MeetingSummary[]> {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom('meetings')
    .select(['id', 'bodyId', 'title', 'startsAt', 'status', 'timeZone'])
    .where('processId', '=', processId)
    .where('id', 'in', [...ids])
    .orderBy('startsAt')
    .execute()) as MeetingSummary[];
}
