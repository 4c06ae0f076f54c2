import type { Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Checkbox, CsrfField, ErrorSummary, Input, LocalizedInputs, Radios, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { plain } from '../../../platform/views/text.tsx';
import { intakeMessages } from '../messages/index.ts';

export type ScheduleValues = {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  allowAnonymous: boolean;
  requireVerifiedEmail: boolean;
  moderation: 'pre' | 'post';
  policy: Localized;
};

export function SchedulePage(props: {
  ctx: PageCtx;
  process: { slug: string; title: Localized };
  doc: { slug: string; title: Localized };
  zones: readonly string[];
  values: ScheduleValues;
  errors?: Record<string, AnyFieldError> | undefined;
  /** Changing a scheduled period (its address), or an open one (only its end and policy, the rest shown as it stands). */
  change?: { action: string; open: boolean; opened: string } | undefined;
}) {
  const { ctx, values, errors, change } = props;
  const open = change?.open ?? false;
  const m = intakeMessages(ctx.locale);
  const docHref = href(ctx, `/p/${props.process.slug}/documents/${props.doc.slug}`);
  const labels = {
    start_date: m.startDate,
    start_time: m.startTime,
    end_date: m.endDate,
    end_time: m.endTime,
    time_zone: m.timeZone,
    moderation: m.moderation,
    policy_en: m.policy,
    policy_fr: m.policy,
  };
  const zones = props.zones.includes(values.timeZone) || !values.timeZone ? props.zones : [values.timeZone, ...props.zones];
  const title = change ? m.changeTitle : m.scheduleTitle;
  const yesNo = (b: boolean) => (b ? m.yes : m.no);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: href(ctx, `/p/${props.process.slug}`), label: props.process.title },
        { href: docHref, label: props.doc.title },
      ]}
    >
      <h1>{title}</h1>
      <p>
        <a href={docHref}>{plain(props.doc.title, ctx.locale)}</a>
      </p>
      <p>{change ? (open ? m.changeOpenIntro : m.changeIntro) : m.scheduleIntro}</p>
      {open ? (
        <dl class="facts">
          <dt>{m.opensAt}</dt>
          <dd>{change!.opened}</dd>
          <dt>{m.timeZone}</dt>
          <dd>{values.timeZone}</dd>
          <dt>{m.allowAnonymous}</dt>
          <dd>{yesNo(values.allowAnonymous)}</dd>
          <dt>{m.requireVerifiedEmail}</dt>
          <dd>{yesNo(values.requireVerifiedEmail)}</dd>
          <dt>{m.moderation}</dt>
          <dd>{values.moderation === 'pre' ? m.moderationPre : m.moderationPost}</dd>
        </dl>
      ) : null}
      <ErrorSummary locale={ctx.locale} errors={errors} labels={labels} />
      <form method="post" action={change ? change.action : href(ctx, `/p/${props.process.slug}/documents/${props.doc.slug}/input-period`)}>
        <CsrfField value={ctx.csrf} />
        {open ? null : (
          <>
            <Input locale={ctx.locale} name="start_date" type="date" label={m.startDate} required value={values.startDate} error={errors?.start_date} />
            <Input locale={ctx.locale} name="start_time" type="time" label={m.startTime} required value={values.startTime} error={errors?.start_time} />
          </>
        )}
        <Input locale={ctx.locale} name="end_date" type="date" label={m.endDate} required value={values.endDate} error={errors?.end_date} />
        <Input locale={ctx.locale} name="end_time" type="time" label={m.endTime} required value={values.endTime} error={errors?.end_time} />
        {open ? null : (
          <>
            <Select
              locale={ctx.locale}
              name="time_zone"
              label={m.timeZone}
              required
              value={values.timeZone}
              error={errors?.time_zone}
              options={zones.map((z) => ({ value: z, label: z }))}
            />
            <Checkbox locale={ctx.locale} name="allow_anonymous" label={m.allowAnonymous} checked={values.allowAnonymous} />
            <Checkbox locale={ctx.locale} name="require_verified_email" label={m.requireVerifiedEmail} checked={values.requireVerifiedEmail} />
            <Radios
              locale={ctx.locale}
              name="moderation"
              label={m.moderation}
              required
              value={values.moderation}
              error={errors?.moderation}
              options={[
                { value: 'post', label: m.moderationPost },
                { value: 'pre', label: m.moderationPre },
              ]}
            />
          </>
        )}
        <LocalizedInputs
          locale={ctx.locale}
          name="policy"
          label={m.policy}
          hint={m.policyHint}
          value={values.policy}
          errors={errors}
          multiline
          rows={8}
          maxlength={10000}
          requiredLanguages={['en', 'fr']}
        />
        <button type="submit">{change ? m.saveChanges : m.schedule}</button>
      </form>
    </Layout>
  );
}
