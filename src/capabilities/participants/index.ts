// The participants capability: what other capabilities may use.
export type { Participant, Profile, Declaration, Representation } from './domain/participant.ts';
export type { Standing } from './domain/standing.ts';
export { standingFor } from './commands/standing.ts';
export { joinProcess } from './commands/join-process.ts';
export { declareInterests } from './commands/declare-interests.ts';
export { listParticipants, participantOfUser, participantById, type ParticipantListing } from './db/queries.ts';
export { participantRoutes } from './http/routes.tsx';
export { CategoryName, DeclarationNote, Representation as RepresentationNote } from './views/participant-tag.tsx';
export { participantMessages } from './messages/index.ts';

export { participantsExtension } from './http/extension.tsx';
