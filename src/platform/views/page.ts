import type { Actor } from '../../kernel/actor.ts';
import type { Locale } from '../../kernel/localized.ts';

/** What every page view needs besides its own data. Views never load data. */
export type PageCtx = {
  locale: Locale;
  actor: Actor;
  csrf: string;
  /** Current path without the locale prefix (with query), for the language switch. */
  localPath: string;
  flash: string | null;
};

/** A link inside the reader's language. */
export const href = (ctx: Pick<PageCtx, 'locale'>, path: string): string => `/${ctx.locale}${path.startsWith('/') ? path : '/' + path}`;
