import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { isLocale, type Locale } from '../../../kernel/localized.ts';
import type { AppEnv, Ctx, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, render, wantsJson } from '../../../platform/http/render.tsx';
import { checkbox, email, optionalText, parseWith, rawField } from '../../../platform/http/validation.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { submitComment } from '../commands/submit-comment.ts';
import { commentByIdempotencyKey } from '../db/comments.ts';
import { phaseAt } from '../domain/period.ts';
import { inputRefusal } from '../domain/permissions.ts';
import {
  BODY_MAX,
  MAX_ATTACHMENTS,
  NAME_MAX,
  ORGANIZATION_MAX,
  PROBLEM_FIELD,
  SIGNATORIES_MAX,
  safeFilename,
  signatoryNamesFrom,
  type Attachment,
  type SubmissionInput,
} from '../domain/submission.ts';
import { intakeMessages } from '../messages/index.ts';
import { CommentFormPage, type CommentFormValues } from '../views/comment-form-page.tsx';
import { ipOf, loadPeriod, loadPeriodForSubmission, passagesOf, periodPath, type LoadedPeriod } from './load.ts';
import { periodView } from './view-data.ts';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;
const ANCHOR = /^p\d{1,7}$/;

const schema = z.object({
  name: optionalText(NAME_MAX),
  anonymous: checkbox(),
  organization: optionalText(ORGANIZATION_MAX),
  category: z.string({ error: 'required' }).trim().min(1).max(60),
  email: z.union([z.literal('').transform(() => null), z.undefined().transform(() => null), email()]),
  lang: z.enum(['en', 'fr']),
  anchor: optionalText(12).pipe(z.union([z.null(), z.string().regex(ANCHOR, { error: 'invalidChoice' })])),
  body: z.string().trim().max(BODY_MAX).optional().default(''),
  signatories: z.union([z.undefined().transform(() => 1), z.literal('').transform(() => 1), z.coerce.number().int().min(1).max(SIGNATORIES_MAX)]),
  signatory_names: z.string().max(200_000).optional().default(''),
});

/** Absent fields (an unticked box, an empty optional field of a JSON client) read as empty. */
const BLANK = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, '']));

/** Form fields, JSON fields and uploaded files in one shape (JSON clients send no files). */
async function readSubmission(c: Ctx): Promise<{ fields: Record<string, unknown>; files: Attachment[]; fileCount: number }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/json')) {
    const json = (await c.req.json().catch(() => null)) as unknown;
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new HttpProblem('bad-request');
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
      if (typeof v === 'string') fields[k] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') fields[k] = String(v);
      else if (k === 'signatory_names' && Array.isArray(v)) fields[k] = v.filter((x) => typeof x === 'string').join('\n');
    }
    if (fields.anonymous === 'false') delete fields.anonymous;
    return { fields, files: [], fileCount: 0 };
  }
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, unknown> = {};
  const files: Attachment[] = [];
  for (const [k, v] of Object.entries(body)) {
    const values = Array.isArray(v) ? v : [v];
    if (k === 'attachments') {
      for (const f of values) {
        // An empty file input still sends one nameless, empty part.
        if (typeof f === 'string' || (f.size === 0 && !f.name)) continue;
        files.push({ filename: safeFilename(f.name), bytes: new Uint8Array(await f.arrayBuffer()) });
        if (files.length > MAX_ATTACHMENTS) break;
      }
    } else {
      const last = values[values.length - 1];
      if (typeof last === 'string') fields[k] = last;
    }
  }
  return { fields, files, fileCount: files.length };
}

export function submitRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = `${L}/p/:slug/input/:periodId{[0-9]{1,12}}`;

  const formPage = async (c: Ctx, l: LoadedPeriod, values: CommentFormValues, errors?: Record<string, AnyFieldError>, status: 200 | 413 | 422 = 200) => {
    const passages = await passagesOf(deps, l);
    const passage = values.anchor ? (passages.find((p) => p.anchor === values.anchor) ?? null) : null;
    const v = periodView(l, deps.clock.now());
    return render(
      c,
      <CommentFormPage ctx={pageCtx(c)} v={v} passages={passages} passage={errors ? null : passage} categories={l.process.stakeholderCategories} values={values} errors={errors} />,
      status,
    );
  };

  app.get(`${base}/comment`, async (c) => {
    const l = await loadPeriod(c, deps);
    if (inputRefusal({ actor: c.get('actor'), organizer: false, chair: false }, 'submit', phaseAt(l.period, deps.clock.now())))
      throw new HttpProblem('conflict', intakeMessages(c.get('locale')).closedNotice);
    const anchor = c.req.query('anchor') ?? '';
    if (anchor && !ANCHOR.test(anchor)) throw new HttpProblem('not-found');
    const passages = anchor ? await passagesOf(deps, l) : [];
    if (anchor && !passages.some((p) => p.anchor === anchor)) throw new HttpProblem('not-found');
    const values: CommentFormValues = {
      name: '',
      anonymous: false,
      organization: '',
      category: '',
      email: '',
      lang: c.get('locale'),
      anchor,
      body: '',
      signatories: '1',
      signatoryNames: '',
      idempotencyKey: randomBytes(16).toString('base64url'),
    };
    return formPage(c, l, values);
  });

  app.post(`${base}/comment`, async (c) => {
    const l = await loadPeriodForSubmission(c, deps);
    const locale = c.get('locale');
    const m = intakeMessages(locale);
    const json = wantsJson(c);
    const { fields, files } = await readSubmission(c);
    const keyRaw = c.req.header('idempotency-key') ?? rawField(fields, 'idempotency_key');
    if (keyRaw && !KEY.test(keyRaw)) throw new HttpProblem('bad-request');
    // The receipt: JSON clients get it in the answer, browsers go to its page.
    const receiptAnswer = (r: { receipt: string; status: string }, code: 200 | 201) =>
      json ? c.json({ receipt: r.receipt, status: r.status }, code) : c.redirect(periodPath(locale, l, `/receipt/${r.receipt}`), 303);
    if (phaseAt(l.period, deps.clock.now()) !== 'open') {
      // A repeat of a submission taken before the close still gets its receipt.
      const first = keyRaw ? await commentByIdempotencyKey(deps.db, l.period.id, keyRaw) : undefined;
      if (!first) throw new HttpProblem('conflict', m.closedNotice);
      return receiptAnswer(first, 200);
    }
    // Robots fill in every field; people never see this one. Nothing is stored.
    if (rawField(fields, 'website').trim()) throw new HttpProblem('bad-request', m.honeypotRefused);
    const values: CommentFormValues = {
      name: rawField(fields, 'name'),
      anonymous: ['on', 'true', '1'].includes(rawField(fields, 'anonymous')),
      organization: rawField(fields, 'organization'),
      category: rawField(fields, 'category'),
      email: rawField(fields, 'email'),
      lang: isLocale(fields.lang) ? fields.lang : locale,
      anchor: rawField(fields, 'anchor'),
      body: rawField(fields, 'body'),
      signatories: rawField(fields, 'signatories') || '1',
      signatoryNames: rawField(fields, 'signatory_names'),
      idempotencyKey: keyRaw || randomBytes(16).toString('base64url'),
    };
    const problem = (errors: Record<string, AnyFieldError>, status: 413 | 422) => {
      if (json)
        throw new HttpProblem(
          status === 413 ? 'too-large' : 'bad-request',
          Object.entries(errors)
            .map(([k, e]) => `${k}: ${'message' in e ? e.message : e.code}`)
            .join(' '),
        );
      return formPage(c, l, values, errors, status);
    };
    const parsed = parseWith(schema, { ...BLANK, ...fields });
    if (!parsed.ok) return problem(parsed.errors, 422);
    const d = parsed.data;
    const input: SubmissionInput = {
      name: d.name,
      anonymous: d.anonymous,
      organization: d.organization,
      categoryKey: d.category,
      email: d.email,
      lang: d.lang as Locale,
      body: d.body,
      anchor: d.anchor,
      signatories: d.signatories,
      signatoryNames: signatoryNamesFrom(d.signatory_names).map((n) => n.slice(0, NAME_MAX)),
      attachments: files,
    };
    const r = await submitComment(deps, l.process, l.period, input, { ip: ipOf(c, deps), idempotencyKey: keyRaw || null, locale }, deps.config.commentLimits);
    if (!r.ok) {
      switch (r.refusal) {
        case 'not-open':
          throw new HttpProblem('conflict', m.closedNotice);
        case 'rate-limited':
          throw new HttpProblem('too-many', m.rateLimited(Math.max(1, Math.ceil(r.retryAfterSeconds / 60))), r.retryAfterSeconds);
        case 'invalid': {
          const errors: Record<string, AnyFieldError> = {};
          for (const p of r.check.problems)
            errors[PROBLEM_FIELD[p]] ??= {
              message: m.problems[p] + (PROBLEM_FIELD[p] === 'attachments' && r.check.badFiles.length ? ' ' + m.badFiles(r.check.badFiles.join(', ')) : ''),
            };
          return problem(errors, r.check.problems.includes('attachment-too-large') ? 413 : 422);
        }
      }
    }
    return receiptAnswer(r.value, r.value.repeated ? 200 : 201);
  });

  return app;
}
