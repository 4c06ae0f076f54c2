import type { Actor } from '../../../kernel/actor.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import { cleanLocalized, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { informationById } from '../db/record-queries.ts';
import { changeStatus, startNewRound } from '../db/writes.ts';
import { answerInformation as saveAnswer } from '../db/record-writes.ts';
import { refusalFor, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Proposal } from '../domain/proposal.ts';
import { answerInformation, type AnswerRefusal } from '../domain/reopen.ts';
import { consensusAccess } from './access.ts';
import { inProposal } from './in-proposal.ts';

/**
 * The chair accepts new information, and the decision reopens: a new round of
 * discussion starts, the decision taken stays in the record marked reopened,
 * and earlier positions stay in the history without counting any more. Or the
 * chair declines it, with a reason in every official language.
 */
export async function answerNewInformation(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId' | 'status'>,
  informationId: number,
  accept: boolean,
  answer: Localized,
): Promise<Result<{ reopened: boolean }, ConsensusRefusal | AnswerRefusal | 'not-found'>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  const early = refusalFor(access, 'chair', { status: proposal.status });
  if (early) return refuse(early);
  const text = cleanLocalized(answer);
  return inProposal<{ reopened: boolean }, ConsensusRefusal | AnswerRefusal | 'not-found'>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const info = await informationById(trx, locked.id, informationId, { forUpdate: true });
    if (!info) return refuse('not-found');
    const d = answerInformation(info, locked.status, accept, text, process.officialLanguages);
    if (!d.ok) return d;
    await saveAnswer(trx, info.id, { status: d.value.status, answer: text, by: actor, now });
    const events: DomainEvent[] = [
      {
        action: accept ? 'proposal.information-accepted' : 'proposal.information-declined',
        subjectType: 'proposal',
        subjectId: String(locked.id),
        data: { informationId },
      },
    ];
    if (d.value.reopens) {
      const round = locked.round + 1;
      await startNewRound(trx, locked.id, locked.round, info.id, now);
      await changeStatus(
        trx,
        locked.id,
        locked.status,
        { status: 'discussion', round, discussionOpenedAt: now, callOpenedAt: null, callWhere: null, callEndsAt: null, decidedAt: null },
        actor,
        now,
        round,
      );
      events.push({ action: 'proposal.reopened', subjectType: 'proposal', subjectId: String(locked.id), data: { informationId, round } });
    }
    return ok({ value: { reopened: d.value.reopens }, events });
  });
}
