import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { pageCtx, render } from '../../../platform/http/render.tsx';
import { resumeFrom } from '../../../platform/http/sse.ts';
import { lastLiveEventId } from '../../../platform/live/event-log.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { href } from '../../../platform/views/page.ts';
import { currentRules, denied, formBody, loadProcess } from '../../processes/index.ts';
import { meetingAccess } from '../commands/access.ts';
import { meetingStream } from '../commands/live-state.ts';
import { setCurrentItem } from '../commands/set-current-item.ts';
import { agendaOf, meetingById } from '../db/queries.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingMessages } from '../messages/index.ts';
import { ConsolePage } from '../views/console.tsx';
import { LiveRoomPage, type LiveFrame } from '../views/live-room.tsx';
import type { LoadedMeeting, MeetingExtension, RoomForm } from './extension-types.ts';
import { afterChange, loadMeeting, refused } from './load.ts';
import { subjectStatuses } from './subject-statuses.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';

const M = `${L}/p/:slug/meetings/:id{[0-9]{1,12}}`;

/**
 * The live room, its event stream and the facilitator's console. Live pages
 * are never cached (each carries the id of the last event it reflects, and
 * the browser resumes its stream from there); the stream itself goes through
 * the node's LiveHub, never through the page cache or compression.
 */
export function meetingLiveRoutes(deps: Deps, extensions: readonly MeetingExtension[]) {
  const app = new Hono<AppEnv>();

  /** What a live page needs first: the last event id, read before the state so nothing falls between. */
  const frameFor = async (c: Ctx, loaded: LoadedMeeting, me: number | null): Promise<LiveFrame> => {
    const lastEventId = await lastLiveEventId(deps.db, meetingStream(loaded.meeting.id));
    const words: Record<string, unknown> = {};
    for (const x of extensions) if (x.liveWords) words[x.key] = x.liveWords(loaded.process, c.get('locale'));
    return { stream: href(pageCtx(c), `/p/${loaded.process.slug}/meetings/${loaded.meeting.id}/live/events`), lastEventId, now: deps.clock.now(), words, me };
  };

  /** The live room; again with a form's errors (422) when an extension's form was refused. */
  const renderRoom = async (c: Ctx, loaded: LoadedMeeting, form: RoomForm | null = null) => {
    const { process, meeting, body } = loaded;
    const access = await meetingAccess(deps.db, process, meeting.bodyId, c.get('actor'), loaded.processAccess);
    const frame = await frameFor(c, loaded, access.participantId);
    const ctx = pageCtx(c);
    const [items, rules] = await Promise.all([agendaOf(deps.db, meeting.id), currentRules(deps.db, process.id)]);
    const args = { process, meeting, access, ctx, items, now: frame.now, form };
    const [sections, statuses] = await Promise.all([
      Promise.all(extensions.filter((x) => x.roomSection).map((x) => x.roomSection!(args))).then((all) => all.filter((s) => s !== null) as Child[]),
      subjectStatuses(extensions, process, items),
    ]);
    return render(
      c,
      <LiveRoomPage
        ctx={ctx}
        process={process}
        meeting={meeting}
        body={{ slug: body.slug, name: body.name }}
        items={items}
        rules={rules?.rules ?? []}
        frame={frame}
        sections={sections}
        statuses={statuses}
        canRun={access.signedIn && chairs(access) && (meeting.status === 'scheduled' || meeting.status === 'in-progress')}
      />,
      form ? 422 : 200,
    );
  };

  app.get(`${M}/live`, async (c) => renderRoom(c, await loadMeeting(c, deps)));

  // The stream: public like the room. A reconnect resumes after Last-Event-ID; a first connection after the page's event.
  // When thousands reconnect at once (a node restarts), the meeting of a public process is looked up once a few seconds.
  const publicStreams = new Map<string, { stream: string; until: number }>();
  app.get(`${M}/live/events`, async (c) => {
    const key = `${c.req.param('slug')}/${c.req.param('id')}`;
    const resume = resumeFrom(c.req.header('last-event-id'), c.req.query('since'));
    const known = publicStreams.get(key);
    if (known && known.until > Date.now()) return deps.live.respond(c, known.stream, resume);
    const { process } = await loadProcess(c, deps);
    const meeting = await meetingById(deps.db, process.id, Number(c.req.param('id')));
    if (!meeting) throw new HttpProblem('not-found');
    const stream = meetingStream(meeting.id);
    if (process.status === 'published') {
      if (publicStreams.size > 1000) publicStreams.clear();
      publicStreams.set(key, { stream, until: Date.now() + 5000 });
    }
    return deps.live.respond(c, stream, resume);
  });

  const renderConsole = async (c: Ctx, loaded: LoadedMeeting, errors: Record<string, AnyFieldError> | null) => {
    const { process, meeting } = loaded;
    const access = await meetingAccess(deps.db, process, meeting.bodyId, c.get('actor'), loaded.processAccess);
    if (!(access.signedIn && chairs(access))) throw denied(c);
    const frame = await frameFor(c, loaded, access.participantId);
    const ctx = pageCtx(c);
    const items = await agendaOf(deps.db, meeting.id);
    const args = { process, meeting, access, ctx, items, now: frame.now, errors };
    const sections = (await Promise.all(extensions.filter((x) => x.consoleSection).map((x) => x.consoleSection!(args)))).filter((s) => s !== null) as Child[];
    return render(c, <ConsolePage ctx={ctx} process={process} meeting={meeting} items={items} frame={frame} sections={sections} />, errors ? 422 : 200);
  };

  app.get(`${M}/console`, async (c) => renderConsole(c, await loadMeeting(c, deps), null));

  app.post(`${M}/item`, async (c) => {
    const loaded = await loadMeeting(c, deps);
    const form = await formBody(c);
    const raw = typeof form.itemId === 'string' ? form.itemId : '';
    if (raw !== '' && !/^\d{1,12}$/.test(raw)) throw new HttpProblem('bad-request');
    const r = await setCurrentItem(deps, c.get('actor'), loaded.process, loaded.meeting, raw === '' ? null : Number(raw));
    const m = meetingMessages(c.get('locale'));
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return refused(c, loaded, form.back, m.refusal[r.refusal] ?? r.refusal);
    }
    deps.live.poke(meetingStream(loaded.meeting.id));
    return afterChange(c, loaded, form.back ?? 'console', m.itemChanged, { eventId: r.value.eventId });
  });

  return { app, renderConsole, renderRoom };
}
