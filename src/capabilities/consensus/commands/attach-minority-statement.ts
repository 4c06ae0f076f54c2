import type { Actor } from '../../../kernel/actor.ts';
import { cleanLocalized, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { CommandDeps } from '../../../platform/commands.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { Process } from '../../processes/index.ts';
import { currentPositionOf } from '../db/queries.ts';
import { latestAssessment, minorityStatementById } from '../db/record-queries.ts';
import { insertMinorityStatement, insertSigner } from '../db/record-writes.ts';
import { hasAnyText, inMinority } from '../domain/assessments.ts';
import { refusalFor, type ConsensusAccess, type ConsensusRefusal } from '../domain/permissions.ts';
import type { Proposal, Stance } from '../domain/proposal.ts';
import { consensusAccess } from './access.ts';
import { inProposal } from './in-proposal.ts';

/** The person's current stance (positions of a decided round stay current until new information reopens it). */
async function stanceOf(trx: Db, proposalId: number, participantId: number): Promise<Stance | null> {
  return (await currentPositionOf(trx, proposalId, participantId))?.stance ?? null;
}

async function minorityCheck(trx: Db, access: ConsensusAccess, locked: Proposal): Promise<ConsensusRefusal | null> {
  const early = refusalFor(access, 'minority-statement', { status: locked.status, inMinority: true });
  if (early) return early;
  const [stance, assessment] = await Promise.all([stanceOf(trx, locked.id, access.participantId!), latestAssessment(trx, locked.id, locked.round)]);
  return refusalFor(access, 'minority-statement', { status: locked.status, inMinority: inMinority(stance, assessment?.direction ?? null) });
}

/** Members in the minority attach a statement, with their names; others in the minority may sign it. */
export async function attachMinorityStatement(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  proposal: Pick<Proposal, 'id' | 'bodyId'>,
  input: { text: Localized } | { signStatementId: number },
): Promise<Result<{ id: number }, ConsensusRefusal | 'text-required' | 'not-found' | 'already-signed'>> {
  const access = await consensusAccess(deps.db, process, proposal.bodyId, actor);
  return inProposal<{ id: number }, ConsensusRefusal | 'text-required' | 'not-found' | 'already-signed'>(deps, actor, process, proposal.id, async (trx, locked, now) => {
    const problem = await minorityCheck(trx, access, locked);
    if (problem) return refuse(problem);
    const pid = access.participantId!;
    if ('signStatementId' in input) {
      const statement = await minorityStatementById(trx, locked.id, input.signStatementId);
      if (!statement) return refuse('not-found');
      if (statement.authorParticipantId === pid || !(await insertSigner(trx, statement.id, pid, now))) return refuse('already-signed');
      return ok({
        value: { id: statement.id },
        events: [{ action: 'proposal.minority-statement-signed', subjectType: 'proposal', subjectId: String(locked.id), data: { statementId: statement.id, participantId: pid } }],
      });
    }
    const text = cleanLocalized(input.text);
    if (!hasAnyText(text)) return refuse('text-required');
    const id = await insertMinorityStatement(trx, { proposalId: locked.id, round: locked.round, participantId: pid, text, now });
    return ok({
      value: { id },
      events: [{ action: 'proposal.minority-statement', subjectType: 'proposal', subjectId: String(locked.id), data: { statementId: id, participantId: pid } }],
    });
  });
}
