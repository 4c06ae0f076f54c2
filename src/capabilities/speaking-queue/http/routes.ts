import { Hono } from 'hono';
import type { Result } from '../../../kernel/result.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { redirectWithFlash, wantsJson } from '../../../platform/http/render.tsx';
import { meetingStream, type MeetingRouteHelpers } from '../../meetings/index.ts';
import { formBody } from '../../processes/index.ts';
import { addInRoomHand } from '../commands/add-in-room-hand.ts';
import { endTurn } from '../commands/end-turn.ts';
import { giveFloor } from '../commands/give-floor.ts';
import { lowerHand } from '../commands/lower-hand.ts';
import { moveUp } from '../commands/move-up.ts';
import { raiseHand } from '../commands/raise-hand.ts';
import { removeHand } from '../commands/remove-hand.ts';
import { setPolicy } from '../commands/set-policy.ts';
import { setQueueOpen } from '../commands/set-queue-open.ts';
import { setTimeLimit } from '../commands/set-time-limit.ts';
import { queueMessages } from '../messages/index.ts';

const Q = `${L}/p/:slug/meetings/:id{[0-9]{1,12}}/queue`;

type Loaded = Awaited<ReturnType<MeetingRouteHelpers['loadMeeting']>>;
type Outcome = Result<{ eventId: number }, string>;

const entryId = (v: unknown): number | null => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : null);
const reasonOf = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, 2000) : null);

/**
 * The speaker queue over HTTP. Plain forms post and come back (to the room or
 * the console) with a message; the page's script asks for JSON and waits for
 * the live event instead. Permission refusals are 401/403; a refusal of the
 * moment (hand already raised, queue closed…) is a clear message (409 in
 * JSON); a missing reason is shown next to its field (422).
 */
export function queueRoutes(deps: Deps, helpers: MeetingRouteHelpers) {
  const app = new Hono<AppEnv>();

  const respond = async (c: Ctx, loaded: Loaded, form: Record<string, unknown>, r: Outcome, done: string, fieldOf?: (refusal: string) => string | null) => {
    const q = queueMessages(c.get('locale'));
    const back = form.back === 'console' ? 'console' : 'live';
    const to = `/${c.get('locale')}/p/${loaded.process.slug}/meetings/${loaded.meeting.id}/${back}`;
    if (r.ok) {
      deps.live.poke(meetingStream(loaded.meeting.id));
      return wantsJson(c) ? c.json({ ok: true, eventId: r.value.eventId, message: done }) : redirectWithFlash(c, to, done);
    }
    const message = q.refusal[r.refusal] ?? r.refusal;
    if (r.refusal === 'not-signed-in') throw new HttpProblem('sign-in');
    if (r.refusal === 'not-facilitator') throw new HttpProblem('forbidden', message);
    const field = fieldOf?.(r.refusal) ?? null;
    if (wantsJson(c)) {
      if (field)
        return c.json({ type: 'about:blank', title: message, status: 422, detail: message, kind: r.refusal, field }, 422, {
          'Content-Type': 'application/problem+json; charset=utf-8',
        });
      throw new HttpProblem('conflict', message);
    }
    if (field) return helpers.renderConsole(c, loaded, { [field]: { message } });
    return redirectWithFlash(c, to, message);
  };

  const route = (path: string, run: (c: Ctx, loaded: Loaded, form: Record<string, unknown>) => Promise<Response>) =>
    app.post(`${Q}/${path}`, async (c) => {
      const loaded = await helpers.loadMeeting(c);
      return run(c, loaded, await formBody(c));
    });

  const actor = (c: Ctx) => c.get('actor');
  const words = (c: Ctx) => queueMessages(c.get('locale'));

  route('raise', async (c, l, f) => respond(c, l, f, await raiseHand(deps, actor(c), l.process, l.meeting), words(c).handRaised));
  route('lower', async (c, l, f) => respond(c, l, f, await lowerHand(deps, actor(c), l.process, l.meeting), words(c).handLowered));
  route('add', async (c, l, f) => {
    const pid = entryId(f.participantId);
    if (pid === null) return respond(c, l, f, { ok: false, refusal: 'unknown-participant' }, '');
    return respond(c, l, f, await addInRoomHand(deps, actor(c), l.process, l.meeting, pid), words(c).saved);
  });
  route('remove', async (c, l, f) => {
    const e = entryId(f.entryId);
    if (e === null) throw new HttpProblem('bad-request');
    return respond(c, l, f, await removeHand(deps, actor(c), l.process, l.meeting, e), words(c).saved);
  });
  route('next', async (c, l, f) => respond(c, l, f, await giveFloor(deps, actor(c), l.process, l.meeting, { entryId: null, reason: null }), words(c).saved));
  route('give', async (c, l, f) => {
    const e = entryId(f.entryId);
    if (e === null) throw new HttpProblem('bad-request');
    const r = await giveFloor(deps, actor(c), l.process, l.meeting, { entryId: e, reason: reasonOf(f.reason) });
    return respond(c, l, f, r, words(c).saved, (x) => (x === 'reason-required' || x === 'reason-too-long' ? `reason-${e}` : null));
  });
  route('move-up', async (c, l, f) => {
    const e = entryId(f.entryId);
    if (e === null) throw new HttpProblem('bad-request');
    const r = await moveUp(deps, actor(c), l.process, l.meeting, e, reasonOf(f.reason));
    return respond(c, l, f, r, words(c).saved, (x) => (x === 'reason-required' || x === 'reason-too-long' ? `reason-${e}` : null));
  });
  route('end-turn', async (c, l, f) => respond(c, l, f, await endTurn(deps, actor(c), l.process, l.meeting), words(c).saved));
  route('open', async (c, l, f) => respond(c, l, f, await setQueueOpen(deps, actor(c), l.process, l.meeting, true), words(c).announceOpen));
  route('close', async (c, l, f) => respond(c, l, f, await setQueueOpen(deps, actor(c), l.process, l.meeting, false), words(c).announceClosed));
  route('limit', async (c, l, f) => {
    const raw = typeof f.seconds === 'string' ? f.seconds : '';
    const seconds = raw === '' ? null : /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
    const r = await setTimeLimit(deps, actor(c), l.process, l.meeting, Number.isNaN(seconds) ? -1 : seconds);
    return respond(c, l, f, r, words(c).saved, (x) => (x === 'bad-time-limit' ? 'seconds' : null));
  });
  route('policy', async (c, l, f) => respond(c, l, f, await setPolicy(deps, actor(c), l.process, l.meeting, typeof f.policy === 'string' ? f.policy : ''), words(c).saved));
  return app;
}
