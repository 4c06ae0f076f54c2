import type { Generated } from 'kysely';

export interface ParticipantsTable {
  id: Generated<number>;
  processId: number;
  userId: number;
  displayName: string;
  categoryKey: string;
  categoryOther: string | null;
  affiliation: string | null;
  representation: 'self' | 'organization';
  organization: string | null;
  joinedAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface ParticipantProfileHistoryTable {
  id: Generated<number>;
  participantId: number;
  displayName: string;
  categoryKey: string;
  categoryOther: string | null;
  affiliation: string | null;
  representation: 'self' | 'organization';
  organization: string | null;
  recordedAt: Generated<Date>;
}

export interface CoiDeclarationsTable {
  id: Generated<number>;
  participantId: number;
  version: number;
  hasInterests: boolean;
  text: string | null;
  declaredAt: Generated<Date>;
}

export interface RulesAcceptancesTable {
  participantId: number;
  rulesVersionId: number;
  acceptedAt: Generated<Date>;
}

export interface ParticipantTables {
  participants: ParticipantsTable;
  participantProfileHistory: ParticipantProfileHistoryTable;
  coiDeclarations: CoiDeclarationsTable;
  rulesAcceptances: RulesAcceptancesTable;
}
