import type { Db } from '../../../platform/database/connect.ts';
import { appendLiveEvent } from '../../../platform/live/event-log.ts';
import { meetingStream } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import { latestSenseOf, senseRows } from '../db/sense.ts';
import { senseTally, type RoomSense, type SenseTally } from '../domain/sense.ts';

/** The sense of the room's public state (event "sense" of the meeting's live stream): which, open or not, and its figures. */
export type SenseSnapshot = { senseId: number | null; proposalId: number | null; open: boolean; tally: SenseTally | null };

/** `known`: the meeting's latest sense of the room, when the caller has read it already. */
export async function senseSnapshot(db: Db, process: Pick<Process, 'stakeholderCategories'>, meetingId: number, known?: RoomSense | null): Promise<SenseSnapshot> {
  const sense = known === undefined ? await latestSenseOf(db, meetingId) : known;
  if (!sense) return { senseId: null, proposalId: null, open: false, tally: null };
  const tally = senseTally(
    await senseRows(db, sense.id),
    process.stakeholderCategories.map((c) => c.key),
  );
  return { senseId: sense.id, proposalId: sense.proposalId, open: sense.closedAt === null, tally };
}

/** Appends the sense of the room's state to the meeting's live stream, in the caller's transaction (read after its writes). */
export async function announceSense(trx: Db, process: Pick<Process, 'stakeholderCategories'>, meetingId: number): Promise<number> {
  return appendLiveEvent(trx, meetingStream(meetingId), 'sense', await senseSnapshot(trx, process, meetingId));
}
