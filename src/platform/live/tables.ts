import type { Generated } from 'kysely';

export interface LiveEventsTable {
  id: Generated<number>;
  stream: string;
  kind: string;
  /** JSON text, sent to clients as it is stored. */
  data: string;
  createdAt: Generated<Date>;
}

export interface LiveTables {
  liveEvents: LiveEventsTable;
}
