import { href, type PageCtx } from '../../../platform/views/page.ts';
import { QUERY_MAX } from '../domain/query.ts';
import { searchMessages } from '../messages/index.ts';

/** A plain GET form: works without JavaScript, and a shared page carrying it stays cacheable (no token). */
export function SearchBox(props: { ctx: PageCtx; processSlug: string; id?: string; value?: string }) {
  const m = searchMessages(props.ctx.locale);
  const id = props.id ?? 'search-box';
  return (
    <form method="get" action={href(props.ctx, `/p/${props.processSlug}/search`)} role="search" class="search-box" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} for={id}>
        {m.searchTitle}
      </label>
      <div class="search-row">
        <input type="search" id={id} name="q" value={props.value ?? ''} maxlength={QUERY_MAX} autocomplete="off" />
        <button type="submit">{m.submit}</button>
      </div>
    </form>
  );
}
