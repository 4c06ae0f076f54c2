import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { AgendaItem } from '../domain/agenda.ts';
import type { AttendanceMode } from '../domain/attendance.ts';
import type { Meeting } from '../domain/meeting.ts';
import type { Minutes, RecordingLanguage } from '../domain/minutes.ts';
import type { RegistrationMode } from '../domain/registration.ts';

const meetingColumns = [
  'meetings.id',
  'meetings.processId',
  'meetings.bodyId',
  'meetings.seriesId',
  'meetings.originalStart',
  'meetings.modified',
  'meetings.format',
  'meetings.title',
  'meetings.description',
  'meetings.startsAt',
  'meetings.endsAt',
  'meetings.timeZone',
  'meetings.place',
  'meetings.onlineUrl',
  'meetings.livestreamUrl',
  'meetings.capacity',
  'meetings.status',
  'meetings.currentItemId',
  'meetings.startedAt',
  'meetings.endedAt',
  'meetings.sequence',
] as const;

export type MeetingListing = Meeting & { bodySlug: string; bodyName: Localized };

export async function meetingById(db: Db, processId: number, id: number): Promise<Meeting | null> {
  return (
    ((await db.selectFrom('meetings').select(meetingColumns).where('meetings.processId', '=', processId).where('meetings.id', '=', id).executeTakeFirst()) as
      | Meeting
      | undefined) ?? null
  );
}

/** Locks the meeting's row for the rest of the transaction (every change to one meeting goes one at a time). */
export async function lockMeeting(db: Db, id: number): Promise<Meeting | null> {
  return ((await db.selectFrom('meetings').select(meetingColumns).where('meetings.id', '=', id).forUpdate().executeTakeFirst()) as Meeting | undefined) ?? null;
}

/** A process's meetings (or one body's), with their body's name, in time order. */
export async function meetingsOf(db: Db, processId: number, bodyId?: number): Promise<MeetingListing[]> {
  let q = db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select(meetingColumns)
    .select(['bodies.slug as bodySlug', 'bodies.name as bodyName'])
    .where('meetings.processId', '=', processId);
  if (bodyId !== undefined) q = q.where('meetings.bodyId', '=', bodyId);
  return (await q.orderBy('meetings.startsAt').orderBy('meetings.id').execute()) as MeetingListing[];
}

export type SeriesRow = {
  id: number;
  intervalWeeks: number;
  count: number;
  firstDate: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  format: Meeting['format'];
  title: Localized;
  description: Localized;
  place: Localized;
  onlineUrl: string | null;
};

export async function seriesOf(db: Db, processId: number, bodyId?: number): Promise<SeriesRow[]> {
  let q = db
    .selectFrom('meetingSeries')
    .select(['id', 'intervalWeeks', 'count', 'firstDate', 'startTime', 'endTime', 'timeZone', 'format', 'title', 'description', 'place', 'onlineUrl'])
    .where('processId', '=', processId);
  if (bodyId !== undefined) q = q.where('bodyId', '=', bodyId);
  return (await q.orderBy('id').execute()) as SeriesRow[];
}

export async function agendaOf(db: Db, meetingId: number): Promise<AgendaItem[]> {
  return (await db
    .selectFrom('agendaItems')
    .select(['id', 'meetingId', 'position', 'title', 'durationMinutes', 'presenter', 'links'])
    .where('meetingId', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute()) as AgendaItem[];
}

export async function nextItemPosition(db: Db, meetingId: number): Promise<number> {
  const r = await db
    .selectFrom('agendaItems')
    .select((eb) => eb.fn.max('position').as('m'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export type PersonRow = { participantId: number; displayName: string; categoryKey: string; categoryOther: string | null };
export type RegistrationRow = PersonRow & { mode: RegistrationMode; registeredAt: Date };

export async function registrationsOf(db: Db, meetingId: number): Promise<RegistrationRow[]> {
  return db
    .selectFrom('meetingRegistrations as r')
    .innerJoin('participants as p', 'p.id', 'r.participantId')
    .select(['p.id as participantId', 'p.displayName', 'p.categoryKey', 'p.categoryOther', 'r.mode', 'r.registeredAt'])
    .where('r.meetingId', '=', meetingId)
    .where('r.cancelledAt', 'is', null)
    .orderBy('p.displayName')
    .execute();
}

export async function registrationOf(db: Db, meetingId: number, participantId: number): Promise<{ id: number; mode: RegistrationMode } | null> {
  return (
    (await db
      .selectFrom('meetingRegistrations')
      .select(['id', 'mode'])
      .where('meetingId', '=', meetingId)
      .where('participantId', '=', participantId)
      .where('cancelledAt', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

export async function registrationCounts(db: Db, meetingId: number): Promise<{ inPerson: number; online: number }> {
  const rows = await db
    .selectFrom('meetingRegistrations')
    .select(['mode', (eb) => eb.fn.countAll<number>().as('n')])
    .where('meetingId', '=', meetingId)
    .where('cancelledAt', 'is', null)
    .groupBy('mode')
    .execute();
  const of = (m: RegistrationMode) => Number(rows.find((r) => r.mode === m)?.n ?? 0);
  return { inPerson: of('in-person'), online: of('online') };
}

export type AttendanceRow = PersonRow & { mode: AttendanceMode };

export async function attendanceOf(db: Db, meetingId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('meetingAttendance as a')
    .innerJoin('participants as p', 'p.id', 'a.participantId')
    .select(['p.id as participantId', 'p.displayName', 'p.categoryKey', 'p.categoryOther', 'a.mode'])
    .where('a.meetingId', '=', meetingId)
    .orderBy('p.displayName')
    .execute();
}

export async function minutesOf(db: Db, meetingId: number): Promise<(Minutes & { updatedAt: Date }) | null> {
  return (
    ((await db.selectFrom('meetingMinutes').select(['source', 'html', 'status', 'approvedAt', 'updatedAt']).where('meetingId', '=', meetingId).executeTakeFirst()) as
      | (Minutes & { updatedAt: Date })
      | undefined) ?? null
  );
}

export type Recording = { id: number; url: string; language: RecordingLanguage };

export async function recordingsOf(db: Db, meetingId: number): Promise<Recording[]> {
  return db.selectFrom('meetingRecordings').select(['id', 'url', 'language']).where('meetingId', '=', meetingId).orderBy('id').execute();
}

export async function liveRowOf(db: Db, meetingId: number): Promise<Pick<Meeting, 'status' | 'currentItemId' | 'startedAt' | 'endedAt'>> {
  return (await db.selectFrom('meetings').select(['status', 'currentItemId', 'startedAt', 'endedAt']).where('id', '=', meetingId).executeTakeFirstOrThrow()) as Pick<
    Meeting,
    'status' | 'currentItemId' | 'startedAt' | 'endedAt'
  >;
}
