import { transact } from '../../platform/commands.ts';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { platformMessages } from '../messages/index.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { clientIp, isHttps } from '../http/middleware.ts';
import { HttpProblem } from '../http/problem.ts';
import { hit } from '../http/rate-limit.ts';
import { pageCtx, redirectWithFlash, render } from '../http/render.tsx';
import { email, parseWith, text } from '../http/validation.ts';
import { createSession, endAllSessions, endSession, SESSION_COOKIE, SESSION_DAYS } from './sessions.ts';
import { consumeSignInToken, issueSignInToken, peekSignInToken, safeNextPath, userForEmail } from './sign-in.ts';
import { AccountPage, SignInPage, SignInSentPage, VerifyPage } from './views.tsx';
import { requireUser } from './require.ts';
import { appendEvents } from '../audit/audit-log.ts';
import { L } from '../http/paths.ts';

export const SIGN_IN_LIMITS = { perEmailPerHour: 5, perIpPerHour: 30 };

export function authRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get(`${L}/sign-in`, (c) => {
    const next = safeNextPath(c.req.query('next'));
    return render(c, <SignInPage ctx={pageCtx(c)} next={next} />);
  });

  app.post(`${L}/sign-in`, async (c) => {
    const body = await c.req.parseBody();
    const next = safeNextPath(typeof body.next === 'string' ? body.next : null);
    const parsed = parseWith(z.object({ email: email() }), body);
    if (!parsed.ok) {
      return render(c, <SignInPage ctx={pageCtx(c)} email={typeof body.email === 'string' ? body.email : ''} next={next} errors={parsed.errors} />, 422);
    }
    const now = deps.clock.now();
    const address = parsed.data.email;
    for (const [key, limit] of [
      [`sign-in:ip:${clientIp(c, deps)}`, SIGN_IN_LIMITS.perIpPerHour],
      [`sign-in:email:${address}`, SIGN_IN_LIMITS.perEmailPerHour],
    ] as const) {
      const d = await hit(deps.db, key, limit, 3600, now);
      if (!d.allowed) throw new HttpProblem('too-many', undefined, d.retryAfterSeconds);
    }
    const locale = c.get('locale');
    const m = platformMessages(locale);
    const token = await issueSignInToken(deps.db, address, next, now);
    const link = `${deps.publicUrl()}/${locale}/sign-in/verify?token=${token}`;
    try {
      await deps.mailer.send({ to: address, subject: m.mailSubject, text: m.mailBody(link) });
    } catch (e) {
      deps.log.error('sign-in mail failed', e);
      throw new HttpProblem('mail-failed');
    }
    if (deps.mailer.kind === 'outbox') deps.log.info(`Sign-in link for ${address}: ${link}`);
    return redirectWithFlash(c, `/${locale}/sign-in/sent`, m.signInSentBody(address));
  });

  app.get(`${L}/sign-in/sent`, (c) => render(c, <SignInSentPage ctx={pageCtx(c)} />));

  app.get(`${L}/sign-in/verify`, async (c) => {
    const token = (c.req.query('token') ?? '').slice(0, 100);
    // A page with a button rather than signing in on GET: mail scanners that
    // follow links must not use up the single-use token. It names the account,
    // so nobody can be signed into someone else's account by a forwarded link unawares.
    const email = await peekSignInToken(deps.db, token, deps.clock.now());
    if (!email) return render(c, <SignInPage ctx={pageCtx(c)} expired />, 400);
    return render(c, <VerifyPage ctx={pageCtx(c)} token={token} email={email} />);
  });

  app.post(`${L}/sign-in/verify`, async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token : '';
    const now = deps.clock.now();
    const used = await consumeSignInToken(deps.db, token, now);
    if (!used) return render(c, <SignInPage ctx={pageCtx(c)} expired />, 400);
    const user = await userForEmail(deps.db, used.email);
    const sessionToken = await createSession(deps.db, user.id, c.req.header('user-agent') ?? null, now);
    setCookie(c, SESSION_COOKIE, sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c, deps),
      maxAge: SESSION_DAYS * 86400,
    });
    const locale = c.get('locale');
    if (user.created || !user.name) {
      const next = used.nextPath ? `&next=${encodeURIComponent(used.nextPath)}` : '';
      return c.redirect(`/${locale}/account?welcome=1${next}`, 303);
    }
    return c.redirect(used.nextPath ?? `/${locale}/`, 303);
  });

  app.post(`${L}/sign-out`, async (c) => {
    const sid = c.get('sessionId');
    if (sid) await endSession(deps.db, sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(c, `/${c.get('locale')}/`, platformMessages(c.get('locale')).signedOut);
  });

  app.post(`${L}/sign-out/everywhere`, async (c) => {
    const actor = requireUser(c);
    await endAllSessions(deps.db, actor.userId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(c, `/${c.get('locale')}/`, platformMessages(c.get('locale')).signedOutEverywhere);
  });

  const loadAccount = (userId: number) => deps.db.selectFrom('users').select(['name', 'email', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();

  app.get(`${L}/account`, async (c) => {
    const actor = requireUser(c);
    const u = await loadAccount(actor.userId);
    const welcome = c.req.query('welcome') === '1';
    const next = safeNextPath(c.req.query('next'));
    return render(c, <AccountPage ctx={pageCtx(c)} name={u.name} email={u.email} userLocale={welcome ? c.get('locale') : u.locale} welcome={welcome} next={next} />);
  });

  app.post(`${L}/account`, async (c) => {
    const actor = requireUser(c);
    const body = await c.req.parseBody();
    const parsed = parseWith(z.object({ name: text(120), locale: z.enum(['en', 'fr']) }), body);
    if (!parsed.ok) {
      const u = await loadAccount(actor.userId);
      const name = typeof body.name === 'string' ? body.name : u.name;
      const next = safeNextPath(typeof body.next === 'string' ? body.next : null);
      return render(c, <AccountPage ctx={pageCtx(c)} name={name} email={u.email} userLocale={u.locale} errors={parsed.errors} welcome={!u.name} next={next} />, 422);
    }
    await transact(deps.db, async (trx) => {
      await trx.updateTable('users').set(parsed.data).where('id', '=', actor.userId).execute();
      await appendEvents(
        trx,
        null,
        actor,
        [{ action: 'account.updated', subjectType: 'user', subjectId: String(actor.userId), data: { name: parsed.data.name } }],
        deps.clock.now(),
      );
    });
    const next = safeNextPath(typeof body.next === 'string' ? body.next : null);
    return redirectWithFlash(c, next ?? `/${c.get('locale')}/account`, platformMessages(c.get('locale')).accountSaved);
  });

  return app;
}
