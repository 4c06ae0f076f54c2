import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render, renderPublic } from '../../../platform/http/render.tsx';
import { parseWith } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { plain } from '../../../platform/views/text.tsx';
import { bodiesOf, bodyBySlug, type Body } from '../../groups/index.ts';
import { canInProcess, denied, formBody, loadProcess, type Process, type ProcessAccess } from '../../processes/index.ts';
import { meetingAccess } from '../commands/access.ts';
import { changeStatus } from '../commands/change-status.ts';
import { editMeeting } from '../commands/edit-meeting.ts';
import { scheduleMeeting } from '../commands/schedule-meeting.ts';
import { agendaOf, meetingsOf, seriesOf } from '../db/queries.ts';
import { splitMeetings } from '../domain/listing.ts';
import { chairs, meetingCan } from '../domain/permissions.ts';
import { meetingMessages } from '../messages/index.ts';
import { MeetingFormPage, type MeetingFormValues } from '../views/meeting-form.tsx';
import { MeetingPage, type MeetingPageForms } from '../views/meeting-page.tsx';
import { MeetingsPage } from '../views/meetings-page.tsx';
import { feed, singleEvent } from './calendar.ts';
import type { LoadedMeeting, MeetingExtension } from './extension-types.ts';
import { meetingFieldError, meetingFormValues, meetingInputFrom, meetingSchema, valuesOfMeeting } from './forms.ts';
import { afterChange, loadMeeting, refused } from './load.ts';
import { meetingPageData } from './page-data.ts';
import { meetingStream } from '../commands/live-state.ts';

const M = `${L}/p/:slug/meetings/:id{[0-9]{1,12}}`;

/** Pages, calendar feeds, scheduling and the meeting's life (start, end, cancel). */
export function meetingPageRoutes(deps: Deps, extensions: readonly MeetingExtension[]) {
  const app = new Hono<AppEnv>();
  const host = () => new URL(deps.publicUrl() || 'http://localhost').host;
  const pageUrl = (c: Ctx, process: Process) => (id: number) => `${deps.publicUrl()}/${c.get('locale')}/p/${process.slug}/meetings/${id}`;

  const listPage = async (c: Ctx, body: Body | null) => {
    const { process, access } = await loadProcess(c, deps);
    const all = await meetingsOf(deps.db, process.id, body?.id);
    const split = splitMeetings(all, deps.clock.now());
    const canSchedule = body
      ? body.status === 'active' && chairs(await meetingAccess(deps.db, process, body.id, c.get('actor'), access))
      : c.get('actor').kind === 'user' && (await schedulable(c, process, access)).length > 0;
    return {
      processId: process.id,
      page: <MeetingsPage ctx={pageCtx(c)} process={process} data={{ ...split, body: body ? { slug: body.slug, name: body.name } : null, canSchedule }} />,
    };
  };

  const bodyOf = async (c: Ctx) => {
    const { process } = await loadProcess(c, deps);
    const slug = c.req.param('body') ?? '';
    const body = /^[a-z0-9-]{1,60}$/.test(slug) ? await bodyBySlug(deps.db, process.id, slug) : null;
    if (!body) throw new HttpProblem('not-found');
    return { process, body };
  };

  app.get(`${L}/p/:slug/meetings`, (c) => renderPublic(c, deps.pageCache, () => listPage(c, null)));
  app.get(`${L}/p/:slug/bodies/:body/meetings`, async (c) => {
    const { body } = await bodyOf(c);
    return renderPublic(c, deps.pageCache, () => listPage(c, body));
  });

  const calendar = async (c: Ctx, process: Process, body: Body | null) => {
    const [meetings, series] = await Promise.all([meetingsOf(deps.db, process.id, body?.id), seriesOf(deps.db, process.id, body?.id)]);
    const m = meetingMessages(c.get('locale'));
    const name = m.calendarName(body ? `${plain(process.title, c.get('locale'))}, ${plain(body.name, c.get('locale'))}` : plain(process.title, c.get('locale')));
    const ics = feed(meetings, series, { name, locale: c.get('locale'), host: host(), pageUrl: pageUrl(c, process), now: deps.clock.now() });
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Disposition': `inline; filename="${process.slug}${body ? `-${body.slug}` : ''}-meetings.ics"`,
    });
  };
  app.get(`${L}/p/:slug/meetings.ics`, async (c) => calendar(c, (await loadProcess(c, deps)).process, null));
  app.get(`${L}/p/:slug/bodies/:body/meetings.ics`, async (c) => {
    const { process, body } = await bodyOf(c);
    return calendar(c, process, body);
  });
  app.get(`${M}/meeting.ics`, async (c) => {
    const { process, meeting } = await loadMeeting(c, deps);
    const items = await agendaOf(deps.db, meeting.id);
    const ics = singleEvent(meeting, items, {
      name: plain(meeting.title, c.get('locale')),
      locale: c.get('locale'),
      host: host(),
      pageUrl: pageUrl(c, process),
      now: deps.clock.now(),
    });
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Disposition': `attachment; filename="meeting-${meeting.id}.ics"`,
    });
  });

  // Scheduling: the convener for any body, a facilitator for their own.
  // The process access is the one loadProcess already has: read once, not once per body.
  const schedulable = async (c: Ctx, process: Process, access: ProcessAccess) => {
    if (access.participantId === null && !canInProcess(access, process, 'manage-bodies')) return [];
    const bodies = (await bodiesOf(deps.db, process.id)).filter((b) => b.status === 'active');
    if (canInProcess(access, process, 'manage-bodies')) return bodies;
    const out: Body[] = [];
    for (const b of bodies) if (chairs(await meetingAccess(deps.db, process, b.id, c.get('actor'), access))) out.push(b);
    return out;
  };
  const formPage = (c: Ctx, process: Process, bodies: Body[], values: MeetingFormValues, errors?: Record<string, AnyFieldError>) =>
    render(c, <MeetingFormPage ctx={pageCtx(c)} process={process} bodies={bodies} values={values} errors={errors} />, errors ? 422 : 200);

  app.get(`${L}/p/:slug/meetings/new`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    const bodies = await schedulable(c, process, access);
    if (bodies.length === 0) throw denied(c);
    const wanted = c.req.query('body');
    const blank: MeetingFormValues = {
      body: bodies.find((b) => b.slug === wanted)?.slug ?? bodies[0]!.slug,
      format: 'webinar',
      title: {},
      description: {},
      place: {},
      date: '',
      startTime: '13:00',
      endTime: '14:00',
      timeZone: process.timeZone,
      onlineUrl: '',
      livestreamUrl: '',
      capacity: '',
      intervalWeeks: '',
      count: '',
    };
    return formPage(c, process, bodies, blank);
  });

  app.post(`${L}/p/:slug/meetings/new`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    const bodies = await schedulable(c, process, access);
    if (bodies.length === 0) throw denied(c);
    const form = await formBody(c);
    const again = (errors: Record<string, AnyFieldError>) => formPage(c, process, bodies, meetingFormValues(form), errors);
    const parsed = parseWith(meetingSchema(true), form);
    if (!parsed.ok) return again(parsed.errors);
    const body = bodies.find((b) => b.slug === (parsed.data as { body: string }).body);
    if (!body) return again({ body: { code: 'invalidChoice' } });
    const { input, repeat, missingCount } = meetingInputFrom(parsed.data);
    if (missingCount) return again({ count: { code: 'required' } });
    const r = await scheduleMeeting(deps, c.get('actor'), process, body, input, repeat);
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return again(meetingFieldError(c.get('locale'), r.refusal, input));
    }
    const m = meetingMessages(c.get('locale'));
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/meetings/${r.value.meetingIds[0]}`, repeat ? m.seriesScheduled(r.value.meetingIds.length) : m.scheduled);
  });

  const showMeeting = async (c: Ctx, loaded: LoadedMeeting, forms?: MeetingPageForms) => {
    const data = await meetingPageData(c, deps, loaded, extensions);
    return { processId: loaded.process.id, page: <MeetingPage ctx={pageCtx(c)} process={loaded.process} data={data} forms={forms} /> };
  };
  /** The meeting page again with a form's errors beside its fields (422). */
  const meetingPageWith = async (c: Ctx, loaded: LoadedMeeting, forms: MeetingPageForms) => render(c, (await showMeeting(c, loaded, forms)).page, 422);

  app.get(M, async (c) => {
    const loaded = await loadMeeting(c, deps);
    return renderPublic(c, deps.pageCache, () => showMeeting(c, loaded));
  });

  const chairOnly = async (c: Ctx, loaded: LoadedMeeting) => {
    const access = await meetingAccess(deps.db, loaded.process, loaded.meeting.bodyId, c.get('actor'), loaded.processAccess);
    if (!meetingCan(access).edit) throw denied(c);
  };

  app.get(`${M}/edit`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await chairOnly(c, loaded);
    const { process, meeting } = loaded;
    return render(
      c,
      <MeetingFormPage ctx={pageCtx(c)} process={process} bodies={[]} values={valuesOfMeeting(meeting)} editing={{ id: meeting.id, occurrence: meeting.seriesId !== null }} />,
    );
  });

  app.post(`${M}/edit`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    await chairOnly(c, loaded);
    const { process, meeting, body } = loaded;
    const form = await formBody(c);
    const again = (errors: Record<string, AnyFieldError>) =>
      render(
        c,
        <MeetingFormPage
          ctx={pageCtx(c)}
          process={process}
          bodies={[]}
          values={meetingFormValues(form)}
          errors={errors}
          editing={{ id: meeting.id, occurrence: meeting.seriesId !== null }}
        />,
        422,
      );
    const parsed = parseWith(meetingSchema(false), form);
    if (!parsed.ok) return again(parsed.errors);
    const { input } = meetingInputFrom(parsed.data);
    const r = await editMeeting(deps, c.get('actor'), process, body, meeting, input);
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return again(meetingFieldError(c.get('locale'), r.refusal, input));
    }
    deps.live.poke(meetingStream(meeting.id));
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/meetings/${meeting.id}`, meetingMessages(c.get('locale')).saved);
  });

  const hooks = extensions.flatMap((x) => (x.hooks ? [x.hooks] : []));
  for (const transition of ['start', 'end', 'cancel'] as const) {
    app.post(`${M}/${transition}`, async (c) => {
      const loaded = await loadMeeting(c, deps);
      const form = await formBody(c);
      const r = await changeStatus(deps, c.get('actor'), loaded.process, loaded.meeting, transition, hooks);
      const m = meetingMessages(c.get('locale'));
      if (!r.ok) {
        if (r.refusal === 'not-allowed') throw denied(c);
        return refused(c, loaded, form.back, m.refusal[r.refusal] ?? r.refusal);
      }
      deps.live.poke(meetingStream(loaded.meeting.id));
      const back = transition === 'start' && form.back !== 'console' ? 'room' : form.back;
      return afterChange(c, loaded, transition === 'cancel' ? null : back, transition === 'start' ? m.started : transition === 'end' ? m.ended : m.cancelledFlash);
    });
  }

  return { app, meetingPageWith };
}
