import { Hono } from 'hono';
import type { Result } from '../../../kernel/result.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { redirectWithFlash, wantsJson } from '../../../platform/http/render.tsx';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { meetingStream, type MeetingRouteHelpers } from '../../meetings/index.ts';
import { formBody } from '../../processes/index.ts';
import { closeSenseOfRoom } from '../commands/close-sense-of-room.ts';
import { openSenseOfRoom } from '../commands/open-sense-of-room.ts';
import { takePositionInRoom } from '../commands/take-position-in-room.ts';
import { STANCES, type Stance } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { roomMessages } from '../messages/room.ts';
import { inLocale } from './forms.ts';

const S = `${L}/p/:slug/meetings/:id{[0-9]{1,12}}/sense`;
type Loaded = Awaited<ReturnType<MeetingRouteHelpers['loadMeeting']>>;

const text = (f: Record<string, unknown>, k: string, max: number) => (typeof f[k] === 'string' ? (f[k] as string).slice(0, max) : '');
const idOf = (v: unknown): number | null => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : null);
const stanceOf = (v: unknown): Stance | null => ((STANCES as readonly unknown[]).includes(v) ? (v as Stance) : null);

/** Refusals that belong next to a field of the form (422); the others are permission (401/403) or a moment's conflict (409). */
const FIELD: Record<string, Record<string, string>> = {
  position: { 'reason-required': 'reason', 'stance-required': 'stance', unchanged: 'stance' },
  record: {
    'reason-required': 'recordReason',
    'stance-required': 'recordStance',
    'person-required': 'participantId',
    unchanged: 'recordStance',
    'not-member': 'participantId',
    observer: 'participantId',
    'standing-incomplete': 'participantId',
    'not-participant': 'participantId',
  },
  open: { 'other-body': 'proposalId', 'proposal-not-open': 'proposalId', 'unknown-item': 'proposalId', 'meeting-ended': 'makeCall', 'missing-translations': 'makeCall' },
};

/**
 * The sense of the room over HTTP. Plain forms post and come back to the
 * room with a message (or the room again with the error next to its field,
 * 422); the room's script asks for JSON and waits for the live "sense" event.
 */
export function senseRoutes(deps: Deps, helpers: MeetingRouteHelpers) {
  const app = new Hono<AppEnv>();

  const respond = async (c: Ctx, loaded: Loaded, form: Record<string, string>, which: keyof typeof FIELD, r: Result<{ eventId: number }, string>, done: string) => {
    const locale = c.get('locale');
    const room = `/${locale}/p/${loaded.process.slug}/meetings/${loaded.meeting.id}/live`;
    if (r.ok) {
      deps.live.poke(meetingStream(loaded.meeting.id));
      return wantsJson(c) ? c.json({ ok: true, eventId: r.value.eventId, message: done }) : redirectWithFlash(c, `${room}#sense`, done);
    }
    const message =
      roomMessages(locale).refusal[r.refusal] ??
      consensusMessages(locale).refusal[r.refusal] ??
      consensusMessages(locale).transitionRefusal[r.refusal] ??
      positionWord(locale, r.refusal);
    const field = FIELD[which]![r.refusal];
    if (field) {
      if (wantsJson(c))
        return c.json({ type: 'about:blank', title: message, status: 422, detail: message, kind: r.refusal, field }, 422, {
          'Content-Type': 'application/problem+json; charset=utf-8',
        });
      const errors: Record<string, AnyFieldError> = { [field]: { message } };
      return helpers.renderRoom(c, loaded, { errors, values: form });
    }
    if (r.refusal === 'not-signed-in') throw new HttpProblem('sign-in');
    if (['not-facilitator', 'not-chair', 'not-member', 'observer', 'not-participant', 'standing-incomplete'].includes(r.refusal)) throw new HttpProblem('forbidden', message);
    if (wantsJson(c)) throw new HttpProblem('conflict', message);
    return redirectWithFlash(c, `${room}#sense`, message);
  };

  const route = (path: string, run: (c: Ctx, loaded: Loaded, form: Record<string, string>) => Promise<Response>) =>
    app.post(`${S}/${path}`, async (c) => {
      const loaded = await helpers.loadMeeting(c);
      const raw = await formBody(c);
      const form: Record<string, string> = {};
      for (const k of ['stance', 'reason', 'recordStance', 'recordReason', 'participantId', 'proposalId', 'agendaItemId', 'makeCall']) form[k] = text(raw, k, 5000);
      return run(c, loaded, form);
    });

  route('open', async (c, l, f) => {
    const proposalId = idOf(f.proposalId);
    if (proposalId === null) return respond(c, l, f, 'open', { ok: false, refusal: 'other-body' }, '');
    const itemRaw = f.agendaItemId ?? '';
    if (itemRaw !== '' && idOf(itemRaw) === null) throw new HttpProblem('bad-request');
    const r = await openSenseOfRoom(deps, c.get('actor'), l.process, l.meeting, {
      proposalId,
      agendaItemId: itemRaw === '' ? null : idOf(itemRaw),
      makeCall: f.makeCall === 'on' || f.makeCall === '1',
    });
    return respond(c, l, f, 'open', r, roomMessages(c.get('locale')).opened);
  });

  route('close', async (c, l, f) => respond(c, l, f, 'open', await closeSenseOfRoom(deps, c.get('actor'), l.process, l.meeting), roomMessages(c.get('locale')).closed));

  route('position', async (c, l, f) => {
    const stance = stanceOf(f.stance);
    if (!stance) return respond(c, l, f, 'position', { ok: false, refusal: 'stance-required' }, '');
    const r = await takePositionInRoom(deps, c.get('actor'), l.process, l.meeting, { stance, reason: inLocale(c.get('locale'), f.reason ?? '') });
    return respond(c, l, f, 'position', r, roomMessages(c.get('locale')).saved);
  });

  route('record', async (c, l, f) => {
    const participantId = idOf(f.participantId);
    if (participantId === null) return respond(c, l, f, 'record', { ok: false, refusal: 'person-required' }, '');
    const stance = stanceOf(f.recordStance);
    if (!stance) return respond(c, l, f, 'record', { ok: false, refusal: 'stance-required' }, '');
    const r = await takePositionInRoom(deps, c.get('actor'), l.process, l.meeting, {
      stance,
      reason: inLocale(c.get('locale'), f.recordReason ?? ''),
      forParticipantId: participantId,
    });
    return respond(c, l, f, 'record', r, roomMessages(c.get('locale')).saved);
  });

  return app;
}

function positionWord(locale: 'en' | 'fr', refusal: string): string {
  const m = consensusMessages(locale);
  if (refusal === 'reason-required') return m.reasonRequired;
  if (refusal === 'unchanged') return m.positionUnchanged;
  return refusal;
}
