import { formatDateTime } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { CsrfField, PostButton } from '../../../platform/views/form.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { COMMENT_MAX, type CommentRecord, type Thread } from '../domain/comments.ts';
import { documentMessages } from '../messages/index.ts';
import { languageLabel } from './labels.tsx';
import { docHref } from './document-text.tsx';
import type { DocumentView } from './model.ts';

export type CommentControls = { canComment: boolean; resolvable: ReadonlySet<number> };

function Body(props: { c: CommentRecord }) {
  return (
    <div class="comment-body" lang={props.c.lang}>
      {props.c.body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </div>
  );
}

function Byline(props: { c: CommentRecord; locale: Locale; timeZone: string }) {
  const m = documentMessages(props.locale);
  return (
    <p class="byline">
      <strong>{props.c.authorName}</strong> · <time datetime={props.c.createdAt.toISOString()}>{formatDateTime(props.locale, props.c.createdAt, props.timeZone)}</time> ·{' '}
      {m.onVersion(props.c.versionNumber)}
    </p>
  );
}

function Quote(props: { thread: Thread; locale: Locale }) {
  const q = props.thread.root.quote;
  const lang = q[props.locale] ? props.locale : (Object.keys(q) as Locale[])[0];
  if (!lang || !q[lang]) return null;
  return (
    <blockquote class="quote" lang={lang === props.locale ? undefined : lang}>
      <p>{q[lang]}</p>
    </blockquote>
  );
}

/** The form for a new comment (on a passage or the whole document) or a reply. */
export function CommentForm(props: { ctx: PageCtx; view: DocumentView; anchor: string | null; parentId: number | null; id: string; value?: string; error?: string | null }) {
  const { ctx } = props;
  const m = documentMessages(ctx.locale);
  const reply = props.parentId !== null;
  return (
    <form method="post" action={docHref(ctx, props.view, '/comments')} class="stack comment-form">
      <CsrfField value={ctx.csrf} />
      {props.anchor ? <input type="hidden" name="anchor" value={props.anchor} /> : null}
      {reply ? <input type="hidden" name="parent" value={String(props.parentId)} /> : null}
      <div class={`field${props.error ? ' has-error' : ''}`}>
        <label for={`${props.id}-body`}>{reply ? m.replyLabel : m.commentLabel}</label>
        <p class="hint" id={`${props.id}-hint`}>
          {m.commentHint}
        </p>
        {props.error ? (
          <p class="error" id={`${props.id}-error`}>
            {props.error}
          </p>
        ) : null}
        <textarea
          id={`${props.id}-body`}
          name="body"
          rows={reply ? 3 : 5}
          maxlength={COMMENT_MAX}
          required
          aria-describedby={`${props.id}-hint${props.error ? ` ${props.id}-error` : ''}`}
          aria-invalid={props.error ? 'true' : undefined}
        >
          {props.value ?? ''}
        </textarea>
      </div>
      <div class="field">
        <label for={`${props.id}-lang`}>{m.commentLanguage}</label>
        <select id={`${props.id}-lang`} name="lang">
          {(['en', 'fr'] as const).map((l) => (
            <option value={l} selected={l === ctx.locale}>
              {languageLabel(ctx.locale, l)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{reply ? m.postReply : m.postComment}</button>
    </form>
  );
}

export function ThreadView(props: { ctx: PageCtx; view: DocumentView; thread: Thread; controls: CommentControls }) {
  const { ctx, thread, view } = props;
  const m = documentMessages(ctx.locale);
  const root = thread.root;
  const tz = view.process.timeZone;
  return (
    <article class={`thread${root.resolvedAt ? ' resolved' : ''}`} id={`comment-${root.id}`} aria-labelledby={`comment-${root.id}-by`}>
      <div id={`comment-${root.id}-by`}>
        <Byline c={root} locale={ctx.locale} timeZone={tz} />
      </div>
      {thread.placement === 'earlier' ? (
        <>
          <p class="muted">{m.earlierVersion(root.versionNumber)}</p>
          <Quote thread={thread} locale={ctx.locale} />
        </>
      ) : null}
      {thread.placement === 'removed' ? (
        <>
          <p class="muted">{m.removedPassage(root.versionNumber)}</p>
          <Quote thread={thread} locale={ctx.locale} />
        </>
      ) : null}
      <Body c={root} />
      {thread.replies.length ? (
        <ol class="replies plain">
          {thread.replies.map((r) => (
            <li id={`comment-${r.id}`}>
              <Byline c={r} locale={ctx.locale} timeZone={tz} />
              <Body c={r} />
            </li>
          ))}
        </ol>
      ) : null}
      {root.resolvedAt ? <p class="badge good">{m.resolvedBy(root.resolvedByName ?? '', formatDateTime(ctx.locale, root.resolvedAt, tz))}</p> : null}
      <div class="actions">
        {props.controls.resolvable.has(root.id) ? (
          <PostButton
            action={docHref(ctx, view, `/comments/${root.id}/${root.resolvedAt ? 'reopen' : 'resolve'}`)}
            csrf={ctx.csrf}
            label={root.resolvedAt ? m.reopen : m.resolve}
            class="secondary"
          />
        ) : null}
      </div>
      {props.controls.canComment && !root.resolvedAt ? (
        <details class="reply">
          <summary>{m.reply}</summary>
          <CommentForm ctx={ctx} view={view} anchor={null} parentId={root.id} id={`reply-${root.id}`} />
        </details>
      ) : null}
    </article>
  );
}
