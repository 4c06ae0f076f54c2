// The speaking-queue capability: what other capabilities (and the composition root) may use.
export type { OrderPolicy, Queue, Speech } from './domain/queue.ts';
export type { QueueSnapshot } from './domain/snapshot.ts';
export { raiseHand } from './commands/raise-hand.ts';
export { addInRoomHand } from './commands/add-in-room-hand.ts';
export { lowerHand } from './commands/lower-hand.ts';
export { giveFloor } from './commands/give-floor.ts';
export { endTurn } from './commands/end-turn.ts';
export { moveUp } from './commands/move-up.ts';
export { setQueueOpen } from './commands/set-queue-open.ts';
export { setPolicy } from './commands/set-policy.ts';
export { setTimeLimit } from './commands/set-time-limit.ts';
export { speakingQueueHooks } from './commands/close-for-meeting-end.ts';
export { speechesOf } from './db/queries.ts';
export { speakingQueueMeetingExtension, speakingQueueProcessExtension } from './http/extension.tsx';
