import type { Child } from 'hono/jsx';
import { otherLocale, type Localized } from '../../kernel/localized.ts';
import { T } from './text.tsx';
import { platformMessages } from '../messages/index.ts';
import { assetPath } from '../http/assets.ts';
import { href, type PageCtx } from './page.ts';
import { CsrfField } from './form.tsx';

/** A breadcrumb; user content (a process title) comes as Localized, so it keeps its language. */
export type Crumb = { href: string; label: string | Localized };

export function Layout(props: { ctx: PageCtx; title: string; crumbs?: Crumb[]; children?: Child; head?: Child; wide?: boolean }) {
  const { ctx } = props;
  const m = platformMessages(ctx.locale);
  const other = otherLocale(ctx.locale);
  const otherHref = `/${other}${ctx.localPath === '/' ? '/' : ctx.localPath}`;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${m.siteName}`}</title>
        <link rel="stylesheet" href={assetPath('app.css')} />
        <link rel="stylesheet" href={assetPath('print.css')} media="print" />
        <link rel="icon" href={assetPath('icon.svg')} type="image/svg+xml" />
        <link rel="alternate" hreflang={other} href={otherHref} />
        <script type="module" src={assetPath('app.js')} defer></script>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {m.skipToContent}
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href={href(ctx, '/')}>
              {m.siteName}
            </a>
            <nav aria-label={m.mainNav}>
              <ul>
                <li>
                  <a href={href(ctx, '/')}>{m.processes}</a>
                </li>
                <li>
                  <a href={otherHref} hreflang={other} lang={other} aria-label={m.otherLanguageLabel}>
                    {m.otherLanguage}
                  </a>
                </li>
                {ctx.actor.kind === 'user' ? (
                  <>
                    <li>
                      <a href={href(ctx, '/account')}>{ctx.actor.name || m.account}</a>
                    </li>
                    <li>
                      <form method="post" action={href(ctx, '/sign-out')} class="inline">
                        <CsrfField value={ctx.csrf} />
                        <button type="submit" class="link">
                          {m.signOut}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href={href(ctx, `/sign-in?next=${encodeURIComponent(`/${ctx.locale}${ctx.localPath}`)}`)}>{m.signIn}</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        {props.crumbs && props.crumbs.length > 0 ? (
          <nav class="crumbs" aria-label={m.breadcrumbs}>
            <ol>
              {props.crumbs.map((c) => (
                <li>
                  <a href={c.href}>{typeof c.label === 'string' ? c.label : <T value={c.label} locale={ctx.locale} />}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="main" tabindex={-1} class={props.wide ? 'wide' : undefined}>
          {ctx.flash ? (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site">
          <p>{m.footerLine}</p>
        </footer>
      </body>
    </html>
  );
}
