// The consensus capability (proposals, positions, the dissent record, the criteria, decisions): what others may use.
export type { Proposal, ProposalStatus, Stance, Where, Link } from './domain/proposal.ts';
export type { Evaluation, Outcome, CriteriaInput, ConsensusSettings as CriteriaSettings } from './domain/criteria.ts';
export { evaluate, inputFor } from './domain/criteria.ts';
export type { Level, Direction } from './domain/assessments.ts';
export { consensusAccess } from './commands/access.ts';
export { evaluationOf, proposalStream } from './commands/in-proposal.ts';
// Commands a live room (meetings) can call: positions taken in the room, objections raised there, a call made in a meeting.
export { createProposal } from './commands/create-proposal.ts';
export { advanceProposal } from './commands/advance-proposal.ts';
export { takePosition, type PositionCommandInput } from './commands/take-position.ts';
export { raiseObjection } from './commands/raise-objection.ts';
export { recordDiscussion } from './commands/record-discussion.ts';
export { moveObjection } from './commands/move-objection.ts';
export { publishAssessment } from './commands/publish-assessment.ts';
export { respondToAssessment } from './commands/respond-to-assessment.ts';
export { attachMinorityStatement } from './commands/attach-minority-statement.ts';
export { fileNewInformation } from './commands/file-new-information.ts';
export { answerNewInformation } from './commands/answer-new-information.ts';
export { proposalById, proposalsOf, inRoomCount } from './db/queries.ts';
export { outcomesForPassages } from './http/outcomes.ts';
export { passageOf } from './domain/proposal.ts';
export { consensusRoutes } from './http/routes.tsx';
export { consensusExtension, consensusBodyExtension } from './http/extension.tsx';
// The sense of the room in a meeting's live room (a meetings extension), and its commands.
export { consensusMeetingExtension } from './http/meeting-extension.tsx';
export { openSenseOfRoom } from './commands/open-sense-of-room.ts';
export { closeSenseOfRoom } from './commands/close-sense-of-room.ts';
export { takePositionInRoom } from './commands/take-position-in-room.ts';
// The sense of the room, for a meeting's live page: plain figures in, labelled "not a vote".
export { SenseOfTheRoom, CriteriaPanel, Breakdown } from './views/criteria.tsx';
export { consensusMessages } from './messages/index.ts';
