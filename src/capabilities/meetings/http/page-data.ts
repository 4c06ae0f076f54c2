import type { Child } from 'hono/jsx';
import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { pageCtx } from '../../../platform/http/render.tsx';
import { meetingAccess } from '../commands/access.ts';
import { agendaOf, attendanceOf, minutesOf, recordingsOf, registrationCounts, registrationOf } from '../db/queries.ts';
import { itemStarts } from '../domain/agenda.ts';
import { countAttendance } from '../domain/attendance.ts';
import { meetingCan } from '../domain/permissions.ts';
import { modesOf, seatsLeft } from '../domain/registration.ts';
import type { MeetingPageData } from '../views/meeting-page.tsx';
import type { LoadedMeeting, MeetingExtension } from './extension-types.ts';
import { subjectStatuses } from './subject-statuses.ts';

/** Everything the meeting page shows, for the reader. */
export async function meetingPageData(c: Ctx, deps: Pick<Deps, 'db' | 'clock'>, loaded: LoadedMeeting, extensions: readonly MeetingExtension[]): Promise<MeetingPageData> {
  const { process, meeting, body } = loaded;
  const access = await meetingAccess(deps.db, process, meeting.bodyId, c.get('actor'), loaded.processAccess);
  const [items, counts, mine, attendance, minutes, recordings] = await Promise.all([
    agendaOf(deps.db, meeting.id),
    registrationCounts(deps.db, meeting.id),
    access.participantId === null ? null : registrationOf(deps.db, meeting.id, access.participantId),
    attendanceOf(deps.db, meeting.id),
    minutesOf(deps.db, meeting.id),
    recordingsOf(deps.db, meeting.id),
  ]);
  const starts = itemStarts(meeting.startsAt, items);
  const ctx = pageCtx(c);
  const now = deps.clock.now();
  const sections = (await Promise.all(extensions.filter((x) => x.meetingSection).map((x) => x.meetingSection!({ process, meeting, access, ctx, items, now })))).filter(
    (s) => s !== null,
  ) as Child[];
  const over = meeting.status === 'ended' || meeting.status === 'cancelled';
  const statuses = await subjectStatuses(extensions, process, items);
  return {
    statuses,
    meeting,
    body: { slug: body.slug, name: body.name },
    items: items.map((i, n) => ({ ...i, plannedAt: starts[n]! })),
    can: meetingCan(access),
    registration: {
      modes: modesOf(meeting),
      mine: mine?.mode ?? null,
      counts,
      seatsLeft: seatsLeft(meeting, counts.inPerson),
      state: over ? 'over' : !access.signedIn ? 'sign-in' : access.participantId === null ? 'join' : 'yes',
    },
    attendance: countAttendance(
      attendance,
      process.stakeholderCategories.map((k) => k.key),
    ),
    minutes,
    recordings,
    sections,
  };
}
