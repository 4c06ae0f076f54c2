import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { AppEnv, Ctx } from '../../../platform/http/context.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import type { Body } from '../../groups/index.ts';
import type { Process, ProcessAccess } from '../../processes/index.ts';
import type { MeetingHooks } from '../commands/hooks.ts';
import type { AgendaItem } from '../domain/agenda.ts';
import type { AgendaSubject } from '../domain/subjects.ts';
import type { Meeting } from '../domain/meeting.ts';
import type { MeetingAccess } from '../domain/permissions.ts';

export type MeetingViewArgs = { process: Process; meeting: Meeting; access: MeetingAccess; ctx: PageCtx; items: AgendaItem[]; now: Date };

export type LoadedMeeting = { process: Process; processAccess: ProcessAccess; meeting: Meeting; body: Body };

/** What the meetings capability lends to the routes of an extension. */
export type MeetingRouteHelpers = {
  /** The process and meeting named in the URL (404 when the reader may not see them). */
  loadMeeting(c: Ctx): Promise<LoadedMeeting>;
  /** The facilitator console again, with errors next to their fields (422). */
  renderConsole(c: Ctx, loaded: LoadedMeeting, errors: Record<string, AnyFieldError>): Promise<Response>;
  /** The live room again, with an extension's form refused: its errors and what was typed (422). */
  renderRoom(c: Ctx, loaded: LoadedMeeting, form: RoomForm): Promise<Response>;
};

/** A form of the live room sent back with errors: the extension finds its own fields in it. */
export type RoomForm = { errors: Record<string, AnyFieldError>; values: Record<string, string> };

/**
 * What other capabilities add to meetings: the speaker queue (room, console,
 * speaker log, minutes skeleton), the "sense of the room" of the consensus
 * capability. Each extension may append its own events to the
 * meeting's live stream (meetingStream(id), appendLiveEvent) and give the
 * browser the words to show them (liveWords, under the extension's key).
 */
export type MeetingExtension = {
  key: string;
  hooks?: MeetingHooks;
  meetingSection?(args: MeetingViewArgs): Promise<Child | null>;
  roomSection?(args: MeetingViewArgs & { form?: RoomForm | null }): Promise<Child | null>;
  consoleSection?(args: MeetingViewArgs & { errors: Record<string, AnyFieldError> | null }): Promise<Child | null>;
  liveWords?(process: Process, locale: Locale): Record<string, unknown>;
  /** Markdown lines offered as the skeleton of the minutes. */
  minutesSkeleton?(args: { process: Process; meeting: Meeting; items: AgendaItem[]; locale: Locale }): Promise<string>;
  routes?(helpers: MeetingRouteHelpers): Hono<AppEnv>;
  /** How the proposals or documents that agenda items link to stand now, keyed by subjectKey: shown beside the links. */
  subjectStatuses?(args: { process: Process; subjects: readonly AgendaSubject[] }): Promise<Map<string, SubjectStatus>>;
};

/** Where a linked proposal or document stands (a proposal's stage or outcome, a document's state), in both languages. */
export type SubjectStatus = { status: Localized };
