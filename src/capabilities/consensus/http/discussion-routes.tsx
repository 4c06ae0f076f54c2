import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { plain } from '../../../platform/views/text.tsx';
import { agendaOf, meetingsOf } from '../../meetings/index.ts';
import { participantById } from '../../participants/index.ts';
import { formBody } from '../../processes/index.ts';
import { recordDiscussion } from '../commands/record-discussion.ts';
import { objectionById } from '../db/record-queries.ts';
import { refusalFor } from '../domain/permissions.ts';
import type { Where } from '../domain/proposal.ts';
import { senseWhere } from '../domain/sense.ts';
import { consensusMessages } from '../messages/index.ts';
import { DiscussionPage, type DiscussionValues, type MeetingChoice } from '../views/action-pages.tsx';
import { decisionPath } from '../views/parts.tsx';
import { discussionSchema, localizedFrom } from './forms.ts';
import { loadProposal, refusalProblem, type Loaded } from './load.ts';

const raw = rawField;
const HELD = 60;

/**
 * The meetings of the body that were held (or are in progress), and their
 * agenda items, as places where an objection was discussed: the chair picks
 * one rather than typing it, and the record links to it by id.
 */
async function meetingChoices(deps: Pick<Deps, 'db'>, l: Loaded, locale: 'en' | 'fr'): Promise<Array<MeetingChoice & { where: Where }>> {
  const held = (await meetingsOf(deps.db, l.process.id, l.proposal.bodyId)).filter((m) => m.status === 'in-progress' || m.status === 'ended').slice(-HELD);
  const out: Array<MeetingChoice & { where: Where }> = [];
  for (const m of held.reverse()) {
    const day = m.startsAt.toLocaleDateString(locale === 'fr' ? 'fr-CA' : 'en-CA', { timeZone: m.timeZone, dateStyle: 'medium' });
    out.push({ value: String(m.id), label: `${plain(m.title, locale)} (${day})`, where: senseWhere(m, null) });
    for (const i of await agendaOf(deps.db, m.id))
      out.push({ value: `${m.id}:${i.id}`, label: `${plain(m.title, locale)} (${day}) — ${plain(i.title, locale)}`, where: senseWhere(m, i) });
  }
  return out;
}

/** The chair records that an objection was discussed: where (a meeting and agenda item picked from a list, or typed) and how it was addressed. */
export function discussionRoutes(deps: Deps, P: string) {
  const app = new Hono<AppEnv>();
  const mustChair = (c: Ctx, l: Loaded) => {
    const problem = refusalFor(l.access, 'chair', { status: l.proposal.status });
    if (problem) throw refusalProblem(c, problem);
  };

  const discussionPage = async (c: Ctx, l: Loaded, values: DiscussionValues, errors?: Record<string, AnyFieldError>, choices?: MeetingChoice[]) => {
    const objection = await objectionById(deps.db, l.proposal.id, Number(c.req.param('oid')));
    if (!objection) throw new HttpProblem('not-found');
    const [author, meetings] = await Promise.all([participantById(deps.db, l.process.id, objection.authorParticipantId), choices ?? meetingChoices(deps, l, c.get('locale'))]);
    return render(
      c,
      <DiscussionPage
        ctx={pageCtx(c)}
        process={l.process}
        proposal={l.proposal}
        objection={objection}
        authorName={author?.displayName ?? ''}
        meetings={meetings.map((x) => ({ value: x.value, label: x.label }))}
        values={values}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  };

  app.get(`${P}/objections/:oid{[0-9]{1,12}}/discussion`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    return discussionPage(c, l, { meeting: '', kind: 'meeting', label: '', url: '', resolution: '', reasoning: {} });
  });

  app.post(`${P}/objections/:oid{[0-9]{1,12}}/discussion`, async (c) => {
    const l = await loadProposal(c, deps);
    mustChair(c, l);
    const m = consensusMessages(c.get('locale'));
    const form = await formBody(c);
    const values: DiscussionValues = {
      meeting: raw(form, 'meeting'),
      kind: raw(form, 'kind'),
      label: raw(form, 'label'),
      url: raw(form, 'url'),
      resolution: raw(form, 'resolution'),
      reasoning: { en: raw(form, 'reasoning_en'), fr: raw(form, 'reasoning_fr') },
    };
    // A meeting picked from the list is the place; the typed place is then not needed.
    const choices = await meetingChoices(deps, l, c.get('locale'));
    const picked = values.meeting ? choices.find((x) => x.value === values.meeting) : undefined;
    if (values.meeting && !picked) return discussionPage(c, l, values, { meeting: { message: m.unknownMeeting } }, choices);
    const parsed = parseWith(discussionSchema, picked ? { ...form, kind: 'meeting', label: picked.where.label, url: '' } : form);
    if (!parsed.ok) return discussionPage(c, l, values, parsed.errors, choices);
    const oid = Number(c.req.param('oid'));
    const r = await recordDiscussion(deps, c.get('actor'), l.process, l.proposal, oid, {
      where: picked?.where ?? { kind: parsed.data.kind, label: parsed.data.label, url: parsed.data.url },
      resolution: parsed.data.resolution,
      reasoning: localizedFrom(parsed.data, 'reasoning'),
    });
    if (!r.ok) {
      if (r.refusal === 'where-required') return discussionPage(c, l, values, { label: { message: m.whereRequired } }, choices);
      if (r.refusal === 'bad-link') return discussionPage(c, l, values, { url: { message: m.badLink } }, choices);
      if (r.refusal === 'missing-translations') {
        return discussionPage(
          c,
          l,
          values,
          Object.fromEntries(l.process.officialLanguages.filter((x) => !values.reasoning[x]?.trim()).map((x) => [`reasoning_${x}`, { message: m.reasoningMissing }])),
          choices,
        );
      }
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, `/${c.get('locale')}${decisionPath(l.process, l.proposal.id)}#objection-${oid}`, m.discussionRecorded);
  });

  return app;
}
