import { HTTPException } from 'hono/http-exception';
import { platformMessages } from '../messages/index.ts';
import { MessagePage } from '../views/message-page.tsx';
import { href } from '../views/page.ts';
import type { Ctx, Deps } from './context.ts';
import { HttpProblem, type ProblemKind } from './problem.ts';
import { pageCtx, render, wantsJson } from './render.tsx';
import { anonymous } from '../../kernel/actor.ts';

function words(c: Ctx, kind: ProblemKind | 'server', retryAfter?: number): { title: string; body: string } {
  const m = platformMessages(c.get('locale') ?? 'en');
  switch (kind) {
    case 'bad-request':
      return { title: m.badRequestTitle, body: m.badRequestBody };
    case 'sign-in':
      return { title: m.signInRequiredTitle, body: m.signInRequiredBody };
    case 'forbidden':
      return { title: m.forbiddenTitle, body: m.forbiddenBody };
    case 'not-found':
      return { title: m.notFoundTitle, body: m.notFoundBody };
    case 'conflict':
      return { title: m.conflictTitle, body: m.conflictBody };
    case 'csrf':
      return { title: m.csrfTitle, body: m.csrfBody };
    case 'too-large':
      return { title: m.tooLargeTitle, body: m.tooLargeBody };
    case 'too-many':
      return { title: m.tooManyTitle, body: m.tooManyBody(Math.max(1, Math.ceil((retryAfter ?? 60) / 60))) };
    case 'mail-failed':
      return { title: m.mailFailedTitle, body: m.mailFailedBody };
    case 'server':
      return { title: m.serverErrorTitle, body: m.serverErrorBody };
  }
}

const KIND_BY_STATUS: Record<number, ProblemKind> = { 400: 'bad-request', 401: 'sign-in', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 413: 'too-large', 429: 'too-many' };

/** Every failure becomes a page (or RFC 9457 JSON problem) in the reader's language. */
export async function renderProblem(c: Ctx, err: unknown, deps: Deps): Promise<Response> {
  let problem: HttpProblem;
  if (err instanceof HttpProblem) problem = err;
  else if (err instanceof HTTPException && KIND_BY_STATUS[err.status]) problem = new HttpProblem(KIND_BY_STATUS[err.status]!);
  else if (isClientBodyError(err) || isDataException(err)) problem = new HttpProblem('bad-request');
  // Two requests that collided (deadlock, serialization): nothing was saved; try again.
  else if (isCollision(err)) problem = new HttpProblem('conflict');
  else {
    deps.log.error(`${c.req.method} ${c.req.path} failed:`, err);
    problem = null as unknown as HttpProblem;
  }
  // Errors raised before the locale middleware (a body over the limit) still speak the page's language.
  if (!c.get('locale')) c.set('locale', /^\/fr(\/|$)/.test(c.req.path) ? 'fr' : 'en');
  if (!c.get('actor')) c.set('actor', anonymous);
  if (c.get('localPath') === undefined) c.set('localPath', '/');
  if (c.get('flash') === undefined) c.set('flash', null);
  const status = (problem?.status ?? 500) as 400;
  const w = words(c, problem?.kind ?? 'server', problem?.retryAfterSeconds);
  const detail = problem?.detail ?? w.body;
  if (problem?.retryAfterSeconds) c.header('Retry-After', String(problem.retryAfterSeconds));
  if (wantsJson(c)) {
    c.header('Content-Type', 'application/problem+json; charset=utf-8');
    c.header('Content-Language', c.get('locale'));
    return c.body(JSON.stringify({ type: `about:blank`, title: w.title, status, detail, kind: problem?.kind ?? 'server' }), status);
  }
  const ctx = pageCtx(c);
  const signIn = problem?.kind === 'sign-in';
  return render(
    c,
    <MessagePage ctx={ctx} title={w.title} body={detail}>
      {signIn ? (
        <p>
          <a class="button" href={href(ctx, `/sign-in?next=${encodeURIComponent(c.req.method === 'GET' ? c.req.path : `/${ctx.locale}/`)}`)}>
            {platformMessages(ctx.locale).signIn}
          </a>
        </p>
      ) : null}
    </MessagePage>,
    status,
  );
}

function isCollision(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === '40P01' || code === '40001';
}

/** PostgreSQL class 22 (data exception: a value it cannot store) means input got past validation: still the client's. */
function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/** Malformed bodies (bad JSON, broken multipart) are the client's error, not ours. */
function isClientBodyError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err instanceof SyntaxError || /Malformed|Unexpected end of form|Invalid (form|multipart)|URI malformed|Failed to parse body/i.test(err.message) || err.name === 'URIError';
}
