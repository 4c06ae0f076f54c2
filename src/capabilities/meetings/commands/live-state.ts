import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { appendLiveEvent } from '../../../platform/live/event-log.ts';
import { agendaOf, liveRowOf } from '../db/queries.ts';
import type { MeetingStatus } from '../domain/meeting.ts';

/** The live stream of a meeting's room: every open room of this meeting, on every node, follows it. */
export const meetingStream = (meetingId: number): string => `meeting:${meetingId}`;

/** The meeting's part of the room (event "meeting"): its state and the agenda item under discussion. */
export type MeetingLiveState = {
  status: MeetingStatus;
  item: { id: number; title: Localized; presenter: string | null } | null;
  startedAt: number | null;
  endedAt: number | null;
};

/** Appends the meeting's current state to its live stream, in the caller's transaction. */
export async function announceMeeting(trx: Db, meetingId: number): Promise<number> {
  const m = await liveRowOf(trx, meetingId);
  const item = m.currentItemId === null ? undefined : (await agendaOf(trx, meetingId)).find((i) => i.id === m.currentItemId);
  const state: MeetingLiveState = {
    status: m.status,
    item: item ? { id: item.id, title: item.title, presenter: item.presenter } : null,
    startedAt: m.startedAt?.getTime() ?? null,
    endedAt: m.endedAt?.getTime() ?? null,
  };
  return appendLiveEvent(trx, meetingStream(meetingId), 'meeting', state);
}
