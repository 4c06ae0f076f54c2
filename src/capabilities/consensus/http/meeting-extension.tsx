import type { Deps } from '../../../platform/http/context.ts';
import { membersOf } from '../../groups/index.ts';
import { chairs, subjectKey, subjectsOf, type AgendaItem, type MeetingExtension, type SubjectStatus, type MeetingViewArgs, type RoomForm } from '../../meetings/index.ts';
import { listParticipants } from '../../participants/index.ts';
import { consensusAccess } from '../commands/access.ts';
import { senseHooks } from '../commands/close-sense-of-room.ts';
import { senseSnapshot } from '../commands/announce-sense.ts';
import { currentPositionOf, proposalById, proposalsByIds, proposalsOf, type ProposalSummary } from '../db/queries.ts';
import { latestSenseOf, sensePositions } from '../db/sense.ts';
import { refusalFor } from '../domain/permissions.ts';
import { isOpenForPositions } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { roomMessages } from '../messages/room.ts';
import { SenseOfRoomSection, type SenseData, type SenseViewer } from '../views/sense-of-room.tsx';
import { senseRoutes } from './sense-routes.ts';

/**
 * Proposals the facilitator may open a sense of the room on: the body's, in
 * discussion or call; those the agenda item under discussion links to come
 * first, named as such, then those of other items, then the rest.
 */
function candidatesFor(proposals: readonly ProposalSummary[], items: readonly AgendaItem[], currentItemId: number | null, processSlug: string) {
  const linked = new Map<number, { title: AgendaItem['title']; rank: number }>();
  for (const i of items)
    for (const s of subjectsOf(i.links, processSlug))
      if (s.kind === 'proposal') {
        const rank = i.id === currentItemId ? 0 : 1;
        const seen = linked.get(Number(s.key));
        if (!seen || seen.rank > rank) linked.set(Number(s.key), { title: i.title, rank });
      }
  return proposals
    .filter((p) => isOpenForPositions(p.status))
    .map((p) => ({ id: p.id, title: p.title, onItem: linked.get(p.id)?.title ?? null, rank: linked.get(p.id)?.rank ?? 2 }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _, ...c }) => c);
}

/** What the sense of the room shows this reader of the room (or the console). */
async function senseData(deps: Pick<Deps, 'db'>, args: MeetingViewArgs, form: RoomForm | null): Promise<SenseData> {
  const { process, meeting, access, ctx, items } = args;
  const live = meeting.status === 'in-progress';
  const latest = await latestSenseOf(deps.db, meeting.id);
  const [snapshot, proposal] = await Promise.all([senseSnapshot(deps.db, process, meeting.id, latest), latest ? proposalById(deps.db, process.id, latest.proposalId) : null]);
  const item = latest?.agendaItemId ? (items.find((i) => i.id === latest.agendaItemId) ?? null) : null;
  const sense =
    latest && proposal
      ? { id: latest.id, open: latest.closedAt === null, proposal: { id: proposal.id, title: proposal.title, status: proposal.status }, item: item?.title ?? null }
      : null;

  let viewer: SenseViewer = { kind: 'anonymous' };
  if (access.signedIn && proposal) {
    const ca = await consensusAccess(deps.db, process, meeting.bodyId, ctx.actor);
    const why = refusalFor(ca, 'take-position', { status: proposal.status });
    if (why === null) {
      const mine = ca.participantId ? await currentPositionOf(deps.db, proposal.id, ca.participantId) : null;
      viewer = { kind: 'member', stance: mine && mine.senseId === latest!.id ? mine.stance : null };
    } else viewer = { kind: 'follower', why: consensusMessages(ctx.locale).refusal[why] ?? roomMessages(ctx.locale).membersOnly };
  } else if (access.signedIn) viewer = { kind: 'follower', why: roomMessages(ctx.locale).membersOnly };

  let facilitator: SenseData['facilitator'] = null;
  if (access.signedIn && chairs(access) && live) {
    const [proposals, members, counted] = await Promise.all([
      proposalsOf(deps.db, process.id, { bodyId: meeting.bodyId }),
      membersOf(deps.db, meeting.bodyId),
      sense?.open ? sensePositions(deps.db, sense.id) : Promise.resolve([]),
    ]);
    const names = new Map(
      (
        await listParticipants(
          deps.db,
          process.id,
          counted.map((p) => p.participantId),
        )
      ).map((p) => [p.id, p.displayName]),
    );
    facilitator = {
      candidates: candidatesFor(proposals, items, meeting.currentItemId, process.slug),
      people: members.filter((x) => x.role !== 'observer').map((x) => ({ id: x.participantId, displayName: x.displayName })),
      counted: counted.map((p) => ({ displayName: names.get(p.participantId) ?? `#${p.participantId}`, stance: p.stance })),
    };
  }
  return { meetingId: meeting.id, live, sense, tally: snapshot.tally, viewer, facilitator, values: form?.values, errors: form?.errors ?? null };
}

/**
 * Consensus in meetings: the sense of the room (its part of the live room,
 * its routes, the words its script needs, its hook: a meeting that ends
 * closes it), and the stage of proposals the agenda links to.
 */
export function consensusMeetingExtension(deps: Deps): MeetingExtension {
  return {
    key: 'sense',
    hooks: senseHooks,
    async roomSection(args) {
      if (args.meeting.status === 'scheduled' || args.meeting.status === 'cancelled') return null;
      return <SenseOfRoomSection ctx={args.ctx} process={args.process} data={await senseData(deps, args, args.form ?? null)} />;
    },
    liveWords: (_process, locale) => ({ counted: roomMessages(locale).counted }),
    // Agenda items that link to a proposal show its stage (or outcome) beside the link.
    async subjectStatuses({ process, subjects }) {
      const ids = [...new Set(subjects.filter((s) => s.kind === 'proposal').map((s) => Number(s.key)))];
      const out = new Map<string, SubjectStatus>();
      for (const p of await proposalsByIds(deps.db, process.id, ids))
        out.set(subjectKey({ kind: 'proposal', key: String(p.id) }), { status: { en: consensusMessages('en').status[p.status]!, fr: consensusMessages('fr').status[p.status]! } });
      return out;
    },
    routes: (helpers) => senseRoutes(deps, helpers),
  };
}
