import type { Actor } from '../../../kernel/actor.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { renderMarkdown } from '../../../platform/content/markdown.ts';
import type { Process } from '../../processes/index.ts';
import { lockMeeting, minutesOf } from '../db/queries.ts';
import { writeMinutes } from '../db/writes.ts';
import { saveMinutes as decideSave, type MinutesRefusal } from '../domain/minutes.ts';
import { meetingEvent, type Meeting } from '../domain/meeting.ts';
import { chairs } from '../domain/permissions.ts';
import { meetingAccess } from './access.ts';
import { indexMeeting } from './index-meeting.ts';

/** Minutes in Markdown per language, rendered once here and stored. Saving makes them a draft. */
export async function saveMinutes(deps: CommandDeps, actor: Actor, process: Process, meeting: Meeting, source: Localized): Promise<Result<{ reopened: boolean }, MinutesRefusal>> {
  const access = await meetingAccess(deps.db, process, meeting.bodyId, actor);
  return transact(deps.db, async (trx) => {
    const current = (await lockMeeting(trx, meeting.id)) ?? meeting;
    const d = decideSave(current, access.signedIn && chairs(access), await minutesOf(trx, meeting.id), source);
    if (!d.ok) return refuse(d.refusal);
    const html: Localized = {};
    for (const l of ['en', 'fr'] as const) if (d.value.source[l]) html[l] = renderMarkdown(d.value.source[l]!);
    const now = deps.clock.now();
    await writeMinutes(trx, meeting.id, d.value.source, html, now);
    await appendEvents(trx, process.id, actor, [meetingEvent(meeting, 'meeting.minutes-saved', { reopened: d.value.reopened })], now);
    // Approved minutes changed become a draft again: search forgets their text until approved.
    if (d.value.reopened) await indexMeeting(trx, process, meeting.id);
    return ok({ reopened: d.value.reopened });
  });
}
