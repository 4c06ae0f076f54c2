import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { agendaItemsOn, meetingsByIds, type MeetingSummary } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import { meetingIdsNamedIn } from '../db/record-meetings.ts';

export type RecordMeeting = Pick<MeetingSummary, 'id' | 'title' | 'startsAt' | 'status' | 'timeZone'> & { path: string; items: Localized[] };

/**
 * The meetings where a proposal was discussed, derived, never typed twice:
 * those whose agenda items link to it, and those the record names (positions
 * taken in the room, objections discussed there, the call, a sense of the room).
 */
export async function meetingsOfRecord(db: Db, process: Pick<Process, 'id' | 'slug'>, proposalId: number): Promise<RecordMeeting[]> {
  const [onAgenda, named] = await Promise.all([agendaItemsOn(db, process.id, { kind: 'proposal', key: String(proposalId) }), meetingIdsNamedIn(db, proposalId)]);
  const meetings = await meetingsByIds(db, process.id, [...new Set([...onAgenda.map((a) => a.meetingId), ...named])]);
  return meetings.map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    status: m.status,
    timeZone: m.timeZone,
    path: `/p/${process.slug}/meetings/${m.id}`,
    items: onAgenda.filter((a) => a.meetingId === m.id).map((a) => a.itemTitle),
  }));
}
