import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { CsrfField } from '../../../platform/views/form.tsx';
import { intakeMessages } from '../messages/index.ts';
import { CommentCard, PhaseLine, periodCrumbs, periodHref, type CommentView, type PeriodView } from './parts.tsx';

export type ModerationData = {
  counts: Record<CommentView['status'], number>;
  pending: CommentView[];
  published: CommentView[];
  reports: { id: number; commentId: number; receipt: string; reporterName: string; reason: string }[];
  error?: { commentId: number; message: string } | undefined;
};

function HideForm(props: { ctx: PageCtx; v: PeriodView; c: CommentView; error?: string | undefined }) {
  const { ctx, v, c } = props;
  const m = intakeMessages(ctx.locale);
  const id = `reason-${c.id}`;
  return (
    <form method="post" action={periodHref(ctx, v, `/moderation/comments/${c.id}`)} class="moderate">
      <CsrfField value={ctx.csrf} />
      <input type="hidden" name="action" value="hide" />
      <div class={`field${props.error ? ' has-error' : ''}`}>
        <label for={id}>{m.hideReason}</label>
        {props.error ? (
          <p class="error" id={`${id}-error`}>
            {props.error}
          </p>
        ) : null}
        <input type="text" id={id} name="reason" maxlength={1000} aria-describedby={props.error ? `${id}-error` : undefined} aria-invalid={props.error ? 'true' : undefined} />
      </div>
      <button type="submit">
        {m.hide}
        <span class="visually-hidden"> {c.receipt}</span>
      </button>
    </form>
  );
}

/** The moderators' queue: comments waiting for approval, recent ones to hide if needed, and reports of impersonation. */
export function ModerationPage(props: { ctx: PageCtx; v: PeriodView; data: ModerationData }) {
  const { ctx, v, data } = props;
  const m = intakeMessages(ctx.locale);
  const errorFor = (c: CommentView) => (data.error?.commentId === c.id ? data.error.message : undefined);
  return (
    <Layout ctx={ctx} title={m.moderationTitle} crumbs={periodCrumbs(ctx, v)}>
      <h1>{m.moderationTitle}</h1>
      <PhaseLine ctx={ctx} v={v} />
      <p>
        {m.moderationIntro(m.moderationPolicy.toLowerCase())} <a href={periodHref(ctx, v, '/policy')}>{m.moderationPolicy}</a>
      </p>
      <p>{m.counts(data.counts.pending, data.counts.unverified, data.counts.published, data.counts.hidden)}</p>
      <section aria-labelledby="pending">
        <h2 id="pending">{m.pendingTitle}</h2>
        {data.pending.length === 0 ? <p>{m.nothingPending}</p> : null}
        {data.pending.map((c) => (
          <div class="moderation-item">
            <CommentCard ctx={ctx} v={v} c={c} link={false} />
            <form method="post" action={periodHref(ctx, v, `/moderation/comments/${c.id}`)} class="inline">
              <CsrfField value={ctx.csrf} />
              <input type="hidden" name="action" value="approve" />
              <button type="submit">
                {m.approve}
                <span class="visually-hidden"> {c.receipt}</span>
              </button>
            </form>
            <HideForm ctx={ctx} v={v} c={c} error={errorFor(c)} />
          </div>
        ))}
      </section>
      <section aria-labelledby="reports">
        <h2 id="reports">{m.reportsTitle}</h2>
        {data.reports.length === 0 ? <p>{m.noReports}</p> : null}
        {data.reports.map((r) => (
          <div class="moderation-item">
            <p>
              <a href={periodHref(ctx, v, `/comments/${r.commentId}`)}>
                {m.receiptLabel} {r.receipt}
              </a>{' '}
              · {m.reportBy(r.reporterName)}
            </p>
            <blockquote>
              <p>{r.reason}</p>
            </blockquote>
            <form method="post" action={periodHref(ctx, v, `/moderation/reports/${r.id}`)}>
              <CsrfField value={ctx.csrf} />
              <div class="field">
                <label for={`note-${r.id}`}>{m.note}</label>
                <input type="text" id={`note-${r.id}`} name="note" maxlength={1000} />
              </div>
              <button type="submit" name="decision" value="uphold">
                {m.uphold}
              </button>{' '}
              <button type="submit" name="decision" value="dismiss">
                {m.dismiss}
              </button>
            </form>
          </div>
        ))}
      </section>
      <section aria-labelledby="published">
        <h2 id="published">{m.publishedTitle}</h2>
        {data.published.map((c) => (
          <div class="moderation-item">
            <CommentCard ctx={ctx} v={v} c={c} link={false} />
            <HideForm ctx={ctx} v={v} c={c} error={errorFor(c)} />
          </div>
        ))}
      </section>
    </Layout>
  );
}
