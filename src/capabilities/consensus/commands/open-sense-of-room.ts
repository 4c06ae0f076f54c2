import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { agendaOf, chairs, liveRowOf, meetingAccess, type Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import { proposalById } from '../db/queries.ts';
import { insertSense, lockSensesOf, openSenseOf } from '../db/sense.ts';
import type { TransitionRefusal } from '../domain/lifecycle.ts';
import type { ConsensusRefusal } from '../domain/permissions.ts';
import { senseRefusal, senseWhere, type SenseRefusal } from '../domain/sense.ts';
import { advanceProposal } from './advance-proposal.ts';
import { announceSense } from './announce-sense.ts';

/**
 * The facilitator opens a sense of the room on a proposal of the meeting's
 * body in discussion or consensus call, on the agenda item under discussion
 * (or one named). One at a time per meeting. The facilitator may make the
 * consensus call in the meeting at the same time.
 */
export async function openSenseOfRoom(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId' | 'title' | 'endsAt'>,
  input: { proposalId: number; agendaItemId: number | null; makeCall?: boolean },
): Promise<Result<{ senseId: number; eventId: number }, SenseRefusal | ConsensusRefusal | TransitionRefusal>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    await lockSensesOf(trx, meeting.id);
    const [row, open, proposal, items] = await Promise.all([
      liveRowOf(trx, meeting.id),
      openSenseOf(trx, meeting.id),
      proposalById(trx, process.id, input.proposalId),
      agendaOf(trx, meeting.id),
    ]);
    const itemId = input.agendaItemId ?? row.currentItemId;
    const problem = senseRefusal('open', {
      signedIn: access.signedIn,
      facilitator: chairs(access),
      meetingLive: row.status === 'in-progress',
      open,
      proposal: proposal ? { status: proposal.status, sameBody: proposal.bodyId === meeting.bodyId } : null,
      itemKnown: itemId === null || items.some((i) => i.id === itemId),
    });
    if (problem) return refuse(problem);
    // The call made in this meeting: its quiet period ends when the meeting ends (PROCESS.md, criterion 1).
    if (input.makeCall && proposal!.status === 'discussion') {
      const item = items.find((i) => i.id === itemId) ?? null;
      const call = await advanceProposal({ ...deps, db: trx }, actor, process, proposal!, 'open-call', { where: senseWhere(meeting, item), endsAt: meeting.endsAt });
      if (!call.ok) return refuse(call.refusal);
    }
    const now = deps.clock.now();
    const senseId = await insertSense(trx, { meetingId: meeting.id, proposalId: proposal!.id, agendaItemId: itemId, by: actor.kind === 'user' ? actor.userId : null, now });
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: 'proposal.sense-opened',
          subjectType: 'proposal',
          subjectId: String(proposal!.id),
          data: { senseId, meetingId: meeting.id, agendaItemId: itemId, label: proposal!.title.en ?? proposal!.title.fr },
        },
      ],
      now,
    );
    return ok({ senseId, eventId: await announceSense(trx, process, meeting.id) });
  });
}
