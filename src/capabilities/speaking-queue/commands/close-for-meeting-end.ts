import { appendEvents } from '../../../platform/audit/audit-log.ts';
import type { MeetingHooks } from '../../meetings/index.ts';
import { lockQueue } from '../db/queries.ts';
import { saveQueue } from '../db/writes.ts';
import { closeForMeetingEnd } from '../domain/transitions.ts';
import { announceQueue } from './change-queue.ts';

/** When a meeting ends, in its transaction: the current turn is logged, the queue closes, waiting hands are recorded as not heard. */
export const speakingQueueHooks: MeetingHooks = {
  async onMeetingEnded(trx, { process, meeting, actor, now }) {
    const q = await lockQueue(trx, meeting.id);
    const d = closeForMeetingEnd(q, now);
    await saveQueue(trx, q, d.queue, d.speech, null, now);
    await appendEvents(trx, process.id, actor, d.events, now);
    await announceQueue(trx, process.id, meeting.id);
  },
};
