import type { Generated } from 'kysely';

export interface SearchEntriesTable {
  id: Generated<number>;
  processId: number;
  type: string;
  key: string;
  grp: string;
  bodyId: number | null;
  path: string;
  titleEn: Generated<string>;
  titleFr: Generated<string>;
  textEn: Generated<string>;
  textFr: Generated<string>;
  digest: string;
  updatedAt: Generated<Date>;
}

export interface SearchTables {
  searchEntries: SearchEntriesTable;
}
