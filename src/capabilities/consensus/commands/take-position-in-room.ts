import type { Actor } from '../../../kernel/actor.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { agendaOf, chairs, liveRowOf, meetingAccess, type Meeting } from '../../meetings/index.ts';
import type { Process } from '../../processes/index.ts';
import { proposalById } from '../db/queries.ts';
import { lockSensesOf, openSenseOf } from '../db/sense.ts';
import type { ConsensusRefusal } from '../domain/permissions.ts';
import type { PositionRefusal } from '../domain/positions.ts';
import type { Stance } from '../domain/proposal.ts';
import { senseRefusal, senseWhere, type SenseRefusal } from '../domain/sense.ts';
import { announceSense } from './announce-sense.ts';
import { takePosition } from './take-position.ts';

export type RoomPositionInput = { stance: Stance; reason: Localized | null; forParticipantId?: number };

/**
 * A position in the sense of the room: a member's own, from the room's page,
 * or one the facilitator records for a person in the room, by name. It goes
 * through takePosition, so the rules, the tallies, the quiet period and the
 * dissent record are those of any position; it also carries where it was
 * taken (the meeting and agenda item) and counts in the room's figures,
 * announced on the meeting's live stream in the same transaction.
 */
export async function takePositionInRoom(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  meeting: Pick<Meeting, 'id' | 'bodyId' | 'title'>,
  input: RoomPositionInput,
): Promise<Result<{ eventId: number; objectionId: number | null }, SenseRefusal | ConsensusRefusal | PositionRefusal>> {
  const forOther = input.forParticipantId !== undefined;
  const access = forOther ? await meetingAccess(deps.db, process, meeting.bodyId, actor) : null;
  return transact(deps.db, async (trx) => {
    await lockSensesOf(trx, meeting.id);
    const [row, open] = await Promise.all([liveRowOf(trx, meeting.id), openSenseOf(trx, meeting.id)]);
    if (access) {
      const problem = senseRefusal('record-for-others', { signedIn: access.signedIn, facilitator: chairs(access), meetingLive: row.status === 'in-progress', open });
      if (problem) return refuse(problem);
    } else if (!open || row.status !== 'in-progress') return refuse('not-open' as const);
    const proposal = (await proposalById(trx, process.id, open!.proposalId))!;
    const item = open!.agendaItemId === null ? null : ((await agendaOf(trx, meeting.id)).find((i) => i.id === open!.agendaItemId) ?? null);
    const r = await takePosition({ ...deps, db: trx }, actor, process, proposal, {
      stance: input.stance,
      reason: input.reason,
      where: senseWhere(meeting, item),
      inRoom: true,
      senseId: open!.id,
      forParticipantId: input.forParticipantId,
    });
    if (!r.ok) return r;
    return ok({ eventId: await announceSense(trx, process, meeting.id), objectionId: r.value.objectionId });
  });
}
