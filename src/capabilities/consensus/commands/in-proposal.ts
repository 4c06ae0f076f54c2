import type { Actor } from '../../../kernel/actor.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { appendLiveEvent } from '../../../platform/live/event-log.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { Process } from '../../processes/index.ts';
import { lockProposal, talliesOf } from '../db/queries.ts';
import { evaluate, inputFor, type Evaluation } from '../domain/criteria.ts';
import type { Proposal } from '../domain/proposal.ts';

/** A proposal's live stream: a "changed" event (the proposal's id) for each change, stored and announced when it commits. */
export const proposalStream = (proposalId: number): string => `proposal:${proposalId}`;

class Refused<R extends string> extends Error {
  constructor(readonly refusal: R) {
    super(refusal);
  }
}

export type Work<T, R extends string> = (trx: Db, locked: Proposal, now: Date) => Promise<Result<{ value: T; events: DomainEvent[] }, R>>;

/**
 * One change to one proposal: the proposal row is locked for the transaction
 * (changes to a proposal happen one at a time, so its aggregates stay exact),
 * the work and its audit events commit together, and the change is a live
 * event of the proposal's stream once committed. A refusal rolls everything back.
 */
export async function inProposal<T, R extends string>(deps: CommandDeps, actor: Actor, process: Process, proposalId: number, work: Work<T, R>): Promise<Result<T, R>> {
  try {
    const value = await transact(deps.db, async (trx) => {
      const now = deps.clock.now();
      const locked = await lockProposal(trx, proposalId);
      const r = await work(trx, locked, now);
      if (!r.ok) throw new Refused(r.refusal);
      await appendEvents(trx, process.id, actor, r.value.events, now);
      // Heard by live pages on every node once the outermost transaction commits (this one may be part of a larger one);
      // a page that reconnects catches up from the stored event.
      await appendLiveEvent(trx, proposalStream(proposalId), 'changed', proposalId);
      return r.value.value;
    });
    return ok(value);
  } catch (e) {
    if (e instanceof Refused) return refuse(e.refusal as R);
    throw e;
  }
}

/** The criteria for a proposal now, from its aggregates (a few rows, whatever the size of the body). */
export async function evaluationOf(db: Db, process: Process, proposal: Proposal, now: Date): Promise<Evaluation> {
  const tallies = await talliesOf(db, proposal.id);
  return evaluate(
    inputFor(
      proposal,
      tallies,
      process.consensusSettings,
      process.stakeholderCategories.map((c) => c.key),
    ),
    now,
  );
}
