import { Hono } from 'hono';
import { missingLanguages } from '../../../kernel/localized.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { localizedFrom, parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { editSettings } from '../commands/edit-settings.ts';
import { removePhase } from '../commands/remove-phase.ts';
import { reviseRules } from '../commands/revise-rules.ts';
import { savePhase } from '../commands/save-phase.ts';
import { phasesOf, rulesHistory } from '../db/queries.ts';
import { processCan } from '../domain/permissions.ts';
import { timeline, today } from '../domain/timeline.ts';
import { processMessages } from '../messages/index.ts';
import { SettingsPage, settingsValues, type SettingsValues } from '../views/process-form.tsx';
import { RulesPage, rulesFormValues, type RulesFormValues } from '../views/rules-page.tsx';
import { TimelinePage, type PhaseFormValues } from '../views/timeline-page.tsx';
import { pairLines, parseLabelLines, phaseInputFrom, phaseSchema, rawLocalized, rulesSchema, settingsSchema, toBodyTypes, toCategories } from './forms.ts';
import { denied, formBody, loadProcess } from './load.ts';

export function settingsAndRulesRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get(`${L}/p/:slug/settings`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    if (!processCan(access, process).edit) throw denied(c);
    return render(c, <SettingsPage ctx={pageCtx(c)} process={process} values={settingsValues(process)} />);
  });

  app.post(`${L}/p/:slug/settings`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    if (!processCan(access, process).edit) throw denied(c);
    const body = await formBody(c);
    const m = processMessages(c.get('locale'));
    const values: SettingsValues = {
      categories: rawField(body, 'categories'),
      bodyTypes: rawField(body, 'bodyTypes'),
      quietHours: rawField(body, 'quietHours'),
      almostNonePercent: rawField(body, 'almostNonePercent'),
      almostNoneMax: rawField(body, 'almostNoneMax'),
    };
    const again = (errors: Record<string, AnyFieldError>) => render(c, <SettingsPage ctx={pageCtx(c)} process={process} values={values} errors={errors} />, 422);
    const parsed = parseWith(settingsSchema, body);
    if (!parsed.ok) return again(parsed.errors);
    const cats = parseLabelLines(parsed.data.categories);
    if (!cats.ok) return again({ categories: { message: m.badLine(cats.line) } });
    const types = parseLabelLines(parsed.data.bodyTypes);
    if (!types.ok) return again({ bodyTypes: { message: m.badLine(types.line) } });
    const r = await editSettings(deps, c.get('actor'), process, {
      stakeholderCategories: toCategories(cats.items),
      bodyTypes: toBodyTypes(types.items),
      consensusSettings: { quietPeriodHours: parsed.data.quietHours, almostNonePercent: parsed.data.almostNonePercent, almostNoneMax: parsed.data.almostNoneMax },
    });
    if (!r.ok) {
      switch (r.refusal) {
        case 'not-allowed':
          throw denied(c);
        case 'no-categories':
          return again({ categories: { message: m.noCategories } });
        case 'duplicate-key':
          return again({ categories: { message: m.duplicateKey } });
        case 'missing-translations':
          return again({ categories: { message: m.missingTranslationsSettings } });
        case 'bad-consensus':
          return again({ almostNonePercent: { message: m.badConsensus } });
      }
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}`, m.saved);
  });

  app.get(`${L}/p/:slug/rules`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    const history = await rulesHistory(deps.db, process.id);
    return render(
      c,
      <RulesPage ctx={pageCtx(c)} process={process} history={history} canEdit={processCan(access, process)['edit-rules']} values={rulesFormValues(history[0] ?? null)} />,
    );
  });

  app.post(`${L}/p/:slug/rules`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    if (!processCan(access, process)['edit-rules']) throw denied(c);
    const body = await formBody(c);
    const m = processMessages(c.get('locale'));
    const values: RulesFormValues = {
      rules_en: rawField(body, 'rules_en'),
      rules_fr: rawField(body, 'rules_fr'),
      criteria_en: rawField(body, 'criteria_en'),
      criteria_fr: rawField(body, 'criteria_fr'),
      note_en: rawField(body, 'note_en'),
      note_fr: rawField(body, 'note_fr'),
      adoptedOn: rawField(body, 'adoptedOn'),
    };
    const again = async (errors: Record<string, AnyFieldError>) =>
      render(c, <RulesPage ctx={pageCtx(c)} process={process} history={await rulesHistory(deps.db, process.id)} canEdit values={values} errors={errors} />, 422);
    const parsed = parseWith(rulesSchema, body);
    if (!parsed.ok) return again(parsed.errors);
    const rules = pairLines('rules', { en: parsed.data.rules_en, fr: parsed.data.rules_fr }, process.officialLanguages);
    if (!rules.ok) return again({ [rules.field]: rules.why === 'required' ? { code: 'required' } : { message: m.rulesMismatch } });
    const criteria = pairLines('criteria', { en: parsed.data.criteria_en, fr: parsed.data.criteria_fr }, process.officialLanguages);
    if (!criteria.ok) return again({ [criteria.field]: criteria.why === 'required' ? { code: 'required' } : { message: m.rulesMismatch } });
    const r = await reviseRules(deps, c.get('actor'), process, {
      rules: rules.items,
      consensusCriteria: criteria.items,
      note: localizedFrom(parsed.data, 'note'),
      adoptedOn: parsed.data.adoptedOn,
    });
    if (!r.ok) {
      switch (r.refusal) {
        case 'not-allowed':
          throw denied(c);
        case 'no-rules':
          return again({ rules_en: { message: m.noRules } });
        case 'no-criteria':
          return again({ criteria_en: { message: m.noCriteria } });
        case 'missing-translations':
          return again({ rules_fr: { message: m.rulesMismatch } });
        case 'unchanged':
          return again({ rules_en: { message: m.rulesUnchanged } });
      }
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/rules`, m.rulesSaved(r.value.version));
  });

  const timelinePage = async (c: Ctx, editing?: { phaseId: number | null; values?: PhaseFormValues; errors?: Record<string, AnyFieldError> }, status: 200 | 422 = 200) => {
    const { process, access } = await loadProcess(c, deps);
    const phases = timeline(await phasesOf(deps.db, process.id), today(deps.clock.now(), process.timeZone));
    const canEdit = processCan(access, process)['edit-timeline'];
    return render(c, <TimelinePage ctx={pageCtx(c)} process={process} phases={phases} canEdit={canEdit} editing={editing} />, status);
  };

  app.get(`${L}/p/:slug/timeline`, async (c) => {
    const edit = c.req.query('edit');
    return timelinePage(c, edit && /^\d{1,12}$/.test(edit) ? { phaseId: Number(edit) } : undefined);
  });

  const phaseWrite = async (c: Ctx, phaseId: number | null) => {
    const { process, access } = await loadProcess(c, deps);
    if (!processCan(access, process)['edit-timeline']) throw denied(c);
    const body = await formBody(c);
    const m = processMessages(c.get('locale'));
    const values: PhaseFormValues = {
      kind: rawField(body, 'kind'),
      name: rawLocalized(body, 'name'),
      plannedStart: rawField(body, 'plannedStart'),
      plannedEnd: rawField(body, 'plannedEnd'),
      bufferDays: rawField(body, 'bufferDays'),
      actualEnd: rawField(body, 'actualEnd'),
      forecastEnd: rawField(body, 'forecastEnd'),
    };
    const again = (errors: Record<string, AnyFieldError>) => timelinePage(c, { phaseId, values, errors }, 422);
    const parsed = parseWith(phaseSchema, body);
    if (!parsed.ok) return again(parsed.errors);
    const input = phaseInputFrom(parsed.data);
    const untranslated = missingLanguages(input.name, process.officialLanguages);
    if (untranslated.length) return again(Object.fromEntries(untranslated.map((l) => [`name_${l}`, { code: 'required' as const }])));
    const r = await savePhase(deps, c.get('actor'), process, phaseId, input);
    if (!r.ok) {
      switch (r.refusal) {
        case 'not-allowed':
          throw denied(c);
        case 'not-found':
          throw new HttpProblem('not-found');
        case 'end-before-start':
          return again({ plannedEnd: { message: m.endBeforeStart } });
        case 'milestone-spans-days':
          return again({ plannedEnd: { message: m.milestoneSpansDays } });
        case 'actual-before-start':
          return again({ actualEnd: { message: m.actualBeforeStart } });
      }
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/timeline#phase-${r.value.id}`, m.saved);
  };

  app.post(`${L}/p/:slug/phases`, (c) => phaseWrite(c, null));
  app.post(`${L}/p/:slug/phases/:id{[0-9]{1,12}}`, (c) => phaseWrite(c, Number(c.req.param('id'))));
  app.post(`${L}/p/:slug/phases/:id{[0-9]{1,12}}/remove`, async (c) => {
    const { process } = await loadProcess(c, deps);
    const r = await removePhase(deps, c.get('actor'), process, Number(c.req.param('id')));
    if (!r.ok) throw r.refusal === 'not-found' ? new HttpProblem('not-found') : denied(c);
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/timeline`, processMessages(c.get('locale')).saved);
  });

  return app;
}
