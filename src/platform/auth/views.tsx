import { platformMessages } from '../messages/index.ts';
import { Layout } from '../views/layout.tsx';
import { CsrfField, ErrorSummary, Input, Radios } from '../views/form.tsx';
import { href, type PageCtx } from '../views/page.ts';
import type { FieldErrors } from '../http/validation.ts';

export function SignInPage(props: { ctx: PageCtx; email?: string; next?: string | null; errors?: FieldErrors | null; expired?: boolean }) {
  const { ctx } = props;
  const m = platformMessages(ctx.locale);
  const title = props.expired ? m.signInExpiredTitle : m.signInTitle;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lede">{props.expired ? m.signInExpiredBody : m.signInIntro}</p>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ email: m.emailLabel }} />
      <form method="post" action={href(ctx, '/sign-in')} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <Input locale={ctx.locale} name="email" type="email" label={m.emailLabel} value={props.email} required autocomplete="email" error={props.errors?.email} maxlength={254} />
        <button type="submit">{m.sendLink}</button>
      </form>
    </Layout>
  );
}

export function SignInSentPage(props: { ctx: PageCtx }) {
  const m = platformMessages(props.ctx.locale);
  return (
    <Layout ctx={props.ctx} title={m.signInSentTitle}>
      <h1>{m.signInSentTitle}</h1>
      {props.ctx.flash ? null : <p>{m.signInSentBody('…')}</p>}
    </Layout>
  );
}

export function VerifyPage(props: { ctx: PageCtx; token: string; email: string }) {
  const { ctx } = props;
  const m = platformMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.signInVerifyTitle}>
      <h1>{m.signInVerifyTitle}</h1>
      <p>{m.signInVerifyBody(props.email)}</p>
      <form method="post" action={href(ctx, '/sign-in/verify')}>
        <CsrfField value={ctx.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">{m.signInConfirm}</button>
      </form>
    </Layout>
  );
}

export function AccountPage(props: { ctx: PageCtx; name: string; email: string; userLocale: 'en' | 'fr'; errors?: FieldErrors | null; welcome?: boolean; next?: string | null }) {
  const { ctx } = props;
  const m = platformMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.accountTitle}>
      <h1>{props.welcome ? m.welcomeTitle : m.accountTitle}</h1>
      {props.welcome ? <p class="lede">{m.welcomeIntro}</p> : null}
      <p class="muted">{props.email}</p>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ name: m.nameLabel, locale: m.preferredLanguage }} />
      <form method="post" action={href(ctx, '/account')} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <Input locale={ctx.locale} name="name" label={m.nameLabel} hint={m.nameHint} value={props.name} required autocomplete="name" maxlength={120} error={props.errors?.name} />
        <Radios
          locale={ctx.locale}
          name="locale"
          label={m.preferredLanguage}
          value={props.userLocale}
          required
          options={[
            { value: 'en', label: 'English' },
            { value: 'fr', label: 'Français' },
          ]}
          error={props.errors?.locale}
        />
        <button type="submit">{props.welcome ? m.continue : m.save}</button>
      </form>
      <h2>{m.signOutEverywhere}</h2>
      <p>{m.sessionsNote}</p>
      <form method="post" action={href(ctx, '/sign-out/everywhere')}>
        <CsrfField value={ctx.csrf} />
        <button type="submit" class="secondary">
          {m.signOutEverywhere}
        </button>
      </form>
    </Layout>
  );
}
