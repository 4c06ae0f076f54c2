import type { Generated } from 'kysely';
import type { Json, JsonDefault } from '../../../platform/database/tables.ts';
import type { Localized } from '../../../kernel/localized.ts';

export interface BodiesTable {
  id: Generated<number>;
  processId: number;
  slug: string;
  typeKey: string;
  name: Json<Localized>;
  charter: JsonDefault<Localized>;
  membershipPolicy: 'open' | 'self-select' | 'appointed';
  status: Generated<'active' | 'closed'>;
  position: Generated<number>;
  createdAt: Generated<Date>;
}

export interface MembershipsTable {
  id: Generated<number>;
  bodyId: number;
  participantId: number;
  role: 'facilitator' | 'member' | 'observer';
  joinedAt: Generated<Date>;
  leftAt: Date | null;
  addedBy: number | null;
}

export interface BodyCharterVersionsTable {
  id: Generated<number>;
  bodyId: number;
  version: number;
  charter: Json<Localized>;
  source: 'created' | 'edited' | 'proposal';
  proposalId: number | null;
  recordedAt: Generated<Date>;
}

export interface GroupTables {
  bodies: BodiesTable;
  memberships: MembershipsTable;
  bodyCharterVersions: BodyCharterVersionsTable;
}
