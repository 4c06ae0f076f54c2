import type { Generated } from 'kysely';
import type { Localized } from '../../../kernel/localized.ts';
import type { Json, JsonDefault } from '../../../platform/database/tables.ts';
import type { AgendaLink } from '../domain/agenda.ts';
import type { MeetingFormat, MeetingStatus } from '../domain/meeting.ts';

export interface MeetingSeriesTable {
  id: Generated<number>;
  processId: number;
  bodyId: number;
  intervalWeeks: number;
  count: number;
  firstDate: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  format: MeetingFormat;
  title: Json<Localized>;
  description: JsonDefault<Localized>;
  place: JsonDefault<Localized>;
  onlineUrl: string | null;
  livestreamUrl: string | null;
  createdAt: Generated<Date>;
}

export interface MeetingsTable {
  id: Generated<number>;
  processId: number;
  bodyId: number;
  seriesId: number | null;
  originalStart: Date | null;
  modified: Generated<boolean>;
  format: MeetingFormat;
  title: Json<Localized>;
  description: JsonDefault<Localized>;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: JsonDefault<Localized>;
  onlineUrl: string | null;
  livestreamUrl: string | null;
  capacity: number | null;
  status: Generated<MeetingStatus>;
  currentItemId: number | null;
  startedAt: Date | null;
  endedAt: Date | null;
  sequence: Generated<number>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface AgendaItemsTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  title: Json<Localized>;
  durationMinutes: number;
  presenter: string | null;
  links: JsonDefault<AgendaLink[]>;
  createdAt: Generated<Date>;
}

export interface MeetingRegistrationsTable {
  id: Generated<number>;
  meetingId: number;
  participantId: number;
  mode: 'in-person' | 'online';
  registeredAt: Generated<Date>;
  cancelledAt: Date | null;
}

export interface MeetingAttendanceTable {
  meetingId: number;
  participantId: number;
  mode: 'in-room' | 'online';
  recordedAt: Generated<Date>;
  recordedBy: number | null;
}

export interface MeetingMinutesTable {
  meetingId: number;
  source: JsonDefault<Localized>;
  html: JsonDefault<Localized>;
  status: Generated<'draft' | 'approved'>;
  updatedAt: Generated<Date>;
  approvedAt: Date | null;
}

export interface MeetingRecordingsTable {
  id: Generated<number>;
  meetingId: number;
  url: string;
  language: 'en' | 'fr' | 'floor';
  addedAt: Generated<Date>;
}

export interface AgendaItemSubjectsTable {
  agendaItemId: number;
  meetingId: number;
  processId: number;
  kind: 'proposal' | 'document';
  key: string;
  /** '' for the whole document (part of the key). */
  anchor: string;
}

export interface MeetingTables {
  agendaItemSubjects: AgendaItemSubjectsTable;
  meetingSeries: MeetingSeriesTable;
  meetings: MeetingsTable;
  agendaItems: AgendaItemsTable;
  meetingRegistrations: MeetingRegistrationsTable;
  meetingAttendance: MeetingAttendanceTable;
  meetingMinutes: MeetingMinutesTable;
  meetingRecordings: MeetingRecordingsTable;
}
