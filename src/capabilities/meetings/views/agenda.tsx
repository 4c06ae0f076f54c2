import type { Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { CsrfField, ErrorSummary, Input, LocalizedInputs, PostButton, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { AgendaItem, AgendaLink } from '../domain/agenda.ts';
import { subjectKey, subjectOf } from '../domain/subjects.ts';
import type { SubjectStatus } from '../http/extension-types.ts';
import type { Meeting } from '../domain/meeting.ts';
import { meetingMessages } from '../messages/index.ts';
import { timeText } from './when.ts';

export type AgendaFormValues = { title: Localized; durationMinutes: string; presenter: string; links: string };
export const blankItem: AgendaFormValues = { title: {}, durationMinutes: '15', presenter: '', links: '' };

/** A page of this site is linked in the reader's language, whichever language it was typed in. */
const inReaderLanguage = (url: string, locale: string) => url.replace(/^\/(en|fr)\//, `/${locale}/`);

/** Links to what an item discusses; a proposal or document of the process shows where it stands now. */
export function AgendaLinks(props: { ctx: PageCtx; process: Process; links: readonly AgendaLink[]; statuses?: Map<string, SubjectStatus> }) {
  const { ctx, process } = props;
  const m = meetingMessages(ctx.locale);
  if (props.links.length === 0) return null;
  return (
    <ul class="links">
      {props.links.map((l) => {
        const subject = subjectOf(l.url, process.slug);
        const status = subject ? props.statuses?.get(subjectKey(subject)) : undefined;
        return (
          <li>
            <a href={inReaderLanguage(l.url, ctx.locale)} rel={l.url.startsWith('/') ? undefined : 'nofollow noopener'}>
              {l.label || l.url}
            </a>
            {status ? (
              <>
                {' '}
                <span class="badge subject-status">
                  <span class="visually-hidden">{m.subjectStatus}</span>
                  <T value={status.status} locale={ctx.locale} />
                </span>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The agenda: planned times from the meeting's start, presenters, links to what is discussed. */
export function AgendaList(props: {
  ctx: PageCtx;
  process: Process;
  meeting: Meeting;
  items: Array<AgendaItem & { plannedAt: Date }>;
  canManage: boolean;
  current?: number | null;
  statuses?: Map<string, SubjectStatus>;
}) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  const base = `/p/${process.slug}/meetings/${meeting.id}/agenda`;
  const editable = props.canManage && meeting.status !== 'ended' && meeting.status !== 'cancelled';
  if (props.items.length === 0) return <p class="muted">{m.noAgenda}</p>;
  return (
    <ol class="agenda">
      {props.items.map((i, n) => (
        <li id={`item-${i.id}`} class={i.id === props.current ? 'current' : undefined} aria-current={i.id === props.current ? 'step' : undefined}>
          <p class="when">
            <time datetime={i.plannedAt.toISOString()}>{timeText(ctx.locale, i.plannedAt, meeting.timeZone)}</time> · {m.minutesShort(i.durationMinutes)}
          </p>
          <p class="title">
            <T value={i.title} locale={ctx.locale} />
          </p>
          {i.presenter ? <p class="muted">{m.presentedBy(i.presenter)}</p> : null}
          <AgendaLinks ctx={ctx} process={process} links={i.links} statuses={props.statuses} />
          {editable ? (
            <div class="actions small">
              {n > 0 ? <PostButton action={href(ctx, `${base}/${i.id}/move`)} csrf={ctx.csrf} label={m.moveUp} class="secondary" hidden={{ direction: 'up' }} /> : null}
              {n < props.items.length - 1 ? (
                <PostButton action={href(ctx, `${base}/${i.id}/move`)} csrf={ctx.csrf} label={m.moveDown} class="secondary" hidden={{ direction: 'down' }} />
              ) : null}
              <a class="button secondary" href={href(ctx, `${base}/${i.id}/edit`)}>
                {m.edit}
                <span class="visually-hidden">: {plain(i.title, ctx.locale)}</span>
              </a>
              {meeting.status === 'scheduled' ? <PostButton action={href(ctx, `${base}/${i.id}/remove`)} csrf={ctx.csrf} label={m.removeItem} class="secondary" /> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function AgendaFields(props: { ctx: PageCtx; process: Process; values: AgendaFormValues; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, values, errors } = props;
  const m = meetingMessages(ctx.locale);
  const required = props.process.status === 'published' ? props.process.officialLanguages : [];
  return (
    <>
      <LocalizedInputs locale={ctx.locale} name="title" label={m.itemTitle} value={values.title} errors={errors} maxlength={300} requiredLanguages={required} />
      <Input locale={ctx.locale} name="durationMinutes" label={m.duration} inputmode="numeric" value={values.durationMinutes} size={5} required error={errors?.durationMinutes} />
      <Input locale={ctx.locale} name="presenter" label={m.presenter} value={values.presenter} maxlength={200} error={errors?.presenter} />
      <TextArea locale={ctx.locale} name="links" label={m.linksField} hint={m.linksHint} value={values.links} rows={3} maxlength={20000} error={errors?.links} />
    </>
  );
}

export const agendaLabels = (locale: 'en' | 'fr') => {
  const m = meetingMessages(locale);
  const pm = platformMessages(locale);
  return {
    title_en: `${m.itemTitle} (${pm.languageName.en})`,
    title_fr: `${m.itemTitle} (${pm.languageName.fr})`,
    durationMinutes: m.duration,
    presenter: m.presenter,
    links: m.linksField,
  };
};

/** The form to add an item, on the meeting page. */
export function AddItemForm(props: { ctx: PageCtx; process: Process; meeting: Meeting; values: AgendaFormValues; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  return (
    <details class="add-item" open={props.errors ? true : undefined}>
      <summary>{m.addItem}</summary>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={agendaLabels(ctx.locale)} />
      <form method="post" action={href(ctx, `/p/${process.slug}/meetings/${meeting.id}/agenda`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <AgendaFields ctx={ctx} process={process} values={props.values} errors={props.errors} />
        <button type="submit">{m.addItemSubmit}</button>
      </form>
    </details>
  );
}

export function EditItemPage(props: { ctx: PageCtx; process: Process; meeting: Meeting; itemId: number; values: AgendaFormValues; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  const page = `/p/${process.slug}/meetings/${meeting.id}`;
  return (
    <Layout
      ctx={ctx}
      title={m.editItem}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, page), label: plain(meeting.title, ctx.locale) },
      ]}
    >
      <h1>{m.editItem}</h1>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={agendaLabels(ctx.locale)} />
      <form method="post" action={href(ctx, `${page}/agenda/${props.itemId}/edit`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <AgendaFields ctx={ctx} process={process} values={props.values} errors={props.errors} />
        <button type="submit">{m.save}</button>
      </form>
    </Layout>
  );
}
