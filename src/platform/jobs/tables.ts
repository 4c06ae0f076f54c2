import type { Generated } from 'kysely';
import type { JsonDefault, Timestamp } from '../database/tables.ts';

export type JobState = 'waiting' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  singletonKey: string | null;
  payload: JsonDefault<Record<string, unknown>>;
  state: Generated<JobState>;
  runAt: Timestamp;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  createdAt: Generated<Date>;
  finishedAt: Timestamp | null;
}

export interface JobTables {
  jobs: JobsTable;
}
