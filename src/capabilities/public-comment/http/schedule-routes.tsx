import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { checkbox, isoDate, localizedFields, localizedFrom, parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { documentBySlug, type DocumentRecord } from '../../documents/index.ts';
import { isTimeZone, localDateTime, TIME_ZONES, zonedToUtc } from '../../meetings/index.ts';
import { href } from '../../../platform/views/page.ts';
import { denied, formBody, loadProcess, type Process } from '../../processes/index.ts';
import { inputAccess } from '../commands/access.ts';
import { changePeriod } from '../commands/change-period.ts';
import { schedulePeriod, type PeriodInput, type SchedulePeriodRefusal } from '../commands/schedule-period.ts';
import { periodPolicy } from '../db/period-writes.ts';
import { effectiveEnd, effectiveStart, type Period } from '../domain/period.ts';
import { momentText } from '../views/parts.tsx';
import { inputProblem, loadPeriod } from './period-load.ts';
import { inputRefusal } from '../domain/permissions.ts';
import { DEFAULT_POLICY, POLICY_MAX } from '../domain/policy.ts';
import { intakeMessages } from '../messages/index.ts';
import { SchedulePage, type ScheduleValues } from '../views/schedule-page.tsx';

const time = () =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid' });

async function loadDoc(c: Ctx, deps: Deps): Promise<{ process: Process; doc: DocumentRecord }> {
  const { process } = await loadProcess(c, deps);
  const slug = c.req.param('doc') ?? '';
  const doc = /^[a-z0-9-]{1,80}$/.test(slug) ? await documentBySlug(deps.db, process.id, slug) : null;
  if (!doc) throw new HttpProblem('not-found');
  const refusal = inputRefusal(await inputAccess(deps.db, process, doc.bodyId, c.get('actor')), 'open-period', 'scheduled');
  if (refusal) throw denied(c);
  return { process, doc };
}

/** The scheduling form as typed (to show again) and, when it parses, as a period's input. */
function readScheduleForm(
  form: Record<string, unknown>,
): { ok: true; values: ScheduleValues; input: PeriodInput } | { ok: false; values: ScheduleValues; errors: Record<string, AnyFieldError> } {
  const values: ScheduleValues = {
    startDate: rawField(form, 'start_date'),
    startTime: rawField(form, 'start_time'),
    endDate: rawField(form, 'end_date'),
    endTime: rawField(form, 'end_time'),
    timeZone: rawField(form, 'time_zone'),
    allowAnonymous: rawField(form, 'allow_anonymous') === 'on',
    requireVerifiedEmail: rawField(form, 'require_verified_email') === 'on',
    moderation: rawField(form, 'moderation') === 'pre' ? 'pre' : 'post',
    policy: { en: rawField(form, 'policy_en'), fr: rawField(form, 'policy_fr') },
  };
  const parsed = parseWith(
    z.object({
      start_date: isoDate(),
      start_time: time(),
      end_date: isoDate(),
      end_time: time(),
      time_zone: z.string().refine(isTimeZone, { error: 'invalidChoice' }),
      allow_anonymous: checkbox(),
      require_verified_email: checkbox(),
      moderation: z.enum(['pre', 'post']),
      ...localizedFields('policy', POLICY_MAX),
    }),
    // An unticked box sends nothing at all.
    { allow_anonymous: '', require_verified_email: '', ...form },
  );
  if (!parsed.ok) return { ok: false, values, errors: parsed.errors };
  const d = parsed.data;
  return {
    ok: true,
    values,
    input: {
      startsAt: zonedToUtc(d.start_date, d.start_time, d.time_zone),
      endsAt: zonedToUtc(d.end_date, d.end_time, d.time_zone),
      timeZone: d.time_zone,
      allowAnonymous: d.allow_anonymous,
      requireVerifiedEmail: d.require_verified_email,
      moderation: d.moderation,
      policy: localizedFrom(d, 'policy'),
    },
  };
}

/** The form's field for a refusal of the times or the policy (the rest are the whole form's). */
function refusalField(refusal: string): string {
  if (refusal === 'policy-required') return 'policy_en';
  if (refusal === 'bad-time-zone') return 'time_zone';
  if (refusal === 'start-in-past') return 'start_date';
  if (refusal === 'end-before-start' || refusal === 'too-short' || refusal === 'too-long' || refusal === 'end-in-past') return 'end_date';
  return '_form';
}

/** The convener schedules a public input period from the document's page. */
export function scheduleRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = `${L}/p/:slug/documents/:doc/input-period`;

  const page = (c: Ctx, process: Process, doc: DocumentRecord, values: ScheduleValues, errors?: Record<string, AnyFieldError>) =>
    render(c, <SchedulePage ctx={pageCtx(c)} process={process} doc={doc} zones={TIME_ZONES} values={values} errors={errors} />, errors ? 422 : 200);

  app.get(path, async (c) => {
    const { process, doc } = await loadDoc(c, deps);
    const now = deps.clock.now();
    const tz = process.timeZone;
    const start = localDateTime(new Date(now.getTime() + 86_400_000), tz);
    const end = localDateTime(new Date(now.getTime() + 43 * 86_400_000), tz);
    return page(c, process, doc, {
      startDate: start.date,
      startTime: '09:00',
      endDate: end.date,
      endTime: '17:00',
      timeZone: tz,
      allowAnonymous: true,
      requireVerifiedEmail: true,
      moderation: 'post',
      policy: DEFAULT_POLICY,
    });
  });

  app.post(path, async (c) => {
    const { process, doc } = await loadDoc(c, deps);
    const m = intakeMessages(c.get('locale'));
    const read = readScheduleForm(await formBody(c));
    if (!read.ok) return page(c, process, doc, read.values, read.errors);
    const { values } = read;
    const r = await schedulePeriod(deps, c.get('actor'), process, doc, read.input);
    if (!r.ok) {
      const refusal: SchedulePeriodRefusal = r.refusal;
      if (refusal === 'not-signed-in' || refusal === 'not-allowed') throw denied(c);
      if (refusal === 'not-open' || refusal === 'still-open' || refusal === 'closed') throw new HttpProblem('conflict');
      return page(c, process, doc, values, { [refusalField(refusal)]: { message: m.scheduleRefusals[refusal] } });
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/input/${r.value.id}`, m.scheduled);
  });

  // Changing a period, until it closes (commands/change-period.ts).
  const changePath = `${L}/p/:slug/input/:periodId{[0-9]{1,12}}/change`;
  // The period as the form shows it, but for its policy (read only to show the form).
  const settingsOf = (p: Period): Omit<ScheduleValues, 'policy'> => {
    const start = localDateTime(p.startsAt, p.timeZone);
    const end = localDateTime(effectiveEnd(p), p.timeZone);
    return {
      startDate: start.date,
      startTime: start.time,
      endDate: end.date,
      endTime: end.time,
      timeZone: p.timeZone,
      allowAnonymous: p.allowAnonymous,
      requireVerifiedEmail: p.requireVerifiedEmail,
      moderation: p.moderation,
    };
  };
  const loadForChange = async (c: Ctx) => {
    const l = await loadPeriod(c, deps);
    const refusal = inputRefusal(l.pc.access, 'change-period', l.pc.phase);
    if (refusal) throw inputProblem(c, refusal);
    const p = l.pc.period;
    const open = l.pc.phase === 'open';
    const change = {
      action: href(pageCtx(c), `/p/${l.process.slug}/input/${p.id}/change`),
      open,
      opened: open ? momentText(c.get('locale'), effectiveStart(p)!, p.timeZone) : '',
    };
    return { ...l, change, current: settingsOf(p) };
  };
  const changePage = (c: Ctx, l: Awaited<ReturnType<typeof loadForChange>>, values: ScheduleValues, errors?: Record<string, AnyFieldError>) =>
    render(c, <SchedulePage ctx={pageCtx(c)} process={l.process} doc={l.pc.doc} zones={TIME_ZONES} values={values} errors={errors} change={l.change} />, errors ? 422 : 200);

  app.get(changePath, async (c) => {
    const l = await loadForChange(c);
    return changePage(c, l, { ...l.current, policy: await periodPolicy(deps.db, l.pc.period.id) });
  });

  app.post(changePath, async (c) => {
    const l = await loadForChange(c);
    const m = intakeMessages(c.get('locale'));
    const form = await formBody(c);
    // Once open, the form sends only the end and the policy: the rest stays as it is.
    const current = l.current;
    const kept = l.change.open
      ? {
          start_date: current.startDate,
          start_time: current.startTime,
          time_zone: current.timeZone,
          allow_anonymous: current.allowAnonymous ? 'on' : '',
          require_verified_email: current.requireVerifiedEmail ? 'on' : '',
          moderation: current.moderation,
        }
      : {};
    const read = readScheduleForm({ ...form, ...kept });
    if (!read.ok) return changePage(c, l, read.values, read.errors);
    const r = await changePeriod(deps, c.get('actor'), l.process, l.pc.doc, l.pc.period.id, read.input);
    if (!r.ok) {
      const refusal = r.refusal;
      if (refusal === 'not-signed-in' || refusal === 'not-allowed' || refusal === 'not-open' || refusal === 'still-open') throw inputProblem(c, refusal);
      if (refusal === 'not-found') throw new HttpProblem('not-found');
      if (refusal === 'closed') throw new HttpProblem('conflict', m.scheduleRefusals.closed);
      return changePage(c, l, read.values, { [refusalField(refusal)]: { message: m.scheduleRefusals[refusal] } });
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${l.process.slug}/input/${r.value.id}`, m.changed);
  });

  return app;
}
