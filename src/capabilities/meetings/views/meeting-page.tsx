import type { Child } from 'hono/jsx';
import type { Localized } from '../../../kernel/localized.ts';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { PostButton } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, plain, T } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { Recording } from '../db/queries.ts';
import type { AgendaItem } from '../domain/agenda.ts';
import type { AttendanceCounts } from '../domain/attendance.ts';
import type { Meeting } from '../domain/meeting.ts';
import type { Minutes } from '../domain/minutes.ts';
import type { SubjectStatus } from '../http/extension-types.ts';
import type { MeetingAction } from '../domain/permissions.ts';
import { meetingMessages } from '../messages/index.ts';
import { AddItemForm, AgendaList, blankItem, type AgendaFormValues } from './agenda.tsx';
import { StatusBadge } from './meeting-list.tsx';
import { AttendancePanel, MinutesSection, RecordingsPanel, RegistrationPanel, type RegistrationView } from './meeting-panels.tsx';
import { whenText } from './when.ts';

export type MeetingPageData = {
  meeting: Meeting;
  body: { slug: string; name: Localized };
  items: Array<AgendaItem & { plannedAt: Date }>;
  can: Record<MeetingAction, boolean>;
  registration: RegistrationView;
  attendance: AttendanceCounts;
  minutes: (Minutes & { updatedAt: Date }) | null;
  recordings: Recording[];
  /** Sections other capabilities add (the speaker log). */
  sections: Child[];
  /** Where the proposals and documents the agenda links to stand now (by subjectKey). */
  statuses: Map<string, SubjectStatus>;
};

export type MeetingPageForms = {
  item?: { values: AgendaFormValues; errors: Record<string, AnyFieldError> };
  recording?: { values: { url: string; language: string }; errors: Record<string, AnyFieldError> };
};

export function MeetingPage(props: { ctx: PageCtx; process: Process; data: MeetingPageData; forms?: MeetingPageForms }) {
  const { ctx, process, data } = props;
  const { meeting } = data;
  const m = meetingMessages(ctx.locale);
  const base = `/p/${process.slug}/meetings/${meeting.id}`;
  const hasPlace = !!(meeting.place.en || meeting.place.fr);
  return (
    <Layout
      ctx={ctx}
      title={plain(meeting.title, ctx.locale)}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, `/p/${process.slug}/bodies/${data.body.slug}/meetings`), label: m.meetingsOf(plain(data.body.name, ctx.locale)) },
      ]}
    >
      <p class="muted">
        {m.formats[meeting.format]} ·{' '}
        <a href={href(ctx, `/p/${process.slug}/bodies/${data.body.slug}`)}>
          <T value={data.body.name} locale={ctx.locale} />
        </a>{' '}
        <StatusBadge meeting={meeting} locale={ctx.locale} />
        {meeting.seriesId !== null ? <span class="badge">{meeting.modified ? m.occurrenceModified : m.occurrence}</span> : null}
      </p>
      <h1>
        <T value={meeting.title} locale={ctx.locale} />
      </h1>
      {meeting.status === 'cancelled' ? <p class="warning">{m.cancelledNotice}</p> : null}
      <dl class="facts">
        <dt>{m.when}</dt>
        <dd>
          <time datetime={meeting.startsAt.toISOString()}>{whenText(ctx.locale, meeting.startsAt, meeting.endsAt, meeting.timeZone)}</time>
        </dd>
        {hasPlace ? (
          <>
            <dt>{m.where}</dt>
            <dd>
              <T value={meeting.place} locale={ctx.locale} />
            </dd>
          </>
        ) : null}
        {meeting.onlineUrl ? (
          <>
            <dt>{m.online}</dt>
            <dd>
              <a href={meeting.onlineUrl} rel="nofollow noopener">
                {m.joinOnline}
              </a>
            </dd>
          </>
        ) : null}
        {meeting.livestreamUrl ? (
          <>
            <dt>{m.livestream}</dt>
            <dd>
              <a href={meeting.livestreamUrl} rel="nofollow noopener">
                {m.watchLivestream}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <div class="actions">
        {meeting.status === 'in-progress' ? (
          <a class="button" href={href(ctx, `${base}/live`)}>
            {m.followLive}
          </a>
        ) : null}
        {data.can.run && (meeting.status === 'scheduled' || meeting.status === 'in-progress') ? (
          <a class="button secondary" href={href(ctx, `${base}/console`)}>
            {m.console}
          </a>
        ) : null}
        {meeting.status !== 'cancelled' ? (
          <a class="button secondary" href={href(ctx, `${base}/meeting.ics`)} type="text/calendar" download>
            {m.addToCalendar}
          </a>
        ) : null}
        {data.can.edit && meeting.status !== 'cancelled' ? (
          <a class="button secondary" href={href(ctx, `${base}/edit`)}>
            {m.edit}
          </a>
        ) : null}
        {data.can.cancel && meeting.status === 'scheduled' ? (
          <form method="post" action={href(ctx, `${base}/cancel`)} class="inline" data-confirm={m.cancelConfirm}>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <button type="submit" class="secondary">
              {m.cancel}
            </button>
          </form>
        ) : null}
        {data.can.run && meeting.status === 'scheduled' ? <PostButton action={href(ctx, `${base}/start`)} csrf={ctx.csrf} label={m.start} /> : null}
      </div>
      <Paragraphs value={meeting.description} locale={ctx.locale} />
      <div class="cols">
        <div>
          <section aria-labelledby="agenda-h">
            <h2 id="agenda-h">{m.agenda}</h2>
            <AgendaList
              ctx={ctx}
              process={process}
              meeting={meeting}
              items={data.items}
              canManage={data.can['manage-agenda']}
              current={meeting.status === 'in-progress' ? meeting.currentItemId : null}
              statuses={data.statuses}
            />
            {data.can['manage-agenda'] && meeting.status !== 'ended' && meeting.status !== 'cancelled' ? (
              <AddItemForm ctx={ctx} process={process} meeting={meeting} values={props.forms?.item?.values ?? blankItem} errors={props.forms?.item?.errors} />
            ) : null}
          </section>
          <MinutesSection ctx={ctx} process={process} meeting={meeting} minutes={data.minutes} canEdit={data.can['edit-minutes']} canApprove={data.can['approve-minutes']} />
          {data.sections}
        </div>
        <div>
          {meeting.status !== 'cancelled' && !(meeting.status === 'ended' && data.registration.counts.inPerson + data.registration.counts.online === 0) ? (
            <RegistrationPanel ctx={ctx} process={process} meeting={meeting} reg={data.registration} />
          ) : null}
          <AttendancePanel ctx={ctx} process={process} meeting={meeting} counts={data.attendance} canTake={data.can['take-attendance']} />
          <RecordingsPanel
            ctx={ctx}
            process={process}
            meeting={meeting}
            recordings={data.recordings}
            canManage={data.can['manage-recordings']}
            errors={props.forms?.recording?.errors}
            values={props.forms?.recording?.values}
          />
        </div>
      </div>
    </Layout>
  );
}
