import type { Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { CsrfField, ErrorSummary, Input, LocalizedInputs, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import { FORMATS } from '../domain/meeting.ts';
import { meetingMessages } from '../messages/index.ts';
import { TIME_ZONES } from './when.ts';

export type MeetingFormValues = {
  body: string;
  format: string;
  title: Localized;
  description: Localized;
  date: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  place: Localized;
  onlineUrl: string;
  livestreamUrl: string;
  capacity: string;
  intervalWeeks: string;
  count: string;
};

export function MeetingFormPage(props: {
  ctx: PageCtx;
  process: Process;
  values: MeetingFormValues;
  bodies: Array<{ slug: string; name: Localized }>;
  errors?: Record<string, AnyFieldError> | null;
  /** Set when editing: the meeting's id and whether it belongs to a series. */
  editing?: { id: number; occurrence: boolean };
}) {
  const { ctx, process, values, errors, editing } = props;
  const m = meetingMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const title = editing ? m.editTitle : m.newTitle;
  const action = editing ? `/p/${process.slug}/meetings/${editing.id}/edit` : `/p/${process.slug}/meetings/new`;
  const required = process.status === 'published' ? process.officialLanguages : [];
  const zones = TIME_ZONES.includes(process.timeZone) ? TIME_ZONES : [process.timeZone, ...TIME_ZONES];
  const both = (name: string, label: string) => ({ [`${name}_en`]: `${label} (${pm.languageName.en})`, [`${name}_fr`]: `${label} (${pm.languageName.fr})` });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, `/p/${process.slug}/meetings`), label: m.meetings },
      ]}
    >
      <h1>{title}</h1>
      {editing?.occurrence ? <p class="notice">{m.editOccurrenceHint}</p> : null}
      <ErrorSummary
        locale={ctx.locale}
        errors={errors}
        labels={{
          body: m.body,
          format: m.format,
          ...both('title', m.title),
          ...both('description', m.description),
          ...both('place', m.place),
          date: m.date,
          startTime: m.startTime,
          endTime: m.endTime,
          timeZone: m.timeZone,
          onlineUrl: m.onlineUrl,
          livestreamUrl: m.livestreamUrl,
          capacity: m.capacity,
          intervalWeeks: m.repeat,
          count: m.count,
        }}
      />
      <form method="post" action={href(ctx, action)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        {editing ? null : (
          <Select
            locale={ctx.locale}
            name="body"
            label={m.body}
            required
            value={values.body}
            options={props.bodies.map((b) => ({ value: b.slug, label: plain(b.name, ctx.locale) }))}
            error={errors?.body}
          />
        )}
        <Select
          locale={ctx.locale}
          name="format"
          label={m.format}
          required
          value={values.format}
          options={FORMATS.map((f) => ({ value: f, label: m.formats[f]! }))}
          error={errors?.format}
        />
        <LocalizedInputs locale={ctx.locale} name="title" label={m.title} value={values.title} errors={errors} maxlength={200} requiredLanguages={required} />
        <LocalizedInputs
          locale={ctx.locale}
          name="description"
          label={m.description}
          hint={m.descriptionHint}
          value={values.description}
          errors={errors}
          multiline
          rows={4}
          maxlength={5000}
        />
        <div class="field-row">
          <Input locale={ctx.locale} name="date" label={m.date} hint={m.dateHint} type="date" value={values.date} required error={errors?.date} />
          <Input locale={ctx.locale} name="startTime" label={m.startTime} hint={m.timeHint} type="time" value={values.startTime} required error={errors?.startTime} />
          <Input locale={ctx.locale} name="endTime" label={m.endTime} hint={m.timeHint} type="time" value={values.endTime} required error={errors?.endTime} />
        </div>
        <Select
          locale={ctx.locale}
          name="timeZone"
          label={m.timeZone}
          required
          value={values.timeZone}
          options={zones.map((z) => ({ value: z, label: z === process.timeZone ? m.otherZone(z) : z }))}
          error={errors?.timeZone}
        />
        <LocalizedInputs locale={ctx.locale} name="place" label={m.place} hint={m.placeHint} value={values.place} errors={errors} maxlength={300} />
        <Input locale={ctx.locale} name="onlineUrl" label={m.onlineUrl} type="url" value={values.onlineUrl} maxlength={2000} error={errors?.onlineUrl} />
        <Input
          locale={ctx.locale}
          name="livestreamUrl"
          label={m.livestreamUrl}
          hint={m.livestreamHint}
          type="url"
          value={values.livestreamUrl}
          maxlength={2000}
          error={errors?.livestreamUrl}
        />
        <Input locale={ctx.locale} name="capacity" label={m.capacity} hint={m.capacityHint} inputmode="numeric" value={values.capacity} size={6} error={errors?.capacity} />
        {editing ? null : (
          <fieldset class="localized">
            <legend>{m.repeat}</legend>
            <Select
              locale={ctx.locale}
              name="intervalWeeks"
              label={m.repeatHow}
              value={values.intervalWeeks}
              options={[{ value: '', label: m.repeatNone }, ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: m.repeatEvery(n) }))]}
              error={errors?.intervalWeeks}
            />
            <Input locale={ctx.locale} name="count" label={m.count} hint={m.countHint} inputmode="numeric" value={values.count} size={4} error={errors?.count} />
          </fieldset>
        )}
        <button type="submit">{editing ? m.save : m.scheduleSubmit}</button>
      </form>
    </Layout>
  );
}
