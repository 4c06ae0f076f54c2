import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { Process } from '../../processes/index.ts';
import type { Meeting } from '../domain/meeting.ts';

/**
 * What other capabilities do when a meeting changes state, inside the same
 * transaction (the speaker queue closes, and logs who was still waiting, when
 * the meeting ends).
 */
export type MeetingHooks = {
  onMeetingEnded?(trx: Db, args: { process: Process; meeting: Meeting; actor: Actor; now: Date }): Promise<void>;
};
