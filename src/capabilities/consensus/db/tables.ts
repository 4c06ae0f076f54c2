import type { Generated } from 'kysely';
import type { Localized } from '../../../kernel/localized.ts';
import type { Json, JsonDefault, Timestamp } from '../../../platform/database/tables.ts';
import type { Evaluation } from '../domain/criteria.ts';
import type { Link, ProposalKind, ProposalStatus, Stance, Where } from '../domain/proposal.ts';

export interface ProposalsTable {
  id: Generated<number>;
  processId: number;
  bodyId: number;
  kind: ProposalKind;
  title: Json<Localized>;
  text: JsonDefault<Localized>;
  textHtml: JsonDefault<Localized>;
  proposedCharter: Json<Localized> | null;
  charterBefore: Json<Localized> | null;
  link: Json<Link> | null;
  status: Generated<ProposalStatus>;
  round: Generated<number>;
  authorUserId: number | null;
  authorParticipantId: number | null;
  createdAt: Generated<Date>;
  discussionOpenedAt: Timestamp | null;
  callOpenedAt: Timestamp | null;
  callWhere: Json<Where> | null;
  callEndsAt: Timestamp | null;
  decidedAt: Timestamp | null;
  lastArgumentAt: Timestamp | null;
  openObjections: Generated<number>;
  discussedObjections: Generated<number>;
  standingObjections: Generated<number>;
  withdrawnObjections: Generated<number>;
}

export interface ProposalTransitionsTable {
  id: Generated<number>;
  proposalId: number;
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus;
  round: number;
  at: Timestamp;
  byUserId: number | null;
  byName: string | null;
}

export interface ObjectionsTable {
  id: Generated<number>;
  proposalId: number;
  authorParticipantId: number;
  text: Json<Localized>;
  status: Generated<'open' | 'discussed' | 'standing' | 'withdrawn'>;
  round: number;
  raisedAt: Timestamp;
  fromPosition: Generated<boolean>;
  raisedWhere: Json<Where> | null;
  discussedAt: Timestamp | null;
  discussedWhere: Json<Where> | null;
  resolution: 'accommodated' | 'not-accommodated' | null;
  reasoning: Json<Localized> | null;
  discussedByUserId: number | null;
  closedAt: Timestamp | null;
}

export interface PositionsTable {
  id: Generated<number>;
  proposalId: number;
  participantId: number;
  round: number;
  stance: Stance;
  reason: Json<Localized> | null;
  objectionId: number | null;
  categoryKey: string;
  categoryOther: string | null;
  takenWhere: Json<Where> | null;
  inRoom: Generated<boolean>;
  senseId: number | null;
  takenAt: Timestamp;
  supersededAt: Timestamp | null;
}

export interface ProposalTalliesTable {
  proposalId: number;
  categoryKey: string;
  agree: Generated<number>;
  canLive: Generated<number>;
  cannot: Generated<number>;
}

export interface AssessmentsTable {
  id: Generated<number>;
  proposalId: number;
  round: number;
  level: 'full-consensus' | 'consensus' | 'strong-support' | 'divergence';
  direction: 'for' | 'against';
  text: Json<Localized>;
  evaluation: Json<Evaluation>;
  revisesId: number | null;
  chairUserId: number | null;
  chairName: string | null;
  assessedAt: Timestamp;
}

export interface AssessmentResponsesTable {
  id: Generated<number>;
  assessmentId: number;
  participantId: number;
  text: Json<Localized>;
  respondedAt: Timestamp;
}

export interface MinorityStatementsTable {
  id: Generated<number>;
  proposalId: number;
  round: number;
  authorParticipantId: number;
  text: Json<Localized>;
  attachedAt: Timestamp;
}

export interface MinorityStatementSignersTable {
  statementId: number;
  participantId: number;
  signedAt: Timestamp;
}

export interface NewInformationTable {
  id: Generated<number>;
  proposalId: number;
  round: number;
  filedByParticipantId: number;
  whatIsNew: Json<Localized>;
  whyItMatters: Json<Localized>;
  links: JsonDefault<Link[]>;
  status: Generated<'filed' | 'accepted' | 'declined'>;
  filedAt: Timestamp;
  answeredAt: Timestamp | null;
  answeredByUserId: number | null;
  answer: Json<Localized> | null;
}

export interface DecisionsTable {
  id: Generated<number>;
  proposalId: number;
  round: number;
  outcome: 'decided' | 'closed';
  evaluation: Json<Evaluation>;
  assessmentId: number | null;
  decidedAt: Timestamp;
  decidedByUserId: number | null;
  decidedByName: string | null;
  reopenedAt: Timestamp | null;
  reopenedByInformationId: number | null;
}

export interface RoomSensesTable {
  id: Generated<number>;
  meetingId: number;
  proposalId: number;
  agendaItemId: number | null;
  openedAt: Timestamp;
  openedByUserId: number | null;
  closedAt: Timestamp | null;
}

export interface ConsensusTables {
  roomSenses: RoomSensesTable;
  proposals: ProposalsTable;
  proposalTransitions: ProposalTransitionsTable;
  objections: ObjectionsTable;
  positions: PositionsTable;
  proposalTallies: ProposalTalliesTable;
  assessments: AssessmentsTable;
  assessmentResponses: AssessmentResponsesTable;
  minorityStatements: MinorityStatementsTable;
  minorityStatementSigners: MinorityStatementSignersTable;
  newInformation: NewInformationTable;
  decisions: DecisionsTable;
}
