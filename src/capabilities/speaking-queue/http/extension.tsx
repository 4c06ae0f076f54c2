import type { Deps } from '../../../platform/http/context.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { plain } from '../../../platform/views/text.tsx';
import type { MeetingExtension } from '../../meetings/index.ts';
import { listParticipants } from '../../participants/index.ts';
import type { ProcessExtension } from '../../processes/index.ts';
import { speakingQueueHooks } from '../commands/close-for-meeting-end.ts';
import { readQueue, speechesOf, unheardOf } from '../db/queries.ts';
import { speakingShare } from '../domain/order.ts';
import { emptyQueue } from '../domain/queue.ts';
import { peopleInRoom, queueSnapshot, type QueueSnapshot } from '../domain/snapshot.ts';
import { clock } from '../domain/wording.ts';
import { queueMessages } from '../messages/index.ts';
import { QueueConsoleSection } from '../views/console-panel.tsx';
import { categoryText, queueWords } from '../views/parts.tsx';
import { QueueRoomSection, type Viewer } from '../views/room-panel.tsx';
import { SpeakerLogSection } from '../views/speaker-log.tsx';
import { queueRoutes } from './routes.ts';

/** The queue as pages first show it (the browser then follows the live stream). */
async function currentSnapshot(db: Db, processId: number, meetingId: number): Promise<QueueSnapshot> {
  const q = (await readQueue(db, meetingId)) ?? emptyQueue(meetingId);
  const [speeches, people] = await Promise.all([speechesOf(db, meetingId), listParticipants(db, processId, peopleInRoom(q))]);
  const declarations = new Map(people.map((p) => [p.id, p.declaration]));
  return queueSnapshot(q, speeches, (pid) => {
    const d = declarations.get(pid);
    return d ? { hasInterests: d.hasInterests, text: d.text } : null;
  });
}

/** The speaker queue in a meeting: its part of the room, the console and the meeting page, its routes, and its hook on the meeting's end. */
export function speakingQueueMeetingExtension(deps: Deps): MeetingExtension {
  return {
    key: 'queue',
    hooks: speakingQueueHooks,
    async roomSection({ process, meeting, access, ctx, now }) {
      const snapshot = await currentSnapshot(deps.db, process.id, meeting.id);
      const viewer: Viewer = !access.signedIn
        ? { kind: 'anonymous' }
        : access.participantId === null
          ? { kind: 'not-participant' }
          : access.mayTakePart
            ? { kind: 'participant', participantId: access.participantId }
            : { kind: 'standing-incomplete' };
      return <QueueRoomSection ctx={ctx} process={process} meetingId={meeting.id} live={meeting.status === 'in-progress'} snapshot={snapshot} viewer={viewer} now={now} />;
    },
    async consoleSection({ process, meeting, ctx, now, errors }) {
      if (meeting.status !== 'in-progress' && meeting.status !== 'scheduled') return null;
      const [snapshot, everyone] = await Promise.all([currentSnapshot(deps.db, process.id, meeting.id), listParticipants(deps.db, process.id)]);
      const candidates = everyone.filter((p) => p.declaration !== null).map((p) => ({ id: p.id, displayName: p.displayName }));
      return (
        <QueueConsoleSection
          ctx={ctx}
          process={process}
          meetingId={meeting.id}
          live={meeting.status === 'in-progress'}
          snapshot={snapshot}
          candidates={candidates}
          now={now}
          errors={errors}
        />
      );
    },
    async meetingSection({ process, meeting, ctx, items }) {
      if (meeting.status === 'scheduled' || meeting.status === 'cancelled') return null;
      const [speeches, unheard] = await Promise.all([speechesOf(deps.db, meeting.id), unheardOf(deps.db, meeting.id)]);
      return (
        <SpeakerLogSection
          process={process}
          locale={ctx.locale}
          timeZone={meeting.timeZone}
          speeches={speeches}
          items={new Map(items.map((i) => [i.id, i.title]))}
          share={speakingShare(
            speeches,
            process.stakeholderCategories.map((c) => c.key),
          )}
          unheard={unheard.map((u) => u.displayName)}
        />
      );
    },
    liveWords: (process, locale) => queueWords(process, locale),
    async minutesSkeleton({ process, meeting, items, locale }) {
      const speeches = await speechesOf(deps.db, meeting.id);
      if (speeches.length === 0) return '';
      const q = queueMessages(locale);
      const title = (id: number | null) => plain(items.find((i) => i.id === id)?.title, locale);
      const lines = speeches.map(
        (s) => `- ${s.displayName} (${categoryText(process, locale, s.categoryKey, s.categoryOther)}), ${clock(s.seconds)}${s.agendaItemId ? `: ${title(s.agendaItemId)}` : ''}`,
      );
      return [`## ${q.speakerLog}`, lines.join('\n')].join('\n\n');
    },
    routes: (helpers) => queueRoutes(deps, helpers),
  };
}

/** The speaker queue's words in the process's activity log. */
export function speakingQueueProcessExtension(): ProcessExtension {
  return { activityLabels: { en: queueMessages('en').activity, fr: queueMessages('fr').activity } };
}
