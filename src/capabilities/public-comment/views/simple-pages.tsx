import { Layout } from '../../../platform/views/layout.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import { CsrfField, ErrorSummary, Input, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { Paragraphs } from '../../../platform/views/text.tsx';
import type { Localized } from '../../../kernel/localized.ts';
import { intakeMessages } from '../messages/index.ts';
import { CommentCard, PhaseLine, periodCrumbs, periodHref, type CommentView, type PeriodView } from './parts.tsx';

export function PolicyPage(props: { ctx: PageCtx; v: PeriodView; policy: Localized }) {
  const { ctx, v } = props;
  const m = intakeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.moderationPolicy} crumbs={periodCrumbs(ctx, v)}>
      <h1>{m.moderationPolicy}</h1>
      <PhaseLine ctx={ctx} v={v} />
      <Paragraphs value={props.policy} locale={ctx.locale} />
    </Layout>
  );
}

export function ReceiptPage(props: { ctx: PageCtx; v: PeriodView; receipt: string; status: CommentView['status'] }) {
  const { ctx, v } = props;
  const m = intakeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.receiptTitle} crumbs={periodCrumbs(ctx, v)}>
      <h1>{m.receiptTitle}</h1>
      <p class="receipt">{m.receiptIntro(props.receipt)}</p>
      <p>
        <strong>{m.statusLabel}:</strong> {m.statusText[props.status]}
      </p>
      <p>
        <a href={periodHref(ctx, v)}>{m.backToPeriod}</a>
      </p>
    </Layout>
  );
}

export function VerifyPage(props: { ctx: PageCtx; v: PeriodView; token: string; message?: string }) {
  const { ctx, v } = props;
  const m = intakeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.verifyTitle} crumbs={periodCrumbs(ctx, v)}>
      <h1>{m.verifyTitle}</h1>
      {props.message ? (
        <p>{props.message}</p>
      ) : (
        <>
          <p>{m.verifyIntro}</p>
          <form method="post" action={periodHref(ctx, v, `/verify/${props.token}`)}>
            <CsrfField value={ctx.csrf} />
            <button type="submit">{m.verifyButton}</button>
          </form>
        </>
      )}
      <p>
        <a href={periodHref(ctx, v)}>{m.backToPeriod}</a>
      </p>
    </Layout>
  );
}

export type ReportValues = { name: string; email: string; reason: string };

/** One comment, and the form to report it as submitted in someone else's name. */
export function CommentPage(props: { ctx: PageCtx; v: PeriodView; c: CommentView; values?: ReportValues; errors?: Record<string, AnyFieldError> }) {
  const { ctx, v, c } = props;
  const m = intakeMessages(ctx.locale);
  const labels = { name: m.reporterName, email: m.reporterEmail, reason: m.reportReason };
  return (
    <Layout ctx={ctx} title={m.commentTitle(c.receipt)} crumbs={periodCrumbs(ctx, v)}>
      <h1>{m.commentTitle(c.receipt)}</h1>
      <CommentCard ctx={ctx} v={v} c={c} link={false} />
      <section aria-labelledby="report">
        <h2 id="report">{m.reportTitle}</h2>
        <p>{m.reportIntro}</p>
        <ErrorSummary locale={ctx.locale} errors={props.errors} labels={labels} />
        <form method="post" action={periodHref(ctx, v, `/comments/${c.id}/report`)}>
          <CsrfField value={ctx.csrf} />
          <Input locale={ctx.locale} name="name" label={m.reporterName} required value={props.values?.name} error={props.errors?.name} autocomplete="name" maxlength={200} />
          <Input
            locale={ctx.locale}
            name="email"
            type="email"
            label={m.reporterEmail}
            required
            value={props.values?.email}
            error={props.errors?.email}
            autocomplete="email"
            maxlength={254}
          />
          <TextArea locale={ctx.locale} name="reason" label={m.reportReason} required value={props.values?.reason} error={props.errors?.reason} maxlength={2000} />
          <button type="submit">{m.reportSend}</button>
        </form>
      </section>
    </Layout>
  );
}
