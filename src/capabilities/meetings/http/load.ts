import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { redirectWithFlash, wantsJson } from '../../../platform/http/render.tsx';
import { bodyById } from '../../groups/index.ts';
import { loadProcess } from '../../processes/index.ts';
import { meetingById } from '../db/queries.ts';
import type { LoadedMeeting } from './extension-types.ts';

/** The meeting named in the URL, within a process the reader may see. */
export async function loadMeeting(c: Ctx, deps: Pick<Deps, 'db'>): Promise<LoadedMeeting> {
  const { process, access } = await loadProcess(c, deps);
  const id = Number(c.req.param('id'));
  const meeting = Number.isSafeInteger(id) ? await meetingById(deps.db, process.id, id) : null;
  if (!meeting) throw new HttpProblem('not-found');
  const body = await bodyById(deps.db, process.id, meeting.bodyId);
  if (!body) throw new HttpProblem('not-found');
  return { process, processAccess: access, meeting, body };
}

/**
 * After a change: JSON for the page's script (which waits for the live
 * event), or back to where the form was (console, live room or meeting page)
 * with a one-shot message.
 */
export function afterChange(c: Ctx, loaded: Pick<LoadedMeeting, 'process' | 'meeting'>, back: unknown, flash: string, extra: Record<string, unknown> = {}): Response {
  if (wantsJson(c)) return c.json({ ok: true, message: flash, ...extra });
  const page = `/${c.get('locale')}/p/${loaded.process.slug}/meetings/${loaded.meeting.id}`;
  const to = back === 'console' ? `${page}/console` : back === 'room' ? `${page}/live` : page;
  return redirectWithFlash(c, to, flash);
}

/** A refusal the reader can act on: JSON 409 for the script, else back with the message. */
export function refused(c: Ctx, loaded: Pick<LoadedMeeting, 'process' | 'meeting'>, back: unknown, message: string): Response {
  if (wantsJson(c)) throw new HttpProblem('conflict', message);
  return afterChange(c, loaded, back, message);
}
