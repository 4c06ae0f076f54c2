// The meetings capability: what other capabilities may use.
export type { Meeting, MeetingFormat, MeetingStatus, MeetingInput } from './domain/meeting.ts';
export type { AgendaItem } from './domain/agenda.ts';
export type { MeetingAccess } from './domain/permissions.ts';
export { chairs } from './domain/permissions.ts';
export { meetingAccess } from './commands/access.ts';
export type { MeetingHooks } from './commands/hooks.ts';
export { meetingStream, type MeetingLiveState } from './commands/live-state.ts';
export { scheduleMeeting } from './commands/schedule-meeting.ts';
export { editMeeting } from './commands/edit-meeting.ts';
export { changeStatus as changeMeetingStatus } from './commands/change-status.ts';
export { setCurrentItem } from './commands/set-current-item.ts';
export { addAgendaItem } from './commands/add-agenda-item.ts';
export { registerForMeeting } from './commands/register-for-meeting.ts';
export { recordAttendance } from './commands/record-attendance.ts';
export { saveMinutes } from './commands/save-minutes.ts';
export { approveMinutes } from './commands/approve-minutes.ts';
export { addRecording } from './commands/add-recording.ts';
export { meetingById, meetingsOf, agendaOf, liveRowOf } from './db/queries.ts';
// What agenda items discuss (proposals, documents of the process), and the meetings that discussed them.
export { agendaItemsOn, meetingsByIds, type MeetingOnSubject, type MeetingSummary } from './db/subjects.ts';
export { subjectOf, subjectsOf, subjectKey, type AgendaSubject } from './domain/subjects.ts';
export type { MeetingExtension, MeetingRouteHelpers, MeetingViewArgs, RoomForm, SubjectStatus } from './http/extension-types.ts';
export { meetingRoutes } from './http/mount.ts';
export { meetingsExtension, meetingsBodyExtension } from './http/extension.tsx';
export { meetingMessages } from './messages/index.ts';
// Time zones for other capabilities' schedules (public input periods).
export { zonedToUtc, localDateTime, isTimeZone } from './domain/time.ts';
export { TIME_ZONES } from './views/when.ts';
