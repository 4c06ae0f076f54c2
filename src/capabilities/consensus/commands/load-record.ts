import type { Db } from '../../../platform/database/connect.ts';
import { bodyById, type Body } from '../../groups/index.ts';
import { listParticipants, type ParticipantListing } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import { positionsOf, type PositionRow } from '../db/queries.ts';
import {
  assessmentsOf,
  decisionsOf,
  minorityStatementsOf,
  newInformationOf,
  objectionsOf,
  peopleOf,
  responsesOf,
  transitionsOf,
  type DecisionRow,
  type MinorityStatementRow,
  type ResponseRow,
  type TransitionRow,
} from '../db/record-queries.ts';
import type { Assessment } from '../domain/assessments.ts';
import type { Evaluation } from '../domain/criteria.ts';
import type { Objection } from '../domain/objections.ts';
import { isSettled, type Proposal } from '../domain/proposal.ts';
import type { NewInformation } from '../domain/reopen.ts';
import { evaluationOf } from './in-proposal.ts';

export const POSITIONS_PAGE = 200;

export type DecisionRecord = {
  proposal: Proposal;
  body: Body;
  /** Live while the proposal is open; once settled, the criteria as they stood at the decision. */
  evaluation: Evaluation;
  evaluationAt: 'now' | 'decision';
  positions: PositionRow[];
  positionsTotal: number;
  page: number;
  objections: Objection[];
  assessments: Assessment[];
  responses: ResponseRow[];
  minorityStatements: MinorityStatementRow[];
  information: NewInformation[];
  decisions: DecisionRow[];
  transitions: TransitionRow[];
  /** Everyone named in the record, with their latest declaration of interests. */
  people: Map<number, ParticipantListing>;
};

/** Everything the decision record shows (as a page or as JSON), read in parallel. */
export async function loadRecord(db: Db, process: Process, proposal: Proposal, now: Date, opts: { page?: number; history?: boolean } = {}): Promise<DecisionRecord> {
  const page = Math.max(1, opts.page ?? 1);
  const [body, live, positions, objections, assessments, responses, minorityStatements, information, decisions, transitions, others] = await Promise.all([
    bodyById(db, process.id, proposal.bodyId),
    evaluationOf(db, process, proposal, now),
    positionsOf(db, proposal.id, { history: opts.history, limit: POSITIONS_PAGE, offset: (page - 1) * POSITIONS_PAGE }),
    objectionsOf(db, proposal.id),
    assessmentsOf(db, proposal.id),
    responsesOf(db, proposal.id),
    minorityStatementsOf(db, proposal.id),
    newInformationOf(db, proposal.id),
    decisionsOf(db, proposal.id),
    transitionsOf(db, proposal.id),
    peopleOf(db, proposal.id),
  ]);
  const ids = new Set<number>([...others, ...positions.rows.map((p) => p.participantId)]);
  if (proposal.authorParticipantId) ids.add(proposal.authorParticipantId);
  const listings = await listParticipants(db, process.id, [...ids]);
  const last = decisions[decisions.length - 1];
  const settled = isSettled(proposal.status) && last && last.round === proposal.round;
  return {
    proposal,
    body: body!,
    evaluation: settled ? last.evaluation : live,
    evaluationAt: settled ? 'decision' : 'now',
    positions: positions.rows,
    positionsTotal: positions.total,
    page,
    objections,
    assessments,
    responses,
    minorityStatements,
    information,
    decisions,
    transitions,
    people: new Map(listings.map((l) => [l.id, l])),
  };
}
