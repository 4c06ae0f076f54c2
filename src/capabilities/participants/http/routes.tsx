import { Hono } from 'hono';
import { requireUser } from '../../../platform/auth/require.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { parseWith } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { currentRules, denied, formBody, loadProcess, type Process } from '../../processes/index.ts';
import { acceptRules } from '../commands/accept-rules.ts';
import { declareInterests } from '../commands/declare-interests.ts';
import { joinProcess } from '../commands/join-process.ts';
import { standingFor } from '../commands/standing.ts';
import { updateProfile } from '../commands/update-profile.ts';
import { acceptancesOf, declarationsOf, latestDeclaration, listParticipants, membershipsOf, participantById, participantOfUser, profileHistoryOf } from '../db/queries.ts';
import type { Participant } from '../domain/participant.ts';
import { participantMessages } from '../messages/index.ts';
import { JoinPage, type JoinValues } from '../views/join-page.tsx';
import { MePage } from '../views/me-page.tsx';
import { ParticipantPage } from '../views/participant-page.tsx';
import { ParticipantsPage } from '../views/participants-page.tsx';
import { declarationFrom, declarationSchema, declarationValuesFrom, joinSchema, profileFrom, profileSchema, profileValuesFrom, profileValuesOf } from './forms.ts';
import type { DeclarationValues } from '../views/declaration-fields.tsx';
import type { ProfileValues } from '../views/profile-fields.tsx';

type Errors = Record<string, AnyFieldError>;

function profileError(locale: 'en' | 'fr', refusal: string): Errors | null {
  const m = participantMessages(locale);
  switch (refusal) {
    case 'unknown-category':
      return { category: { message: m.unknownCategory } };
    case 'other-needs-text':
      return { categoryOther: { message: m.otherNeedsText } };
    case 'organization-needs-name':
      return { organization: { message: m.organizationNeedsName } };
    case 'declaration-needs-text':
      return { declarationText: { message: m.declarationNeedsText } };
    case 'rules-not-accepted':
      return { acceptRules: { message: m.mustAcceptRules } };
    default:
      return null;
  }
}

export function participantRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get(`${L}/p/:slug/join`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    const actor = requireUser(c);
    if (access.participantId !== null) return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/me`, participantMessages(c.get('locale')).alreadyJoined);
    const rules = await currentRules(deps.db, process.id);
    if (!rules) throw new HttpProblem('conflict', participantMessages(c.get('locale')).noRulesYet);
    const values: JoinValues = {
      displayName: actor.name,
      category: '',
      categoryOther: '',
      affiliation: '',
      representation: 'self',
      organization: '',
      hasInterests: '',
      declarationText: '',
      acceptRules: false,
    };
    return render(c, <JoinPage ctx={pageCtx(c)} process={process} rules={rules} values={values} />);
  });

  app.post(`${L}/p/:slug/join`, async (c) => {
    const { process } = await loadProcess(c, deps);
    const actor = requireUser(c);
    const locale = c.get('locale');
    const m = participantMessages(locale);
    const body = await formBody(c);
    const rules = await currentRules(deps.db, process.id);
    if (!rules) throw new HttpProblem('conflict', m.noRulesYet);
    const values: JoinValues = { ...profileValuesFrom(body), ...declarationValuesFrom(body), acceptRules: !!body.acceptRules };
    const again = (errors: Errors) => render(c, <JoinPage ctx={pageCtx(c)} process={process} rules={rules} values={values} errors={errors} />, 422);
    const parsed = parseWith(joinSchema, body);
    if (!parsed.ok) return again(parsed.errors);
    const r = await joinProcess(deps, actor, process, {
      profile: profileFrom(parsed.data),
      acceptedRulesVersion: parsed.data.acceptRules ? parsed.data.rulesVersion : null,
      declaration: declarationFrom(parsed.data),
    });
    if (!r.ok) {
      switch (r.refusal) {
        case 'already-joined':
          return redirectWithFlash(c, `/${locale}/p/${process.slug}/me`, m.alreadyJoined);
        case 'not-open':
          throw new HttpProblem('conflict', m.notOpen);
        case 'no-rules':
          throw new HttpProblem('conflict', m.noRulesYet);
        case 'not-signed-in':
          throw denied(c);
        default:
          return again(profileError(locale, r.refusal)!);
      }
    }
    return redirectWithFlash(c, `/${locale}/p/${process.slug}`, m.joined);
  });

  app.get(`${L}/p/:slug/participants`, async (c) => {
    const { process } = await loadProcess(c, deps);
    const participants = await listParticipants(deps.db, process.id);
    return render(c, <ParticipantsPage ctx={pageCtx(c)} process={process} participants={participants} />);
  });

  app.get(`${L}/p/:slug/participants/:id{[0-9]{1,12}}`, async (c) => {
    const { process } = await loadProcess(c, deps);
    const participant = await participantById(deps.db, process.id, Number(c.req.param('id')));
    if (!participant) throw new HttpProblem('not-found');
    const [declarations, history, acceptances, memberships] = await Promise.all([
      declarationsOf(deps.db, participant.id),
      profileHistoryOf(deps.db, participant.id),
      acceptancesOf(deps.db, participant.id),
      membershipsOf(deps.db, participant.id),
    ]);
    return render(c, <ParticipantPage ctx={pageCtx(c)} process={process} data={{ participant, declarations, history, acceptances, memberships }} />);
  });

  const mePage = async (
    c: Ctx,
    process: Process,
    participant: Participant,
    override: { profile?: ProfileValues; declaration?: DeclarationValues; profileErrors?: Errors; declarationErrors?: Errors } = {},
    status: 200 | 422 = 200,
  ) => {
    const [standing, currentDeclaration] = await Promise.all([standingFor(deps.db, process.id, participant.id), latestDeclaration(deps.db, participant.id)]);
    return render(
      c,
      <MePage
        ctx={pageCtx(c)}
        process={process}
        participant={participant}
        standing={standing}
        currentDeclaration={currentDeclaration}
        profile={override.profile ?? profileValuesOf(participant)}
        declaration={override.declaration ?? { hasInterests: '', declarationText: '' }}
        profileErrors={override.profileErrors}
        declarationErrors={override.declarationErrors}
      />,
      status,
    );
  };

  const mine = async (c: Ctx) => {
    const { process } = await loadProcess(c, deps);
    const actor = requireUser(c);
    const participant = await participantOfUser(deps.db, process.id, actor.userId);
    if (!participant) throw new HttpProblem('not-found');
    return { process, actor, participant };
  };

  app.get(`${L}/p/:slug/me`, async (c) => {
    const { process, participant } = await mine(c);
    return mePage(c, process, participant);
  });

  app.post(`${L}/p/:slug/me`, async (c) => {
    const { process, actor, participant } = await mine(c);
    const body = await formBody(c);
    const locale = c.get('locale');
    const m = participantMessages(locale);
    const profile = profileValuesFrom(body);
    const parsed = parseWith(profileSchema, body);
    if (!parsed.ok) return mePage(c, process, participant, { profile, profileErrors: parsed.errors }, 422);
    const r = await updateProfile(deps, actor, process, profileFrom(parsed.data));
    if (!r.ok) {
      if (r.refusal === 'unchanged') return redirectWithFlash(c, `/${locale}/p/${process.slug}/me`, m.profileUnchanged);
      if (r.refusal === 'not-participant') throw new HttpProblem('not-found');
      return mePage(c, process, participant, { profile, profileErrors: profileError(locale, r.refusal)! }, 422);
    }
    return redirectWithFlash(c, `/${locale}/p/${process.slug}/me`, m.profileSaved);
  });

  app.post(`${L}/p/:slug/me/declaration`, async (c) => {
    const { process, actor, participant } = await mine(c);
    const body = await formBody(c);
    const locale = c.get('locale');
    const m = participantMessages(locale);
    const declaration = declarationValuesFrom(body);
    const parsed = parseWith(declarationSchema, body);
    if (!parsed.ok) return mePage(c, process, participant, { declaration, declarationErrors: parsed.errors }, 422);
    const r = await declareInterests(deps, actor, process, declarationFrom(parsed.data));
    if (!r.ok) {
      switch (r.refusal) {
        case 'unchanged':
          return mePage(c, process, participant, { declaration, declarationErrors: { hasInterests: { message: m.declarationUnchanged } } }, 422);
        case 'declaration-needs-text':
          return mePage(c, process, participant, { declaration, declarationErrors: { declarationText: { message: m.declarationNeedsText } } }, 422);
        case 'not-participant':
          throw new HttpProblem('not-found');
      }
    }
    return redirectWithFlash(c, `/${locale}/p/${process.slug}/participants/${participant.id}`, m.declarationSaved);
  });

  app.post(`${L}/p/:slug/me/rules`, async (c) => {
    const { process, actor } = await mine(c);
    const body = await formBody(c);
    const version = typeof body.version === 'string' && /^\d{1,6}$/.test(body.version) ? Number(body.version) : -1;
    const r = await acceptRules(deps, actor, process, version);
    const locale = c.get('locale');
    if (!r.ok && r.refusal === 'not-current') throw new HttpProblem('conflict');
    return redirectWithFlash(c, `/${locale}/p/${process.slug}/me`, participantMessages(locale).rulesNowAccepted);
  });

  return app;
}
