import type { Localized } from '../../../kernel/localized.ts';
import { CsrfField, ErrorSummary, LocalizedInputs, type AnyFieldError } from '../../../platform/views/form.tsx';
import { platformMessages } from '../../../platform/messages/index.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { Meeting } from '../domain/meeting.ts';
import { meetingMessages } from '../messages/index.ts';

/** Minutes in Markdown per language; a first draft starts from the agenda and the speaker log. */
export function MinutesPage(props: { ctx: PageCtx; process: Process; meeting: Meeting; values: Localized; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const page = `/p/${process.slug}/meetings/${meeting.id}`;
  return (
    <Layout
      ctx={ctx}
      title={m.minutesTitle}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, page), label: plain(meeting.title, ctx.locale) },
      ]}
    >
      <h1>{m.minutesTitle}</h1>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ minutes_en: `${m.minutes} (${pm.languageName.en})`, minutes_fr: `${m.minutes} (${pm.languageName.fr})` }} />
      <form method="post" action={href(ctx, `${page}/minutes`)} class="stack wide-form" novalidate>
        <CsrfField value={ctx.csrf} />
        <LocalizedInputs
          locale={ctx.locale}
          name="minutes"
          label={m.minutes}
          hint={m.minutesHint}
          value={props.values}
          errors={props.errors}
          multiline
          rows={16}
          maxlength={200000}
        />
        <button type="submit">{m.saveMinutes}</button>
      </form>
    </Layout>
  );
}
