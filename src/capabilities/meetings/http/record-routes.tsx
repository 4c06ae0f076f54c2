import { Hono } from 'hono';
import { z } from 'zod';
import type { Localized } from '../../../kernel/localized.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { localizedFields, localizedFrom, optionalText, parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { plain } from '../../../platform/views/text.tsx';
import { listParticipants } from '../../participants/index.ts';
import { categoryLabel, denied, formBody } from '../../processes/index.ts';
import { meetingAccess } from '../commands/access.ts';
import { addAgendaItem } from '../commands/add-agenda-item.ts';
import { addRecording } from '../commands/add-recording.ts';
import { approveMinutes } from '../commands/approve-minutes.ts';
import { editAgendaItem } from '../commands/edit-agenda-item.ts';
import { moveAgendaItem } from '../commands/move-agenda-item.ts';
import { recordAttendance } from '../commands/record-attendance.ts';
import { registerForMeeting } from '../commands/register-for-meeting.ts';
import { removeAgendaItem } from '../commands/remove-agenda-item.ts';
import { removeRecording } from '../commands/remove-recording.ts';
import { saveMinutes } from '../commands/save-minutes.ts';
import { agendaOf, attendanceOf, minutesOf, registrationsOf } from '../db/queries.ts';
import { linksText, parseLinks, type AgendaInput } from '../domain/agenda.ts';
import type { AttendanceMark } from '../domain/attendance.ts';
import { meetingCan, type MeetingAction } from '../domain/permissions.ts';
import { meetingMessages } from '../messages/index.ts';
import { EditItemPage, type AgendaFormValues } from '../views/agenda.tsx';
import { AttendancePage, type AttendanceLine } from '../views/attendance-page.tsx';
import { MinutesPage } from '../views/minutes-page.tsx';
import type { LoadedMeeting, MeetingExtension } from './extension-types.ts';
import { optionalUrl } from './forms.ts';
import { afterChange, loadMeeting, refused } from './load.ts';
import type { MeetingPageForms } from '../views/meeting-page.tsx';
import { meetingStream } from '../commands/live-state.ts';

const M = `${L}/p/:slug/meetings/:id{[0-9]{1,12}}`;
const ITEM = `${M}/agenda/:item{[0-9]{1,12}}`;

const itemSchema = z.object({
  ...localizedFields('title', 300),
  durationMinutes: z
    .string({ error: 'required' })
    .trim()
    .regex(/^\d{1,4}$/, { error: 'invalidNumber' })
    .transform(Number)
    .pipe(z.number().int().min(0).max(720)),
  presenter: optionalText(200),
  links: optionalText(20000),
});

const raw = rawField;
const itemValues = (b: Record<string, unknown>): AgendaFormValues => ({
  title: { en: raw(b, 'title_en'), fr: raw(b, 'title_fr') },
  durationMinutes: raw(b, 'durationMinutes'),
  presenter: raw(b, 'presenter'),
  links: raw(b, 'links'),
});

/** Agenda, registration, attendance, minutes and recordings: the meeting's record. */
export function meetingRecordRoutes(
  deps: Deps,
  extensions: readonly MeetingExtension[],
  meetingPageWith: (c: Ctx, loaded: LoadedMeeting, forms: MeetingPageForms) => Promise<Response>,
) {
  const app = new Hono<AppEnv>();
  const words = (c: Ctx) => meetingMessages(c.get('locale'));
  const pagePath = (c: Ctx, l: LoadedMeeting) => `/${c.get('locale')}/p/${l.process.slug}/meetings/${l.meeting.id}`;

  const need = async (c: Ctx, loaded: LoadedMeeting, action: MeetingAction) => {
    const access = await meetingAccess(deps.db, loaded.process, loaded.meeting.bodyId, c.get('actor'), loaded.processAccess);
    if (!meetingCan(access)[action]) throw denied(c);
    return access;
  };
  const problem = (c: Ctx, refusal: string) => (refusal === 'not-allowed' ? denied(c) : new HttpProblem('conflict', words(c).refusal[refusal] ?? refusal));

  /** Agenda form → input, or the field errors. */
  const parseItem = (c: Ctx, form: Record<string, unknown>): { input: AgendaInput } | { errors: Record<string, AnyFieldError> } => {
    const parsed = parseWith(itemSchema, form);
    if (!parsed.ok) return { errors: parsed.errors };
    const links = parseLinks(parsed.data.links ?? '');
    if (typeof links === 'string') return { errors: { links: { message: words(c).refusal[links]! } } };
    return { input: { title: localizedFrom(parsed.data, 'title'), durationMinutes: parsed.data.durationMinutes, presenter: parsed.data.presenter, links } };
  };
  const itemError = (c: Ctx, refusal: string): Record<string, AnyFieldError> => {
    const field: Record<string, string> = {
      'no-title': 'title_en',
      'missing-translations': 'title_fr',
      'bad-duration': 'durationMinutes',
      'bad-link': 'links',
      'too-many-links': 'links',
    };
    return { [field[refusal] ?? '_form']: { message: words(c).refusal[refusal] ?? refusal } };
  };

  app.post(`${M}/agenda`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await need(c, loaded, 'manage-agenda');
    const form = await formBody(c);
    const again = (errors: Record<string, AnyFieldError>) => meetingPageWith(c, loaded, { item: { values: itemValues(form), errors } });
    const p = parseItem(c, form);
    if ('errors' in p) return again(p.errors);
    const r = await addAgendaItem(deps, c.get('actor'), loaded.process, loaded.meeting, p.input);
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return again(itemError(c, r.refusal));
    }
    return redirectWithFlash(c, `${pagePath(c, loaded)}#item-${r.value.itemId}`, words(c).itemAdded);
  });

  const loadItem = async (c: Ctx) => {
    const loaded = await loadMeeting(c, deps);
    const item = (await agendaOf(deps.db, loaded.meeting.id)).find((i) => i.id === Number(c.req.param('item')));
    if (!item) throw new HttpProblem('not-found');
    return { loaded, item };
  };

  app.get(`${ITEM}/edit`, async (c) => {
    const { loaded, item } = await loadItem(c);
    await need(c, loaded, 'manage-agenda');
    const values = { title: item.title, durationMinutes: String(item.durationMinutes), presenter: item.presenter ?? '', links: linksText(item.links) };
    return render(c, <EditItemPage ctx={pageCtx(c)} process={loaded.process} meeting={loaded.meeting} itemId={item.id} values={values} />);
  });

  app.post(`${ITEM}/edit`, async (c) => {
    const { loaded, item } = await loadItem(c);
    await need(c, loaded, 'manage-agenda');
    const form = await formBody(c);
    const again = (errors: Record<string, AnyFieldError>) =>
      render(c, <EditItemPage ctx={pageCtx(c)} process={loaded.process} meeting={loaded.meeting} itemId={item.id} values={itemValues(form)} errors={errors} />, 422);
    const p = parseItem(c, form);
    if ('errors' in p) return again(p.errors);
    const r = await editAgendaItem(deps, c.get('actor'), loaded.process, loaded.meeting, item.id, p.input);
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      if (r.refusal === 'meeting-over') throw problem(c, r.refusal);
      return again(itemError(c, r.refusal));
    }
    deps.live.poke(meetingStream(loaded.meeting.id));
    return redirectWithFlash(c, `${pagePath(c, loaded)}#item-${item.id}`, words(c).saved);
  });

  app.post(`${ITEM}/remove`, async (c) => {
    const { loaded, item } = await loadItem(c);
    const r = await removeAgendaItem(deps, c.get('actor'), loaded.process, loaded.meeting, item.id);
    if (!r.ok) throw problem(c, r.refusal);
    return redirectWithFlash(c, pagePath(c, loaded), words(c).itemRemoved);
  });

  app.post(`${ITEM}/move`, async (c) => {
    const { loaded, item } = await loadItem(c);
    const form = await formBody(c);
    if (form.direction !== 'up' && form.direction !== 'down') throw new HttpProblem('bad-request');
    const r = await moveAgendaItem(deps, c.get('actor'), loaded.process, loaded.meeting, item.id, form.direction);
    if (!r.ok) throw problem(c, r.refusal);
    return redirectWithFlash(c, `${pagePath(c, loaded)}#item-${item.id}`, words(c).saved);
  });

  app.post(`${M}/register`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    const form = await formBody(c);
    const mode = form.mode === 'in-person' || form.mode === 'online' ? form.mode : form.mode === 'cancel' ? null : undefined;
    if (mode === undefined) throw new HttpProblem('bad-request');
    const r = await registerForMeeting(deps, c.get('actor'), loaded.process, loaded.meeting, mode);
    if (!r.ok) {
      if (r.refusal === 'not-signed-in') throw new HttpProblem('sign-in');
      return refused(c, loaded, null, words(c).refusal[r.refusal] ?? r.refusal);
    }
    return afterChange(c, loaded, null, mode === null ? words(c).unregisteredFlash : words(c).registeredFlash);
  });

  const attendancePage = async (c: Ctx, loaded: LoadedMeeting, errors?: Record<string, AnyFieldError>) => {
    const { process, meeting } = loaded;
    const m = words(c);
    const [regs, present, everyone] = await Promise.all([registrationsOf(deps.db, meeting.id), attendanceOf(deps.db, meeting.id), listParticipants(deps.db, process.id)]);
    const marked = new Map(present.map((p) => [p.participantId, p.mode]));
    const registered = new Map(regs.map((r) => [r.participantId, r.mode]));
    const ids = [...regs.map((r) => r.participantId), ...present.map((p) => p.participantId).filter((id) => !registered.has(id))];
    const byId = new Map(everyone.map((p) => [p.id, p]));
    const lines: AttendanceLine[] = ids.flatMap((id) => {
      const p = byId.get(id);
      if (!p) return [];
      const reg = registered.get(id);
      const category = plain(categoryLabel(process, p.categoryKey), c.get('locale')) + (p.categoryOther ? `: ${p.categoryOther}` : '');
      return [
        {
          participantId: id,
          displayName: p.displayName,
          category,
          registered: reg ? `${m.registered}: ${reg === 'in-person' ? m.modeInPerson : m.modeOnline}` : null,
          mark: marked.get(id) ?? 'absent',
        },
      ];
    });
    const listed = new Set(ids);
    const others = everyone.filter((p) => !listed.has(p.id)).map((p) => ({ id: p.id, displayName: p.displayName }));
    return render(c, <AttendancePage ctx={pageCtx(c)} process={process} meeting={meeting} lines={lines} others={others} errors={errors} />, errors ? 422 : 200);
  };

  app.get(`${M}/attendance`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await need(c, loaded, 'take-attendance');
    return attendancePage(c, loaded);
  });

  app.post(`${M}/attendance`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await need(c, loaded, 'take-attendance');
    const form = await formBody(c);
    const marks: Array<{ participantId: number; mark: AttendanceMark }> = [];
    for (const [k, v] of Object.entries(form)) {
      const id = /^mark_(\d{1,12})$/.exec(k)?.[1];
      if (!id) continue;
      if (v !== 'in-room' && v !== 'online' && v !== 'absent') return attendancePage(c, loaded, { _form: { code: 'invalidChoice' } });
      marks.push({ participantId: Number(id), mark: v });
    }
    if (typeof form.extra === 'string' && form.extra) {
      if (!/^\d{1,12}$/.test(form.extra)) return attendancePage(c, loaded, { extra: { code: 'invalidChoice' } });
      marks.push({ participantId: Number(form.extra), mark: form.extraMode === 'online' ? 'online' : 'in-room' });
    }
    const r = await recordAttendance(deps, c.get('actor'), loaded.process, loaded.meeting, marks);
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return attendancePage(c, loaded, { [r.refusal === 'unknown-participant' ? 'extra' : '_form']: { message: words(c).refusal[r.refusal]! } });
    }
    return redirectWithFlash(c, pagePath(c, loaded), words(c).attendanceSaved(r.value.changed));
  });

  /** The minutes form; a first draft starts from the agenda and what the extensions offer (the speaker log). */
  const skeleton = async (loaded: LoadedMeeting): Promise<Localized> => {
    const items = await agendaOf(deps.db, loaded.meeting.id);
    const out: Localized = {};
    for (const l of loaded.process.officialLanguages) {
      const m = meetingMessages(l);
      const parts = [`## ${m.agenda}`, items.map((i, n) => `${n + 1}. ${plain(i.title, l)}`).join('\n') || '-'];
      for (const x of extensions) if (x.minutesSkeleton) parts.push(await x.minutesSkeleton({ process: loaded.process, meeting: loaded.meeting, items, locale: l }));
      parts.push(`## ${m.skeletonDecisions}`, '- ');
      out[l] = parts.filter(Boolean).join('\n\n');
    }
    return out;
  };

  app.get(`${M}/minutes`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await need(c, loaded, 'edit-minutes');
    const current = await minutesOf(deps.db, loaded.meeting.id);
    return render(c, <MinutesPage ctx={pageCtx(c)} process={loaded.process} meeting={loaded.meeting} values={current?.source ?? (await skeleton(loaded))} />);
  });

  app.post(`${M}/minutes`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await need(c, loaded, 'edit-minutes');
    const form = await formBody(c);
    const again = (errors: Record<string, AnyFieldError>, values: Localized) =>
      render(c, <MinutesPage ctx={pageCtx(c)} process={loaded.process} meeting={loaded.meeting} values={values} errors={errors} />, 422);
    const parsed = parseWith(z.object(localizedFields('minutes', 200000)), form);
    const values = { en: raw(form, 'minutes_en'), fr: raw(form, 'minutes_fr') };
    if (!parsed.ok) return again(parsed.errors, values);
    const r = await saveMinutes(deps, c.get('actor'), loaded.process, loaded.meeting, localizedFrom(parsed.data, 'minutes'));
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      if (r.refusal === 'unchanged') return redirectWithFlash(c, `${pagePath(c, loaded)}#minutes-h`, words(c).refusal.unchanged);
      return again({ minutes_en: { message: words(c).refusal[r.refusal] ?? r.refusal } }, values);
    }
    return redirectWithFlash(c, `${pagePath(c, loaded)}#minutes-h`, r.value.reopened ? words(c).minutesReopened : words(c).minutesSaved);
  });

  app.post(`${M}/minutes/approve`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    const r = await approveMinutes(deps, c.get('actor'), loaded.process, loaded.meeting);
    if (!r.ok) throw problem(c, r.refusal);
    return redirectWithFlash(c, `${pagePath(c, loaded)}#minutes-h`, words(c).minutesApproved);
  });

  app.post(`${M}/recordings`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await need(c, loaded, 'manage-recordings');
    const form = await formBody(c);
    const values = { url: raw(form, 'url'), language: raw(form, 'language') };
    const parsed = parseWith(z.object({ url: optionalUrl().pipe(z.string({ error: 'required' })), language: z.enum(['en', 'fr', 'floor']) }), form);
    if (!parsed.ok) return meetingPageWith(c, loaded, { recording: { values, errors: parsed.errors } });
    const r = await addRecording(deps, c.get('actor'), loaded.process, loaded.meeting, parsed.data.url, parsed.data.language);
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return meetingPageWith(c, loaded, { recording: { values, errors: { url: { message: words(c).refusal[r.refusal]! } } } });
    }
    return redirectWithFlash(c, `${pagePath(c, loaded)}#recordings-h`, words(c).recordingAdded);
  });

  app.post(`${M}/recordings/:rid{[0-9]{1,12}}/remove`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    const r = await removeRecording(deps, c.get('actor'), loaded.process, loaded.meeting, Number(c.req.param('rid')));
    if (!r.ok) throw r.refusal === 'unknown-recording' ? new HttpProblem('not-found') : denied(c);
    return redirectWithFlash(c, `${pagePath(c, loaded)}#recordings-h`, words(c).recordingRemoved);
  });

  return app;
}
