import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { pageCtx, redirectWithFlash, render, renderPublic } from '../../../platform/http/render.tsx';
import { resumeFrom } from '../../../platform/http/sse.ts';
import { parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { bodiesOf, WORKING_GROUP, type Body } from '../../groups/index.ts';
import { canInProcess, formBody, loadProcess, type Process } from '../../processes/index.ts';
import { consensusAccess } from '../commands/access.ts';
import { createProposal } from '../commands/create-proposal.ts';
import { editProposal } from '../commands/edit-proposal.ts';
import { proposalStream } from '../commands/in-proposal.ts';
import { POSITIONS_PAGE } from '../commands/load-record.ts';
import { positionsOf, proposalsOf } from '../db/queries.ts';
import { refusalFor } from '../domain/permissions.ts';
import { listParticipants } from '../../participants/index.ts';
import { consensusMessages } from '../messages/index.ts';
import { AllDecisionsPage } from '../views/decisions-list.tsx';
import { decisionPath } from '../views/parts.tsx';
import { ProposalFormPage, type ProposalFormValues } from '../views/proposal-form.tsx';
import { PositionsPage } from '../views/record-pages.tsx';
import { actionRoutes } from './actions.tsx';
import { chairRoutes } from './chair-routes.tsx';
import { linkFrom, localizedFrom, proposalSchema } from './forms.ts';
import { loadBody, loadProposal, refusalProblem } from './load.ts';
import { recordResponse, roomResponse } from './record.tsx';

const raw = rawField;

function formValues(b: Record<string, unknown>, kind: 'text' | 'scope'): ProposalFormValues {
  return {
    kind,
    title: { en: raw(b, 'title_en'), fr: raw(b, 'title_fr') },
    text: { en: raw(b, 'text_en'), fr: raw(b, 'text_fr') },
    proposedCharter: { en: raw(b, 'proposedCharter_en'), fr: raw(b, 'proposedCharter_fr') },
    linkUrl: raw(b, 'linkUrl'),
    linkLabel: raw(b, 'linkLabel'),
  };
}

function inputError(locale: 'en' | 'fr', refusal: string): Record<string, AnyFieldError> | null {
  const m = consensusMessages(locale);
  switch (refusal) {
    case 'no-title':
      return { title_en: { message: m.noTitle } };
    case 'no-charter':
      return { proposedCharter_en: { message: m.noCharter } };
    case 'not-working-group':
      return { title_en: { message: m.notWorkingGroup } };
    case 'bad-link':
      return { linkUrl: { message: m.badLink } };
    default:
      return null;
  }
}

export function consensusRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  const bodyNames = async (process: Process) => new Map((await bodiesOf(deps.db, process.id)).map((b) => [b.id, { slug: b.slug, name: b.name }]));

  app.get(`${L}/p/:slug/decisions`, (c) =>
    renderPublic(c, deps.pageCache, async () => {
      const { process, access } = await loadProcess(c, deps);
      const organizer = canInProcess(access, process, 'manage-bodies');
      const [proposals, bodies] = await Promise.all([proposalsOf(deps.db, process.id, { includeDrafts: organizer }), bodyNames(process)]);
      return { processId: process.id, page: <AllDecisionsPage ctx={pageCtx(c)} process={process} proposals={proposals} bodies={bodies} /> };
    }),
  );

  const newForm = async (c: Ctx, process: Process, body: Body, kind: 'text' | 'scope', values?: ProposalFormValues, errors?: Record<string, AnyFieldError>) => {
    const v = values ?? { kind, title: {}, text: {}, proposedCharter: kind === 'scope' ? body.charter : {}, linkUrl: '', linkLabel: '' };
    const action = `/${c.get('locale')}/p/${process.slug}/bodies/${body.slug}/proposals/new`;
    return render(c, <ProposalFormPage ctx={pageCtx(c)} process={process} body={body} values={v} errors={errors} action={action} />, errors ? 422 : 200);
  };

  const mayPropose = async (c: Ctx, process: Process, body: Body, kind: 'text' | 'scope') => {
    const access = await consensusAccess(deps.db, process, body.id, c.get('actor'));
    const problem =
      refusalFor(access, 'propose', { status: null, bodyClosed: body.status === 'closed' }) ?? (kind === 'scope' && body.typeKey !== WORKING_GROUP ? 'not-found' : null);
    if (problem) throw refusalProblem(c, problem);
  };

  app.get(`${L}/p/:slug/bodies/:body/proposals/new`, async (c) => {
    const { process, body } = await loadBody(c, deps, c.req.param('body') ?? '');
    const kind = c.req.query('kind') === 'scope' ? 'scope' : 'text';
    await mayPropose(c, process, body, kind);
    return newForm(c, process, body, kind);
  });

  app.post(`${L}/p/:slug/bodies/:body/proposals/new`, async (c) => {
    const { process, body } = await loadBody(c, deps, c.req.param('body') ?? '');
    const form = await formBody(c);
    const kind = form.kind === 'scope' ? 'scope' : 'text';
    await mayPropose(c, process, body, kind);
    const again = (errors: Record<string, AnyFieldError>) => newForm(c, process, body, kind, formValues(form, kind), errors);
    const parsed = parseWith(proposalSchema, form);
    if (!parsed.ok) return again(parsed.errors);
    const r = await createProposal(deps, c.get('actor'), process, body, {
      kind,
      title: localizedFrom(parsed.data, 'title'),
      text: localizedFrom(parsed.data, 'text'),
      proposedCharter: kind === 'scope' ? localizedFrom(parsed.data, 'proposedCharter') : null,
      link: linkFrom(parsed.data),
    });
    if (!r.ok) {
      const e = inputError(c.get('locale'), r.refusal);
      if (e) return again(e);
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, `/${c.get('locale')}${decisionPath(process, r.value.id)}`, consensusMessages(c.get('locale')).drafted);
  });

  const P = `${L}/p/:slug/decisions/:id{[0-9]{1,12}}`;

  app.get(P, async (c) => recordResponse(c, deps, await loadProposal(c, deps)));

  app.get(`${P}/edit`, async (c) => {
    const { process, proposal, body, access, isAuthor } = await loadProposal(c, deps);
    const problem = refusalFor(access, 'edit-draft', { status: proposal.status, isAuthor });
    if (problem) throw refusalProblem(c, problem);
    const values: ProposalFormValues = {
      kind: proposal.kind,
      title: proposal.title,
      text: proposal.text,
      proposedCharter: proposal.proposedCharter ?? {},
      linkUrl: proposal.link?.url ?? '',
      linkLabel: proposal.link?.label ?? '',
    };
    return render(
      c,
      <ProposalFormPage ctx={pageCtx(c)} process={process} body={body} values={values} action={`/${c.get('locale')}${decisionPath(process, proposal.id)}/edit`} editing />,
    );
  });

  app.post(`${P}/edit`, async (c) => {
    const { process, proposal, body } = await loadProposal(c, deps);
    const form = await formBody(c);
    const action = `/${c.get('locale')}${decisionPath(process, proposal.id)}/edit`;
    const again = (errors: Record<string, AnyFieldError>) =>
      render(c, <ProposalFormPage ctx={pageCtx(c)} process={process} body={body} values={formValues(form, proposal.kind)} errors={errors} action={action} editing />, 422);
    const parsed = parseWith(proposalSchema, { ...form, kind: proposal.kind });
    if (!parsed.ok) return again(parsed.errors);
    const r = await editProposal(deps, c.get('actor'), process, body, proposal, {
      title: localizedFrom(parsed.data, 'title'),
      text: localizedFrom(parsed.data, 'text'),
      proposedCharter: proposal.kind === 'scope' ? localizedFrom(parsed.data, 'proposedCharter') : null,
      link: linkFrom(parsed.data),
    });
    if (!r.ok) {
      const e = inputError(c.get('locale'), r.refusal);
      if (e) return again(e);
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, `/${c.get('locale')}${decisionPath(process, proposal.id)}`, consensusMessages(c.get('locale')).saved);
  });

  app.get(`${P}/positions`, async (c) => {
    const { process, proposal } = await loadProposal(c, deps);
    const rawPage = c.req.query('page');
    const page = rawPage && /^\d{1,6}$/.test(rawPage) ? Math.max(1, Number(rawPage)) : 1;
    const { rows, total } = await positionsOf(deps.db, proposal.id, { history: true, limit: POSITIONS_PAGE, offset: (page - 1) * POSITIONS_PAGE });
    const people = new Map((await listParticipants(deps.db, process.id, [...new Set(rows.map((r) => r.participantId))])).map((p) => [p.id, p]));
    return render(c, <PositionsPage ctx={pageCtx(c)} process={process} proposal={proposal} rows={rows} total={total} page={page} size={POSITIONS_PAGE} people={people} />);
  });

  app.get(`${P}/room`, async (c) => roomResponse(c, deps, await loadProposal(c, deps)));

  app.get(`${P}/events`, async (c) => {
    // loadProposal checks that the reader may see the proposal.
    const { proposal } = await loadProposal(c, deps);
    return deps.live.respond(c, proposalStream(proposal.id), resumeFrom(c.req.header('last-event-id'), c.req.query('since')));
  });

  app.route('/', actionRoutes(deps, P));
  app.route('/', chairRoutes(deps, P));
  return app;
}
