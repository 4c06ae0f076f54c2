import { Hono } from 'hono';
import { activityOf } from '../../../platform/audit/audit-log.ts';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { pageCtx, redirectWithFlash, render, renderPublic } from '../../../platform/http/render.tsx';
import { parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { createProcess } from '../commands/create-process.ts';
import { editProcess } from '../commands/edit-process.ts';
import { publishProcess } from '../commands/publish-process.ts';
import { currentRules, listProcesses, participantCount, phasesOf } from '../db/queries.ts';
import { requiredFields, type ProcessFields } from '../domain/edit.ts';
import { canCreateProcess, isAdmin, processCan } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';
import { contentGaps, missingTranslations, type MissingTranslation } from '../domain/publication.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { gapList } from '../views/process-page.tsx';
import { timeline, today } from '../domain/timeline.ts';
import { processMessages, type ProcessMessages } from '../messages/index.ts';
import { ActivityPage, type ActivityLabels } from '../views/activity-page.tsx';
import { HomePage } from '../views/home.tsx';
import { EditProcessPage, NewProcessPage, type ProcessFormValues } from '../views/process-form.tsx';
import { ProcessPage, type PageSection } from '../views/process-page.tsx';
import type { ProcessAccess } from '../domain/permissions.ts';
import type { PageCtx } from '../../../platform/views/page.ts';
import { denied, formBody, loadProcess } from './load.ts';
import { processFieldsFrom, processFormSchema, rawLocalized } from './forms.ts';
import { settingsAndRulesRoutes } from './settings-routes.tsx';

/** What other capabilities add to a process: sections of its page, words for its activity log. */
export type ProcessExtension = {
  pageSection?(args: { process: Process; access: ProcessAccess; ctx: PageCtx }): Promise<PageSection>;
  activityLabels?: ActivityLabels;
  /** The capability's texts published with the process that lack one of `languages` (the publication gate). */
  translationGaps?(process: Process, languages: Locale[]): Promise<MissingTranslation[]>;
};

/** An unknown time zone is worth an example, not a generic "not valid". */
function wordTimeZone(errors: Record<string, AnyFieldError>, m: ProcessMessages): Record<string, AnyFieldError> {
  return errors.timeZone && 'code' in errors.timeZone && errors.timeZone.code === 'invalid' ? { ...errors, timeZone: { message: m.invalidTimeZone } } : errors;
}

const FORM_FIELDS = new Set(['title', 'summary', 'scope', 'convenerName']);

/** Gaps in the form's own fields go next to those fields; the others are listed at the top. */
export function missingErrors(missing: MissingTranslation[], locale: Locale): Record<string, AnyFieldError> {
  const errors: Record<string, AnyFieldError> = {};
  const others = missing.filter((x) => !FORM_FIELDS.has(x.field));
  for (const x of missing) if (FORM_FIELDS.has(x.field)) errors[`${x.field}_${x.language}`] = { code: 'required' };
  if (others.length) errors._gaps = { message: gapList(processMessages(locale), platformMessages(locale), locale, others) };
  return errors;
}

function formValues(body: Record<string, unknown>, fallbackLangs: ProcessFields['officialLanguages']): ProcessFormValues {
  const langs = (['en', 'fr'] as const).filter((l) => body[`lang_${l}`]);
  return {
    slug: rawField(body, 'slug'),
    title: rawLocalized(body, 'title'),
    summary: rawLocalized(body, 'summary'),
    scope: rawLocalized(body, 'scope'),
    convenerName: rawLocalized(body, 'convenerName'),
    officialLanguages: Object.keys(body).length ? langs : fallbackLangs,
    timeZone: rawField(body, 'timeZone'),
  };
}

export function processRoutes(deps: Deps, extensions: ProcessExtension[]) {
  const app = new Hono<AppEnv>();
  const labels: ActivityLabels = { en: {}, fr: {} };
  for (const l of ['en', 'fr'] as const) {
    Object.assign(labels[l], processMessages(l).activity);
    for (const x of extensions) Object.assign(labels[l], x.activityLabels?.[l] ?? {});
  }

  /** Every text published with the process that lacks one of `languages`, from here and from the other capabilities. */
  async function gapsFor(process: Process, languages: Locale[]): Promise<MissingTranslation[]> {
    const [rules, phases, others] = await Promise.all([
      currentRules(deps.db, process.id),
      phasesOf(deps.db, process.id),
      Promise.all(extensions.filter((x) => x.translationGaps).map((x) => x.translationGaps!(process, languages))),
    ]);
    const own = contentGaps(
      { rules: rules?.rules ?? [], consensusCriteria: rules?.consensusCriteria ?? [], phases, stakeholderCategories: process.stakeholderCategories, bodyTypes: process.bodyTypes },
      languages,
    );
    return [...own, ...others.flat()];
  }

  app.get(`${L}/`, async (c) => {
    const actor = c.get('actor');
    const processes = await listProcesses(deps.db, { userId: actor.kind === 'user' ? actor.userId : null, isAdmin: isAdmin(actor) });
    return render(c, <HomePage ctx={pageCtx(c)} processes={processes} canCreate={canCreateProcess(actor)} />);
  });

  const blank: ProcessFormValues = { slug: '', title: {}, summary: {}, scope: {}, convenerName: {}, officialLanguages: ['en', 'fr'], timeZone: 'America/Toronto' };

  app.get(`${L}/processes/new`, (c) => {
    if (!canCreateProcess(c.get('actor'))) throw denied(c);
    return render(c, <NewProcessPage ctx={pageCtx(c)} values={blank} />);
  });

  app.post(`${L}/processes/new`, async (c) => {
    const actor = c.get('actor');
    if (!canCreateProcess(actor)) throw denied(c);
    const body = await formBody(c);
    const m = processMessages(c.get('locale'));
    const again = (errors: Record<string, AnyFieldError>) => render(c, <NewProcessPage ctx={pageCtx(c)} values={formValues(body, [])} errors={errors} />, 422);
    const parsed = parseWith(processFormSchema(true), body);
    if (!parsed.ok) return again(wordTimeZone(parsed.errors, m));
    const r = await createProcess(deps, actor, String(parsed.data.slug), processFieldsFrom(parsed.data));
    if (!r.ok) {
      switch (r.refusal) {
        case 'slug-taken':
          return again({ slug: { message: m.slugTaken } });
        case 'no-title':
          return again({ title_en: { message: m.noTitle } });
        case 'no-language':
          return again({ officialLanguages: { message: m.noLanguage } });
        case 'not-allowed':
          throw denied(c);
      }
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${r.value.slug}`, m.saved);
  });

  app.get(`${L}/p/:slug`, (c) =>
    renderPublic(c, deps.pageCache, async () => {
      const { process, access } = await loadProcess(c, deps);
      const ctx = pageCtx(c);
      const [rules, phases, count, sections] = await Promise.all([
        currentRules(deps.db, process.id),
        phasesOf(deps.db, process.id),
        participantCount(deps.db, process.id),
        Promise.all(extensions.filter((x) => x.pageSection).map((x) => x.pageSection!({ process, access, ctx }))),
      ]);
      const data = {
        process,
        can: processCan(access, process),
        rules,
        phases: timeline(phases, today(deps.clock.now(), process.timeZone)),
        participantCount: count,
        missing:
          process.status === 'draft' && processCan(access, process).publish
            ? [...missingTranslations(requiredFields(process), process.officialLanguages), ...(await gapsFor(process, process.officialLanguages))]
            : [],
        sections,
      };
      return { processId: process.id, page: <ProcessPage ctx={ctx} data={data} /> };
    }),
  );

  app.get(`${L}/p/:slug/edit`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    if (!processCan(access, process).edit) throw denied(c);
    return render(c, <EditProcessPage ctx={pageCtx(c)} process={process} values={{ ...process }} />);
  });

  app.post(`${L}/p/:slug/edit`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    if (!processCan(access, process).edit) throw denied(c);
    const body = await formBody(c);
    const m = processMessages(c.get('locale'));
    const again = (errors: Record<string, AnyFieldError>) =>
      render(c, <EditProcessPage ctx={pageCtx(c)} process={process} values={formValues(body, process.officialLanguages)} errors={errors} />, 422);
    const parsed = parseWith(processFormSchema(false), body);
    if (!parsed.ok) return again(wordTimeZone(parsed.errors, m));
    const fields = processFieldsFrom(parsed.data);
    const r = await editProcess(deps, c.get('actor'), process, fields, process.status === 'published' ? await gapsFor(process, fields.officialLanguages) : []);
    if (!r.ok) {
      switch (r.refusal) {
        case 'no-title':
          return again({ title_en: { message: m.noTitle } });
        case 'no-language':
          return again({ officialLanguages: { message: m.noLanguage } });
        case 'missing-translations':
          return again(missingErrors(r.missing ?? [], c.get('locale')));
        case 'not-allowed':
          throw denied(c);
      }
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}`, m.saved);
  });

  app.post(`${L}/p/:slug/publish`, async (c) => {
    const { process } = await loadProcess(c, deps);
    const r = await publishProcess(deps, c.get('actor'), process, await gapsFor(process, process.officialLanguages));
    const m = processMessages(c.get('locale'));
    if (!r.ok && r.refusal === 'not-allowed') throw denied(c);
    // Missing translations are listed on the process page itself; already-published is harmless.
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}`, r.ok ? m.published_flash : undefined);
  });

  app.get(`${L}/p/:slug/activity`, async (c) => {
    const { process } = await loadProcess(c, deps);
    const beforeRaw = c.req.query('before');
    const before = beforeRaw && /^\d{1,15}$/.test(beforeRaw) ? Number(beforeRaw) : undefined;
    const limit = 50;
    const entries = await activityOf(deps.db, process.id, { before, limit: limit + 1 });
    const more = entries.length > limit;
    const shown = entries.slice(0, limit);
    const olderHref = more ? `/${c.get('locale')}/p/${process.slug}/activity?before=${shown[shown.length - 1]!.id}` : null;
    return render(c, <ActivityPage ctx={pageCtx(c)} process={process} entries={shown} labels={labels} olderHref={olderHref} />);
  });

  app.route('/', settingsAndRulesRoutes(deps));
  return app;
}
