import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { AgendaInput } from '../domain/agenda.ts';
import type { AttendanceMark } from '../domain/attendance.ts';
import type { MeetingInput, MeetingStatus, Repeat } from '../domain/meeting.ts';
import type { RecordingLanguage } from '../domain/minutes.ts';
import type { RegistrationMode } from '../domain/registration.ts';

const fields = (input: MeetingInput) => ({
  format: input.format,
  title: JSON.stringify(input.title),
  description: JSON.stringify(input.description),
  timeZone: input.timeZone,
  place: JSON.stringify(input.place),
  onlineUrl: input.onlineUrl,
  livestreamUrl: input.livestreamUrl,
  capacity: input.capacity,
});

export async function insertSeries(db: Db, processId: number, bodyId: number, input: MeetingInput, repeat: Repeat): Promise<number> {
  const { id } = await db
    .insertInto('meetingSeries')
    .values({
      processId,
      bodyId,
      intervalWeeks: repeat.intervalWeeks,
      count: repeat.count,
      firstDate: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      timeZone: input.timeZone,
      format: input.format,
      title: JSON.stringify(input.title),
      description: JSON.stringify(input.description),
      place: JSON.stringify(input.place),
      onlineUrl: input.onlineUrl,
      livestreamUrl: input.livestreamUrl,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertMeetings(
  db: Db,
  processId: number,
  bodyId: number,
  input: MeetingInput,
  occurrences: ReadonlyArray<{ startsAt: Date; endsAt: Date }>,
  seriesId: number | null,
): Promise<number[]> {
  const rows = await db
    .insertInto('meetings')
    .values(
      occurrences.map((o) => ({ processId, bodyId, seriesId, originalStart: seriesId === null ? null : o.startsAt, startsAt: o.startsAt, endsAt: o.endsAt, ...fields(input) })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function updateMeeting(db: Db, id: number, input: MeetingInput, occurrence: { startsAt: Date; endsAt: Date }, now: Date, isOccurrence: boolean): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({
      ...fields(input),
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      updatedAt: now,
      sequence: eb('sequence', '+', 1),
      ...(isOccurrence ? { modified: true } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setMeetingStatus(db: Db, id: number, status: MeetingStatus, now: Date): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({
      status,
      updatedAt: now,
      sequence: eb('sequence', '+', 1),
      ...(status === 'in-progress' ? { startedAt: now } : {}),
      ...(status === 'ended' ? { endedAt: now } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setCurrentItemId(db: Db, id: number, itemId: number | null): Promise<void> {
  await db.updateTable('meetings').set({ currentItemId: itemId }).where('id', '=', id).execute();
}

export async function insertAgendaItem(db: Db, meetingId: number, position: number, input: AgendaInput): Promise<number> {
  const { id } = await db
    .insertInto('agendaItems')
    .values({ meetingId, position, title: JSON.stringify(input.title), durationMinutes: input.durationMinutes, presenter: input.presenter, links: JSON.stringify(input.links) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateAgendaItem(db: Db, id: number, input: AgendaInput): Promise<void> {
  await db
    .updateTable('agendaItems')
    .set({ title: JSON.stringify(input.title), durationMinutes: input.durationMinutes, presenter: input.presenter, links: JSON.stringify(input.links) })
    .where('id', '=', id)
    .execute();
}

export async function deleteAgendaItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('agendaItems').where('id', '=', id).execute();
}

export async function setItemPositions(db: Db, ids: readonly number[]): Promise<void> {
  for (const [i, id] of ids.entries())
    await db
      .updateTable('agendaItems')
      .set({ position: i + 1 })
      .where('id', '=', id)
      .execute();
}

export async function saveRegistration(db: Db, meetingId: number, participantId: number, mode: RegistrationMode, now: Date): Promise<void> {
  await db
    .updateTable('meetingRegistrations')
    .set({ cancelledAt: now })
    .where('meetingId', '=', meetingId)
    .where('participantId', '=', participantId)
    .where('cancelledAt', 'is', null)
    .execute();
  await db.insertInto('meetingRegistrations').values({ meetingId, participantId, mode, registeredAt: now, cancelledAt: null }).execute();
}

export async function endRegistration(db: Db, meetingId: number, participantId: number, now: Date): Promise<void> {
  await db
    .updateTable('meetingRegistrations')
    .set({ cancelledAt: now })
    .where('meetingId', '=', meetingId)
    .where('participantId', '=', participantId)
    .where('cancelledAt', 'is', null)
    .execute();
}

export async function markAttendance(db: Db, meetingId: number, participantId: number, mark: AttendanceMark, by: number | null, now: Date): Promise<void> {
  if (mark === 'absent') {
    await db.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).where('participantId', '=', participantId).execute();
    return;
  }
  await db
    .insertInto('meetingAttendance')
    .values({ meetingId, participantId, mode: mark, recordedAt: now, recordedBy: by })
    .onConflict((oc) => oc.columns(['meetingId', 'participantId']).doUpdateSet({ mode: mark, recordedAt: now, recordedBy: by }))
    .execute();
}

export async function writeMinutes(db: Db, meetingId: number, source: Localized, html: Localized, now: Date): Promise<void> {
  await db
    .insertInto('meetingMinutes')
    .values({ meetingId, source: JSON.stringify(source), html: JSON.stringify(html), status: 'draft', updatedAt: now, approvedAt: null })
    .onConflict((oc) => oc.column('meetingId').doUpdateSet({ source: JSON.stringify(source), html: JSON.stringify(html), status: 'draft', updatedAt: now, approvedAt: null }))
    .execute();
}

export async function markMinutesApproved(db: Db, meetingId: number, now: Date): Promise<void> {
  await db.updateTable('meetingMinutes').set({ status: 'approved', approvedAt: now }).where('meetingId', '=', meetingId).execute();
}

export async function insertRecording(db: Db, meetingId: number, url: string, language: RecordingLanguage): Promise<void> {
  await db.insertInto('meetingRecordings').values({ meetingId, url, language }).execute();
}

export async function deleteRecording(db: Db, meetingId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('meetingRecordings').where('meetingId', '=', meetingId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
