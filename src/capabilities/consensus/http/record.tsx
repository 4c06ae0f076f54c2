import type { Ctx, Deps } from '../../../platform/http/context.ts';
import { pageCtx, render, renderPublic, wantsJson } from '../../../platform/http/render.tsx';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { loadRecord, type DecisionRecord } from '../commands/load-record.ts';
import { meetingsOfRecord } from '../commands/meetings-of-record.ts';
import { evaluationOf } from '../commands/in-proposal.ts';
import { currentPositionOf, inRoomCount } from '../db/queries.ts';
import { latestAssessment } from '../db/record-queries.ts';
import { inMinority } from '../domain/assessments.ts';
import { transition } from '../domain/lifecycle.ts';
import { consensusCan, isChair, refusalFor } from '../domain/permissions.ts';
import type { Where } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { DecisionPage, type DecisionPageData, type FormName } from '../views/decision-page.tsx';
import { decisionPath } from '../views/parts.tsx';
import { RoomPage } from '../views/record-pages.tsx';
import { recordJson } from './json.ts';
import type { Loaded } from './load.ts';

/** Meetings and threads named anywhere in the record, once each. */
function placesOf(r: DecisionRecord): Where[] {
  const seen = new Map<string, Where>();
  // Meetings known by id are listed with their links (RecordMeetings); the rest by name.
  const add = (w: Where | null | undefined) => {
    if (w && w.kind !== 'other' && !(w.kind === 'meeting' && typeof w.meetingId === 'number')) seen.set(`${w.label}|${w.url ?? ''}`, w);
  };
  add(r.proposal.callWhere);
  for (const o of r.objections) {
    add(o.raisedWhere);
    add(o.discussedWhere);
  }
  for (const p of r.positions) add(p.takenWhere);
  return [...seen.values()];
}

const pageOf = (c: Ctx) => {
  const raw = c.req.query('page');
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
};

export type PageExtras = { form?: FormName; errors?: Record<string, AnyFieldError>; values?: Partial<DecisionPageData['values']> };

async function pageData(c: Ctx, deps: Pick<Deps, 'db' | 'clock'>, l: Loaded, extras: PageExtras): Promise<DecisionPageData> {
  const now = deps.clock.now();
  const { process, proposal, access } = l;
  const record = await loadRecord(deps.db, process, proposal, now, { page: pageOf(c) });
  const [mine, latest, meetings] = await Promise.all([
    access.participantId ? currentPositionOf(deps.db, proposal.id, access.participantId) : null,
    latestAssessment(deps.db, proposal.id, proposal.round),
    meetingsOfRecord(deps.db, process, proposal.id),
  ]);
  const can = consensusCan(access, { status: proposal.status, isAuthor: l.isAuthor, inMinority: inMinority(mine?.stance ?? null, latest?.direction ?? null) });
  let decideBlocked: string | null = null;
  if (proposal.status === 'call') {
    const t = transition(proposal, 'decide', { officialLanguages: process.officialLanguages, evaluation: record.evaluation, latestAssessment: latest }, now);
    if (!t.ok) decideBlocked = consensusMessages(c.get('locale')).transitionRefusal[t.refusal] ?? null;
  }
  return {
    record,
    can,
    isChair: isChair(access),
    participantId: access.participantId,
    myPosition: mine,
    decideBlocked,
    places: placesOf(record),
    meetings,
    values: { stance: mine?.stance ?? '', reason: '', objection: '', response: '', statement: '', ...extras.values },
    errors: extras.form && extras.errors ? { form: extras.form, errors: extras.errors } : null,
  };
}

/** The decision record: a page (shared with every visitor not signed in, until the process changes) or JSON. */
export async function recordResponse(c: Ctx, deps: Pick<Deps, 'db' | 'clock' | 'pageCache'>, l: Loaded, extras: PageExtras = {}): Promise<Response> {
  const { process, proposal } = l;
  if (wantsJson(c) && !extras.errors) {
    const [record, meetings] = await Promise.all([loadRecord(deps.db, process, proposal, deps.clock.now(), { page: pageOf(c) }), meetingsOfRecord(deps.db, process, proposal.id)]);
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Accept');
    const json = recordJson(process, record, `/${c.get('locale')}${decisionPath(process, proposal.id)}`);
    return c.json({ ...json, meetings: meetings.map((x) => ({ id: x.id, title: x.title, startsAt: x.startsAt, url: `/${c.get('locale')}${x.path}` })) });
  }
  if (extras.errors) return render(c, <DecisionPage ctx={pageCtx(c)} process={process} data={await pageData(c, deps, l, extras)} />, 422);
  return renderPublic(c, deps.pageCache, async () => ({
    processId: process.id,
    page: <DecisionPage ctx={pageCtx(c)} process={process} data={await pageData(c, deps, l, extras)} />,
  }));
}

/** The room view of a proposal (large type, for a screen in the room); again with the position form's errors (422). */
export async function roomResponse(
  c: Ctx,
  deps: Pick<Deps, 'db' | 'clock'>,
  l: Loaded,
  form?: { values: { stance: string; reason: string }; errors: Record<string, AnyFieldError> },
) {
  const [evaluation, inRoom, current] = await Promise.all([
    evaluationOf(deps.db, l.process, l.proposal, deps.clock.now()),
    inRoomCount(deps.db, l.proposal.id),
    l.access.participantId ? currentPositionOf(deps.db, l.proposal.id, l.access.participantId) : null,
  ]);
  return render(
    c,
    <RoomPage
      ctx={pageCtx(c)}
      process={l.process}
      proposal={l.proposal}
      evaluation={evaluation}
      inRoom={inRoom}
      canTakePosition={refusalFor(l.access, 'take-position', { status: l.proposal.status }) === null}
      current={current}
      values={form?.values ?? { stance: current?.stance ?? '', reason: '' }}
      errors={form?.errors}
    />,
    form ? 422 : 200,
  );
}
