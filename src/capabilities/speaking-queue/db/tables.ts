import type { Generated } from 'kysely';
import type { EntrySource, EntryStatus, OrderPolicy } from '../domain/queue.ts';

export interface SpeakingQueuesTable {
  meetingId: number;
  open: Generated<boolean>;
  policy: Generated<OrderPolicy>;
  nextSeq: Generated<number>;
  floorEntryId: number | null;
  floorSince: Date | null;
  floorItemId: number | null;
  timeLimitSeconds: number | null;
  version: Generated<number>;
}

export interface QueueEntriesTable {
  id: Generated<number>;
  meetingId: number;
  participantId: number;
  seq: number;
  source: EntrySource;
  raisedAt: Date;
  raisedBy: number | null;
  status: EntryStatus;
  movedRank: number | null;
  movedReason: string | null;
  closedAt: Date | null;
}

export interface SpeechesTable {
  id: Generated<number>;
  meetingId: number;
  entryId: number;
  participantId: number;
  agendaItemId: number | null;
  displayName: string;
  categoryKey: string;
  categoryOther: string | null;
  source: EntrySource;
  startedAt: Date;
  endedAt: Date;
  seconds: number;
  timeLimitSeconds: number | null;
}

export interface SpeakingQueueTables {
  speakingQueues: SpeakingQueuesTable;
  queueEntries: QueueEntriesTable;
  speeches: SpeechesTable;
}
