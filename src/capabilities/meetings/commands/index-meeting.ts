import type { Db } from '../../../platform/database/connect.ts';
import type { Process } from '../../processes/index.ts';
import { indexEntries } from '../../search/index.ts';
import { agendaOf, meetingById, minutesOf } from '../db/queries.ts';
import { meetingSearchText } from '../domain/search-text.ts';
import { meetingMessages } from '../messages/index.ts';

/**
 * Keeps a meeting's search entry in step, in the transaction that changed it
 * (scheduling, edits, the agenda, approved minutes, cancellation): meetings
 * are public from the moment they are scheduled.
 */
export async function indexMeeting(trx: Db, process: Pick<Process, 'id' | 'slug'>, meetingId: number): Promise<void> {
  const m = await meetingById(trx, process.id, meetingId);
  if (!m) return;
  const [items, minutes] = await Promise.all([agendaOf(trx, m.id), minutesOf(trx, m.id)]);
  const cancelled = { en: meetingMessages('en').status.cancelled, fr: meetingMessages('fr').status.cancelled };
  await indexEntries(trx, [
    {
      processId: process.id,
      type: 'meeting',
      key: String(m.id),
      bodyId: m.bodyId,
      path: `/p/${process.slug}/meetings/${m.id}`,
      title: m.title,
      text: meetingSearchText(m, items, minutes, cancelled),
    },
  ]);
}
