import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { z } from 'zod';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import { localizedFields, localizedFrom, optionalText, parseWith, rawField, slug as slugField, text } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { listParticipants } from '../../participants/index.ts';
import { accessTo, canInProcess, denied, formBody, loadProcess, type Process } from '../../processes/index.ts';
import { bodyAccess } from '../commands/access.ts';
import { appointMember } from '../commands/appoint-member.ts';
import { createBody } from '../commands/create-body.ts';
import { editBody } from '../commands/edit-body.ts';
import { joinBody } from '../commands/join-body.ts';
import { leaveBody } from '../commands/leave-body.ts';
import { removeMember } from '../commands/remove-member.ts';
import { setBodyStatus } from '../commands/set-body-status.ts';
import { bodyBySlug, charterHistoryOf, membersOf } from '../db/queries.ts';
import { balanceOf } from '../domain/balance.ts';
import { slugify, WORKING_GROUP, type Body } from '../domain/body.ts';
import { bodyCan, refusalFor } from '../domain/permissions.ts';
import { groupMessages } from '../messages/index.ts';
import { BodyFormPage, type BodyFormValues } from '../views/body-form.tsx';
import { BodyPage } from '../views/body-page.tsx';
import type { BodyExtension } from './body-extension.ts';

const bodySchema = (creating: boolean) =>
  z.object({
    typeKey: text(40),
    ...localizedFields('name', 200),
    ...localizedFields('charter', 20000),
    membershipPolicy: z.enum(['open', 'self-select', 'appointed']),
    ...(creating ? { slug: optionalText(60).pipe(z.union([z.null(), slugField()])) } : {}),
  });

/** A working group of a public process: its charter is shown, not edited (it changes by consensus). */
const charterLocked = (process: Process, body: Body) => process.status === 'published' && body.typeKey === WORKING_GROUP;

const raw = rawField;

function formValues(b: Record<string, unknown>): BodyFormValues {
  return {
    slug: raw(b, 'slug'),
    typeKey: raw(b, 'typeKey'),
    name: { en: raw(b, 'name_en'), fr: raw(b, 'name_fr') },
    charter: { en: raw(b, 'charter_en'), fr: raw(b, 'charter_fr') },
    membershipPolicy: raw(b, 'membershipPolicy'),
  };
}

function inputError(locale: 'en' | 'fr', refusal: string): Record<string, AnyFieldError> | null {
  const m = groupMessages(locale);
  switch (refusal) {
    case 'unknown-type':
      return { typeKey: { message: m.unknownType } };
    case 'no-name':
      return { name_en: { message: m.noName } };
    case 'missing-translations':
      return { name_fr: { message: m.missingTranslations } };
    case 'slug-taken':
      return { slug: { message: m.slugTaken } };
    case 'charter-by-proposal':
      return { charter_en: { message: m.charterByProposal } };
    default:
      return null;
  }
}

const RESERVED_SLUGS = new Set(['new', 'edit']);

export function groupRoutes(deps: Deps, extensions: readonly BodyExtension[] = []) {
  const app = new Hono<AppEnv>();

  const loadBody = async (c: Ctx) => {
    const { process, access } = await loadProcess(c, deps);
    const slug = c.req.param('body') ?? '';
    const body = /^[a-z0-9-]{1,60}$/.test(slug) ? await bodyBySlug(deps.db, process.id, slug) : null;
    if (!body) throw new HttpProblem('not-found');
    return { process, access, body };
  };

  const bodyPage = async (c: Ctx, process: Process, body: Body, appointErrors?: Record<string, AnyFieldError>) => {
    const access = await bodyAccess(deps.db, process, body, c.get('actor'));
    const ctx = pageCtx(c);
    const [rows, charterHistory, sections] = await Promise.all([
      membersOf(deps.db, body.id),
      charterHistoryOf(deps.db, body.id),
      Promise.all(extensions.filter((x) => x.bodySection).map((x) => x.bodySection!({ process, body, access, ctx }))),
    ]);
    const listings = await listParticipants(deps.db, process.id, access.organizer ? undefined : rows.map((r) => r.participantId));
    const declarationOf = new Map(listings.map((l) => [l.id, l.declaration]));
    const members = rows.map((r) => ({ ...r, declaration: declarationOf.get(r.participantId) ?? null }));
    const blocked = access.participantId !== null && access.role === null ? refusalFor(access, body, 'join') : null;
    const data = {
      body,
      members,
      balance: balanceOf(
        members.filter((x) => x.role !== 'observer'),
        process.stakeholderCategories,
      ),
      can: bodyCan(access, body),
      myRole: access.role,
      joinBlocked: blocked && blocked !== 'already-member' ? (groupMessages(c.get('locale')).refusal[blocked] ?? null) : null,
      candidates: access.organizer ? listings.map((l) => ({ id: l.id, displayName: l.displayName })) : [],
      charterHistory,
      sections,
    };
    return render(c, <BodyPage ctx={ctx} process={process} data={data} appointErrors={appointErrors} />, appointErrors ? 422 : 200);
  };

  app.get(`${L}/p/:slug/bodies/new`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    if (!canInProcess(access, process, 'manage-bodies')) throw denied(c);
    const values: BodyFormValues = { slug: '', typeKey: 'working-group', name: {}, charter: {}, membershipPolicy: 'self-select' };
    return render(c, <BodyFormPage ctx={pageCtx(c)} process={process} values={values} />);
  });

  app.post(`${L}/p/:slug/bodies/new`, async (c) => {
    const { process, access } = await loadProcess(c, deps);
    if (!canInProcess(access, process, 'manage-bodies')) throw denied(c);
    const body = await formBody(c);
    const again = (errors: Record<string, AnyFieldError>) => render(c, <BodyFormPage ctx={pageCtx(c)} process={process} values={formValues(body)} errors={errors} />, 422);
    const parsed = parseWith(bodySchema(true), body);
    if (!parsed.ok) return again(parsed.errors);
    const name = localizedFrom(parsed.data, 'name');
    const chosen = parsed.data.slug as string | null;
    if (chosen && RESERVED_SLUGS.has(chosen)) return again({ slug: { message: groupMessages(c.get('locale')).slugTaken } });
    // "new" and "edit" name pages of their own; a body called "New" gets another address.
    const made = slugify(name.en ?? name.fr ?? '');
    const slug = chosen ?? (RESERVED_SLUGS.has(made) ? `${made}-body` : made);
    const r = await createBody(deps, c.get('actor'), process, slug, {
      typeKey: parsed.data.typeKey,
      name,
      charter: localizedFrom(parsed.data, 'charter'),
      membershipPolicy: parsed.data.membershipPolicy,
    });
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return again(inputError(c.get('locale'), r.refusal)!);
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/bodies/${r.value.slug}`, groupMessages(c.get('locale')).created);
  });

  app.get(`${L}/p/:slug/bodies/:body`, async (c) => {
    const { process, body } = await loadBody(c);
    return bodyPage(c, process, body);
  });

  app.get(`${L}/p/:slug/bodies/:body/edit`, async (c) => {
    const { process, access, body } = await loadBody(c);
    if (!canInProcess(access, process, 'manage-bodies')) throw denied(c);
    const values: BodyFormValues = { slug: body.slug, typeKey: body.typeKey, name: body.name, charter: body.charter, membershipPolicy: body.membershipPolicy };
    return render(c, <BodyFormPage ctx={pageCtx(c)} process={process} values={values} editingSlug={body.slug} charterLocked={charterLocked(process, body)} />);
  });

  app.post(`${L}/p/:slug/bodies/:body/edit`, async (c) => {
    const { process, access, body } = await loadBody(c);
    if (!canInProcess(access, process, 'manage-bodies')) throw denied(c);
    const form = await formBody(c);
    const again = (errors: Record<string, AnyFieldError>) =>
      render(
        c,
        <BodyFormPage ctx={pageCtx(c)} process={process} values={formValues(form)} errors={errors} editingSlug={body.slug} charterLocked={charterLocked(process, body)} />,
        422,
      );
    const parsed = parseWith(bodySchema(false), form);
    if (!parsed.ok) return again(parsed.errors);
    const r = await editBody(deps, c.get('actor'), process, body, {
      typeKey: parsed.data.typeKey,
      name: localizedFrom(parsed.data, 'name'),
      charter: localizedFrom(parsed.data, 'charter'),
      membershipPolicy: parsed.data.membershipPolicy,
    });
    if (!r.ok) {
      if (r.refusal === 'not-allowed') throw denied(c);
      return again(inputError(c.get('locale'), r.refusal)!);
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/bodies/${body.slug}`, groupMessages(c.get('locale')).saved);
  });

  const refusalProblem = (c: Ctx, refusal: string) => {
    if (refusal === 'not-signed-in') return new HttpProblem('sign-in');
    if (refusal === 'not-allowed') return denied(c);
    return new HttpProblem('conflict', groupMessages(c.get('locale')).refusal[refusal]);
  };

  app.post(`${L}/p/:slug/bodies/:body/join`, async (c) => {
    const { process, body } = await loadBody(c);
    const form = await formBody(c);
    const role = form.role === 'observer' ? 'observer' : 'member';
    const r = await joinBody(deps, c.get('actor'), process, body, role);
    if (!r.ok) throw refusalProblem(c, r.refusal);
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/bodies/${body.slug}`, groupMessages(c.get('locale')).joinedBody);
  });

  app.post(`${L}/p/:slug/bodies/:body/leave`, async (c) => {
    const { process, body } = await loadBody(c);
    const r = await leaveBody(deps, c.get('actor'), process, body);
    if (!r.ok) throw refusalProblem(c, r.refusal);
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/bodies/${body.slug}`, groupMessages(c.get('locale')).leftBody);
  });

  app.post(`${L}/p/:slug/bodies/:body/status`, async (c) => {
    const { process, body } = await loadBody(c);
    const form = await formBody(c);
    if (form.status !== 'closed' && form.status !== 'active') throw new HttpProblem('bad-request');
    const r = await setBodyStatus(deps, c.get('actor'), process, body, form.status);
    if (!r.ok && r.refusal === 'not-allowed') throw denied(c);
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/bodies/${body.slug}`, groupMessages(c.get('locale')).saved);
  });

  app.post(`${L}/p/:slug/bodies/:body/members`, async (c) => {
    const { process, access, body } = await loadBody(c);
    if (!canInProcess(access, process, 'manage-bodies')) throw denied(c);
    const m = groupMessages(c.get('locale'));
    const form = await formBody(c);
    const parsed = parseWith(
      z.object({
        participantId: z
          .string()
          .regex(/^\d{1,12}$/, { error: 'invalidChoice' })
          .transform(Number),
        role: z.enum(['facilitator', 'member', 'observer']),
      }),
      form,
    );
    if (!parsed.ok) return bodyPage(c, process, body, parsed.errors);
    const r = await appointMember(deps, c.get('actor'), process, body, parsed.data.participantId, parsed.data.role);
    if (!r.ok) {
      if (r.refusal === 'unknown-participant') return bodyPage(c, process, body, { participantId: { message: m.unknownParticipant } });
      if (r.refusal === 'unchanged') return bodyPage(c, process, body, { role: { message: m.roleUnchanged } });
      throw refusalProblem(c, r.refusal);
    }
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/bodies/${body.slug}`, m.appointed);
  });

  app.post(`${L}/p/:slug/bodies/:body/members/:pid{[0-9]{1,12}}/remove`, async (c) => {
    const { process, body } = await loadBody(c);
    const r = await removeMember(deps, c.get('actor'), process, body, Number(c.req.param('pid')));
    if (!r.ok) throw refusalProblem(c, r.refusal);
    return redirectWithFlash(c, `/${c.get('locale')}/p/${process.slug}/bodies/${body.slug}`, groupMessages(c.get('locale')).removed);
  });

  return app;
}
