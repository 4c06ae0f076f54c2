import type { Generated } from 'kysely';
import type { Json, JsonDefault, Timestamp } from '../../../platform/database/tables.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { BodyType, ConsensusSettings, StakeholderCategory } from '../domain/process.ts';

export interface ProcessesTable {
  id: Generated<number>;
  slug: string;
  title: Json<Localized>;
  summary: JsonDefault<Localized>;
  scope: JsonDefault<Localized>;
  convenerName: JsonDefault<Localized>;
  officialLanguages: Locale[];
  status: Generated<'draft' | 'published'>;
  stakeholderCategories: Json<StakeholderCategory[]>;
  bodyTypes: Json<BodyType[]>;
  consensusSettings: Json<ConsensusSettings>;
  timeZone: Generated<string>;
  createdBy: number | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  publishedAt: Timestamp | null;
}

export interface ProcessRolesTable {
  processId: number;
  userId: number;
  role: 'convener';
  grantedAt: Generated<Date>;
}

export interface RulesVersionsTable {
  id: Generated<number>;
  processId: number;
  version: number;
  rules: Json<Localized[]>;
  consensusCriteria: Json<Localized[]>;
  note: JsonDefault<Localized>;
  adoptedOn: string | null;
  createdBy: number | null;
  createdAt: Generated<Date>;
}

export interface PhasesTable {
  id: Generated<number>;
  processId: number;
  position: number;
  kind: 'phase' | 'milestone';
  name: Json<Localized>;
  plannedStart: string;
  plannedEnd: string;
  bufferDays: number;
  actualEnd: string | null;
  forecastEnd: string | null;
}

export interface ProcessTables {
  processes: ProcessesTable;
  processRoles: ProcessRolesTable;
  rulesVersions: RulesVersionsTable;
  phases: PhasesTable;
}
