import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { redirectWithFlash } from '../../../platform/http/render.tsx';
import { parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { formBody } from '../../processes/index.ts';
import { attachMinorityStatement } from '../commands/attach-minority-statement.ts';
import { moveObjection } from '../commands/move-objection.ts';
import { raiseObjection } from '../commands/raise-objection.ts';
import { respondToAssessment } from '../commands/respond-to-assessment.ts';
import { takePosition } from '../commands/take-position.ts';
import { consensusMessages } from '../messages/index.ts';
import { decisionPath } from '../views/parts.tsx';
import { inLocale, objectionSchema, positionSchema, responseSchema, statementSchema } from './forms.ts';
import { loadProposal, refusalProblem, type Loaded } from './load.ts';
import { recordResponse, roomResponse, type PageExtras } from './record.tsx';

const raw = rawField;
const id = (c: Ctx, name: string) => Number(c.req.param(name));

/** What members do on the decision record: positions, objections, responses, minority statements. */
export function actionRoutes(deps: Deps, P: string) {
  const app = new Hono<AppEnv>();
  const back = (c: Ctx, l: Loaded, flash: string, anchor = '') => redirectWithFlash(c, `/${c.get('locale')}${decisionPath(l.process, l.proposal.id)}${anchor}`, flash);
  const again = (c: Ctx, l: Loaded, extras: PageExtras) => recordResponse(c, deps, l, extras);

  const roomAgain = (c: Ctx, l: Loaded, values: { stance: string; reason: string }, errors: Record<string, AnyFieldError>) => roomResponse(c, deps, l, { values, errors });

  app.post(`${P}/position`, async (c) => {
    const l = await loadProposal(c, deps);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const inRoom = form.room === '1';
    const values = { stance: raw(form, 'stance'), reason: raw(form, 'reason') };
    const fail = (errors: Record<string, AnyFieldError>) => (inRoom ? roomAgain(c, l, values, errors) : again(c, l, { form: 'position', errors, values }));
    const parsed = parseWith(positionSchema, form);
    if (!parsed.ok) return fail(parsed.errors);
    const r = await takePosition(deps, c.get('actor'), l.process, l.proposal, {
      stance: parsed.data.stance,
      reason: inLocale(c.get('locale'), parsed.data.reason),
      where: inRoom ? l.proposal.callWhere : null,
      inRoom,
    });
    if (!r.ok) {
      if (r.refusal === 'reason-required') return fail({ reason: { message: m.reasonRequired } });
      if (r.refusal === 'unchanged') return fail({ stance: { message: m.positionUnchanged } });
      throw refusalProblem(c, r.refusal);
    }
    if (inRoom) return redirectWithFlash(c, `/${c.get('locale')}${decisionPath(l.process, l.proposal.id)}/room`, m.positionSaved);
    return back(c, l, m.positionSaved, '#mine-h');
  });

  app.post(`${P}/objections`, async (c) => {
    const l = await loadProposal(c, deps);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values = { objection: raw(form, 'objection') };
    const parsed = parseWith(objectionSchema, form);
    if (!parsed.ok) return again(c, l, { form: 'objection', errors: parsed.errors, values });
    const r = await raiseObjection(deps, c.get('actor'), l.process, l.proposal, { text: inLocale(c.get('locale'), parsed.data.objection) });
    if (!r.ok) {
      if (r.refusal === 'text-required') return again(c, l, { form: 'objection', errors: { objection: { message: m.textRequired } }, values });
      throw refusalProblem(c, r.refusal);
    }
    return back(c, l, m.objectionRaised, `#objection-${r.value.id}`);
  });

  for (const step of ['withdraw', 'maintain'] as const) {
    app.post(`${P}/objections/:oid{[0-9]{1,12}}/${step}`, async (c) => {
      const l = await loadProposal(c, deps);
      const r = await moveObjection(deps, c.get('actor'), l.process, l.proposal, id(c, 'oid'), step);
      if (!r.ok) throw refusalProblem(c, r.refusal);
      const m = consensusMessages(c.get('locale'));
      return back(c, l, step === 'withdraw' ? m.withdrawn : m.maintained, `#objection-${id(c, 'oid')}`);
    });
  }

  app.post(`${P}/assessments/:aid{[0-9]{1,12}}/responses`, async (c) => {
    const l = await loadProposal(c, deps);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values = { response: raw(form, 'response') };
    const parsed = parseWith(responseSchema, form);
    if (!parsed.ok) return again(c, l, { form: 'response', errors: parsed.errors, values });
    const r = await respondToAssessment(deps, c.get('actor'), l.process, l.proposal, id(c, 'aid'), { text: inLocale(c.get('locale'), parsed.data.response) });
    if (!r.ok) {
      if (r.refusal === 'text-required') return again(c, l, { form: 'response', errors: { response: { message: m.textRequired } }, values });
      throw refusalProblem(c, r.refusal);
    }
    return back(c, l, m.responded, `#assessment-${id(c, 'aid')}`);
  });

  app.post(`${P}/minority`, async (c) => {
    const l = await loadProposal(c, deps);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values = { statement: raw(form, 'statement') };
    const parsed = parseWith(statementSchema, form);
    if (!parsed.ok) return again(c, l, { form: 'statement', errors: parsed.errors, values });
    const r = await attachMinorityStatement(deps, c.get('actor'), l.process, l.proposal, { text: inLocale(c.get('locale'), parsed.data.statement) });
    if (!r.ok) {
      if (r.refusal === 'text-required') return again(c, l, { form: 'statement', errors: { statement: { message: m.textRequired } }, values });
      throw refusalProblem(c, r.refusal);
    }
    return back(c, l, m.minorityAttached, `#minority-${r.value.id}`);
  });

  app.post(`${P}/minority/:mid{[0-9]{1,12}}/sign`, async (c) => {
    const l = await loadProposal(c, deps);
    const m = consensusMessages(c.get('locale'));
    const r = await attachMinorityStatement(deps, c.get('actor'), l.process, l.proposal, { signStatementId: id(c, 'mid') });
    if (!r.ok) {
      if (r.refusal === 'already-signed') return back(c, l, m.alreadySigned, `#minority-${id(c, 'mid')}`);
      throw refusalProblem(c, r.refusal);
    }
    return back(c, l, m.signed, `#minority-${r.value.id}`);
  });

  return app;
}
