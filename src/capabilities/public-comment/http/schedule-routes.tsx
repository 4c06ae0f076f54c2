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
import { denied, formBody, loadProcess, type Process } from '../../processes/index.ts';
import { inputAccess } from '../commands/access.ts';
import { schedulePeriod, type SchedulePeriodRefusal } from '../commands/schedule-period.ts';
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
    const form = await formBody(c);
    const m = intakeMessages(c.get('locale'));
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
    if (!parsed.ok) return page(c, process, doc, values, parsed.errors);
    const d = parsed.data;
    const r = await schedulePeriod(deps, c.get('actor'), process, doc, {
      startsAt: zonedToUtc(d.start_date, d.start_time, d.time_zone),
      endsAt: zonedToUtc(d.end_date, d.end_time, d.time_zone),
      timeZone: d.time_zone,
      allowAnonymous: d.allow_anonymous,
      requireVerifiedEmail: d.require_verified_email,
      moderation: d.moderation,
      policy: localizedFrom(d, 'policy'),
    });
    if (!r.ok) {
      const refusal: SchedulePeriodRefusal = r.refusal;
      if (refusal === 'not-signed-in' || refusal === 'not-allowed') throw denied(c);
      if (refusal === 'not-open' || refusal === 'still-open') throw new HttpProblem('conflict');
      const field =
        refusal === 'policy-required'
          ? 'policy_en'
          : refusal === 'bad-time-zone'
            ? 'time_zone'
            : refusal === 'not-in-public-input' || refusal === 'already-scheduled'
              ? '_form'
              : 'end_date';
      const fieldFor = refusal === 'start-in-past' ? 'start_date' : field;
      return page(c, process, doc, values, { [fieldFor]: { message: m.scheduleRefusals[refusal] } });
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/input/${r.value.id}`, m.scheduled);
  });

  return app;
}
