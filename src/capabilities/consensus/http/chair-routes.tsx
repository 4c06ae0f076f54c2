import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { formBody } from '../../processes/index.ts';
import { advanceProposal } from '../commands/advance-proposal.ts';
import { answerNewInformation } from '../commands/answer-new-information.ts';
import { fileNewInformation } from '../commands/file-new-information.ts';
import { evaluationOf } from '../commands/in-proposal.ts';
import { publishAssessment } from '../commands/publish-assessment.ts';
import { informationById, latestAssessment } from '../db/record-queries.ts';
import type { Transition } from '../domain/lifecycle.ts';
import { refusalFor } from '../domain/permissions.ts';
import { consensusMessages } from '../messages/index.ts';
import { AssessPage, CallPage, type AssessValues, type CallValues } from '../views/action-pages.tsx';
import { AnswerInformationPage, FileInformationPage, type InformationValues } from '../views/information-pages.tsx';
import { decisionPath } from '../views/parts.tsx';
import { answerSchema, assessSchema, callSchema, informationSchema, inLocale, instantIn, localizedFrom, parseLinks } from './forms.ts';
import { loadProposal, refusalProblem, type Loaded } from './load.ts';
import { discussionRoutes } from './discussion-routes.tsx';

const raw = rawField;
const TRANSITIONS: readonly Transition[] = ['open-discussion', 'open-call', 'return-to-discussion', 'decide', 'close'];

/** The chair's steps (and filing new information, which has its own page). */
export function chairRoutes(deps: Deps, P: string) {
  const app = new Hono<AppEnv>();
  const recordUrl = (c: Ctx, l: Loaded, anchor = '') => `/${c.get('locale')}${decisionPath(l.process, l.proposal.id)}${anchor}`;
  const mustChair = (c: Ctx, l: Loaded) => {
    const problem = refusalFor(l.access, 'chair', { status: l.proposal.status });
    if (problem) throw refusalProblem(c, problem);
  };

  app.post(`${P}/advance`, async (c) => {
    const l = await loadProposal(c, deps);
    const form = await formBody(c);
    const to = TRANSITIONS.find((t) => t === form.to);
    if (!to || to === 'open-call') throw new HttpProblem('bad-request');
    const r = await advanceProposal(deps, c.get('actor'), l.process, l.proposal, to);
    if (!r.ok) throw refusalProblem(c, r.refusal);
    return redirectWithFlash(c, recordUrl(c, l), consensusMessages(c.get('locale')).flash[to]);
  });

  const callPage = (c: Ctx, l: Loaded, values: CallValues, errors?: Record<string, AnyFieldError>) =>
    render(c, <CallPage ctx={pageCtx(c)} process={l.process} proposal={l.proposal} values={values} errors={errors} />, errors ? 422 : 200);

  app.get(`${P}/call`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    return callPage(c, l, { where: 'online', meetingLabel: '', meetingUrl: '', endsDate: '', endsTime: '' });
  });

  app.post(`${P}/call`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values: CallValues = {
      where: raw(form, 'where'),
      meetingLabel: raw(form, 'meetingLabel'),
      meetingUrl: raw(form, 'meetingUrl'),
      endsDate: raw(form, 'endsDate'),
      endsTime: raw(form, 'endsTime'),
    };
    const parsed = parseWith(callSchema, form);
    if (!parsed.ok) return callPage(c, l, values, parsed.errors);
    const call =
      parsed.data.where === 'meeting'
        ? {
            where: { kind: 'meeting' as const, label: parsed.data.meetingLabel, url: parsed.data.meetingUrl },
            endsAt: instantIn(parsed.data.endsDate, parsed.data.endsTime, l.process.timeZone),
          }
        : null;
    const r = await advanceProposal(deps, c.get('actor'), l.process, l.proposal, 'open-call', call);
    if (!r.ok) {
      if (r.refusal === 'meeting-ended') return callPage(c, l, values, { endsTime: { message: m.transitionRefusal['meeting-ended']! } });
      if (r.refusal === 'bad-link') return callPage(c, l, values, { meetingUrl: { message: m.badLink } });
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, recordUrl(c, l), m.flash['open-call']);
  });

  const assessPage = async (c: Ctx, l: Loaded, values: AssessValues, errors?: Record<string, AnyFieldError>) => {
    const [evaluation, latest] = await Promise.all([evaluationOf(deps.db, l.process, l.proposal, deps.clock.now()), latestAssessment(deps.db, l.proposal.id, l.proposal.round)]);
    return render(
      c,
      <AssessPage ctx={pageCtx(c)} process={l.process} proposal={l.proposal} evaluation={evaluation} revising={latest !== null} values={values} errors={errors} />,
      errors ? 422 : 200,
    );
  };

  app.get(`${P}/assess`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    if (l.proposal.status !== 'call') throw refusalProblem(c, 'wrong-status');
    const latest = await latestAssessment(deps.db, l.proposal.id, l.proposal.round);
    return assessPage(c, l, { level: latest?.level ?? '', direction: latest?.direction ?? 'for', text: latest?.text ?? {} });
  });

  app.post(`${P}/assess`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values: AssessValues = { level: raw(form, 'level'), direction: raw(form, 'direction'), text: { en: raw(form, 'text_en'), fr: raw(form, 'text_fr') } };
    const parsed = parseWith(assessSchema, form);
    if (!parsed.ok) return assessPage(c, l, values, parsed.errors);
    const r = await publishAssessment(deps, c.get('actor'), l.process, l.proposal, {
      level: parsed.data.level,
      direction: parsed.data.direction,
      text: localizedFrom(parsed.data, 'text'),
    });
    if (!r.ok) {
      if (r.refusal === 'missing-translations') {
        return assessPage(
          c,
          l,
          values,
          Object.fromEntries(l.process.officialLanguages.filter((x) => !values.text[x]?.trim()).map((x) => [`text_${x}`, { code: 'required' as const }])),
        );
      }
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, recordUrl(c, l, `#assessment-${r.value.id}`), m.assessed);
  });

  const informationPage = (c: Ctx, l: Loaded, values: InformationValues, errors?: Record<string, AnyFieldError>) =>
    render(c, <FileInformationPage ctx={pageCtx(c)} process={l.process} proposal={l.proposal} values={values} errors={errors} />, errors ? 422 : 200);

  app.get(`${P}/information/new`, async (c) => {
    const l = await loadProposal(c, deps);
    const problem = refusalFor(l.access, 'file-information', { status: l.proposal.status });
    if (problem) throw refusalProblem(c, problem);
    return informationPage(c, l, { whatIsNew: '', whyItMatters: '', links: '' });
  });

  app.post(`${P}/information/new`, async (c) => {
    const l = await loadProposal(c, deps);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values: InformationValues = { whatIsNew: raw(form, 'whatIsNew'), whyItMatters: raw(form, 'whyItMatters'), links: raw(form, 'links') };
    const parsed = parseWith(informationSchema, form);
    if (!parsed.ok) return informationPage(c, l, values, parsed.errors);
    const links = parseLinks(parsed.data.links);
    if (!links.ok) return informationPage(c, l, values, { links: { message: m.badLink } });
    const locale = c.get('locale');
    const r = await fileNewInformation(deps, c.get('actor'), l.process, l.proposal, {
      whatIsNew: inLocale(locale, parsed.data.whatIsNew),
      whyItMatters: inLocale(locale, parsed.data.whyItMatters),
      links: links.links,
    });
    if (!r.ok) {
      if (r.refusal === 'what-required') return informationPage(c, l, values, { whatIsNew: { message: m.whatRequired } });
      if (r.refusal === 'why-required') return informationPage(c, l, values, { whyItMatters: { message: m.whyRequired } });
      if (r.refusal === 'bad-link') return informationPage(c, l, values, { links: { message: m.badLink } });
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, recordUrl(c, l, `#information-${r.value.id}`), m.informationFiled);
  });

  const answerPage = async (c: Ctx, l: Loaded, values: { answer: { en?: string; fr?: string } }, errors?: Record<string, AnyFieldError>) => {
    const item = await informationById(deps.db, l.proposal.id, Number(c.req.param('iid')));
    if (!item) throw new HttpProblem('not-found');
    return render(c, <AnswerInformationPage ctx={pageCtx(c)} process={l.process} proposal={l.proposal} item={item} values={values} errors={errors} />, errors ? 422 : 200);
  };

  app.get(`${P}/information/:iid{[0-9]{1,12}}/answer`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    return answerPage(c, l, { answer: {} });
  });

  app.post(`${P}/information/:iid{[0-9]{1,12}}/answer`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values = { answer: { en: raw(form, 'answer_en'), fr: raw(form, 'answer_fr') } };
    const parsed = parseWith(answerSchema, form);
    if (!parsed.ok) return answerPage(c, l, values, parsed.errors);
    const iid = Number(c.req.param('iid'));
    const accept = parsed.data.decision === 'accept';
    const r = await answerNewInformation(deps, c.get('actor'), l.process, l.proposal, iid, accept, localizedFrom(parsed.data, 'answer'));
    if (!r.ok) {
      if (r.refusal === 'reason-required') {
        return answerPage(
          c,
          l,
          values,
          Object.fromEntries(l.process.officialLanguages.filter((x) => !values.answer[x]?.trim()).map((x) => [`answer_${x}`, { message: m.reasonMissing }])),
        );
      }
      if (r.refusal === 'already-answered') throw new HttpProblem('conflict', m.alreadyAnswered);
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, recordUrl(c, l, `#information-${iid}`), accept ? m.accepted : m.declined);
  });

  app.route('/', discussionRoutes(deps, P));
  return app;
}
