import { formatDate, formatNumber } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { CsrfField, ErrorSummary, Input, PostButton, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, TableWrap } from '../../../platform/views/text.tsx';
import { categoryLabel, type Process } from '../../processes/index.ts';
import type { Recording } from '../db/queries.ts';
import type { AttendanceCounts } from '../domain/attendance.ts';
import type { Meeting } from '../domain/meeting.ts';
import type { Minutes } from '../domain/minutes.ts';
import type { RegistrationMode } from '../domain/registration.ts';
import { meetingMessages } from '../messages/index.ts';

export type RegistrationView = {
  modes: RegistrationMode[];
  mine: RegistrationMode | null;
  counts: { inPerson: number; online: number };
  seatsLeft: number | null;
  /** Whether the reader can register at all: 'yes', or why not. */
  state: 'yes' | 'sign-in' | 'join' | 'over';
};

export function RegistrationPanel(props: { ctx: PageCtx; process: Process; meeting: Meeting; reg: RegistrationView }) {
  const { ctx, process, meeting, reg } = props;
  const m = meetingMessages(ctx.locale);
  const action = href(ctx, `/p/${process.slug}/meetings/${meeting.id}/register`);
  const word = (mode: RegistrationMode) => (mode === 'in-person' ? m.modeInPerson : m.modeOnline);
  return (
    <section aria-labelledby="registration-h" class="panel">
      <h2 id="registration-h">{m.registration}</h2>
      <p>{m.registeredCounts(reg.counts.inPerson, reg.counts.online)}</p>
      {reg.seatsLeft !== null && reg.modes.includes('in-person') ? <p class="muted">{m.seatsLeft(reg.seatsLeft)}</p> : null}
      {reg.state === 'sign-in' ? (
        <p>
          <a href={href(ctx, `/sign-in?next=${encodeURIComponent(`/${ctx.locale}/p/${process.slug}/meetings/${meeting.id}`)}`)}>{m.signInToRegister}</a>
        </p>
      ) : null}
      {reg.state === 'join' ? (
        <p>
          <a href={href(ctx, `/p/${process.slug}/join`)}>{m.joinToRegister}</a>
        </p>
      ) : null}
      {reg.state === 'yes' ? (
        <>
          {reg.mine ? <p class="badge good">{m.registeredAs(word(reg.mine))}</p> : null}
          <div class="actions">
            {reg.modes
              .filter((mode) => mode !== reg.mine)
              .map((mode) => (
                <PostButton
                  action={action}
                  csrf={ctx.csrf}
                  hidden={{ mode }}
                  label={reg.mine ? (mode === 'in-person' ? m.switchInPerson : m.switchOnline) : mode === 'in-person' ? m.registerInPerson : m.registerOnline}
                  class={reg.mine ? 'secondary' : undefined}
                />
              ))}
            {reg.mine ? <PostButton action={action} csrf={ctx.csrf} hidden={{ mode: 'cancel' }} label={m.cancelRegistration} class="secondary" /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

export function AttendancePanel(props: { ctx: PageCtx; process: Process; meeting: Meeting; counts: AttendanceCounts; canTake: boolean }) {
  const { ctx, process, meeting, counts } = props;
  const m = meetingMessages(ctx.locale);
  if (meeting.status === 'scheduled' || meeting.status === 'cancelled') return null;
  return (
    <section aria-labelledby="attendance-h" class="panel">
      <h2 id="attendance-h">{m.attendance}</h2>
      {counts.total === 0 ? <p class="muted">{m.noAttendance}</p> : <p>{m.attendanceCounts(counts.inRoom, counts.online)}</p>}
      {counts.total > 0 ? (
        <TableWrap label={m.byCategory}>
          <table>
            <caption>{m.byCategory}</caption>
            <thead>
              <tr>
                <th scope="col">{m.category}</th>
                <th scope="col" class="num">
                  {m.inRoom}
                </th>
                <th scope="col" class="num">
                  {m.onlineMark}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.byCategory.map((r) => (
                <tr>
                  <th scope="row">{plain(categoryLabel(process, r.key), ctx.locale)}</th>
                  <td class="num">{formatNumber(ctx.locale, r.inRoom)}</td>
                  <td class="num">{formatNumber(ctx.locale, r.online)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {props.canTake ? (
        <p>
          <a class="button secondary" href={href(ctx, `/p/${process.slug}/meetings/${meeting.id}/attendance`)}>
            {m.takeAttendance}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function RecordingsPanel(props: {
  ctx: PageCtx;
  process: Process;
  meeting: Meeting;
  recordings: Recording[];
  canManage: boolean;
  errors?: Record<string, AnyFieldError> | null;
  values?: { url: string; language: string };
}) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  const base = `/p/${process.slug}/meetings/${meeting.id}/recordings`;
  const held = meeting.status === 'in-progress' || meeting.status === 'ended';
  if (!held && props.recordings.length === 0) return null;
  return (
    <section aria-labelledby="recordings-h" class="panel">
      <h2 id="recordings-h">{m.recordings}</h2>
      {props.recordings.length === 0 ? <p class="muted">{m.noRecordings}</p> : null}
      <ul class="plain">
        {props.recordings.map((r) => (
          <li>
            <a href={r.url} rel="nofollow noopener" hreflang={r.language === 'floor' ? undefined : r.language}>
              {m.recordingIn[r.language]}
            </a>
            {props.canManage ? (
              <>
                {' '}
                <PostButton action={href(ctx, `${base}/${r.id}/remove`)} csrf={ctx.csrf} label={m.removeRecording} class="link" />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {props.canManage && held ? (
        <details open={props.errors ? true : undefined}>
          <summary>{m.addRecording}</summary>
          <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ url: m.recordingUrl, language: m.recordingLanguage }} />
          <form method="post" action={href(ctx, base)} class="stack" novalidate>
            <CsrfField value={ctx.csrf} />
            <Input locale={ctx.locale} name="url" label={m.recordingUrl} type="url" required value={props.values?.url ?? ''} maxlength={2000} error={props.errors?.url} />
            <Select
              locale={ctx.locale}
              name="language"
              label={m.recordingLanguage}
              required
              value={props.values?.language ?? 'floor'}
              options={(['floor', 'en', 'fr'] as const).map((l) => ({ value: l, label: m.recordingIn[l]! }))}
              error={props.errors?.language}
            />
            <button type="submit">{m.addRecordingSubmit}</button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** Minutes as stored HTML (rendered and sanitized when saved), with their state. */
export function MinutesSection(props: {
  ctx: PageCtx;
  process: Process;
  meeting: Meeting;
  minutes: (Minutes & { updatedAt: Date }) | null;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const { ctx, process, meeting, minutes } = props;
  const m = meetingMessages(ctx.locale);
  const base = `/p/${process.slug}/meetings/${meeting.id}/minutes`;
  const held = meeting.status === 'in-progress' || meeting.status === 'ended';
  if (!held && !minutes) return null;
  const shown = pickHtml(minutes?.html ?? {}, ctx.locale);
  return (
    <section aria-labelledby="minutes-h">
      <h2 id="minutes-h">
        {m.minutes} {minutes ? <span class={`badge${minutes.status === 'approved' ? ' good' : ' warn'}`}>{minutes.status === 'approved' ? m.approved : m.draft}</span> : null}
      </h2>
      {!minutes ? <p class="muted">{m.noMinutes}</p> : null}
      {minutes?.status === 'draft' ? <p class="hint">{m.draftNotice}</p> : null}
      {minutes?.approvedAt ? <p class="muted">{m.approvedOn(formatDate(ctx.locale, minutes.approvedAt, meeting.timeZone))}</p> : null}
      {shown ? (
        <div class="prose minutes" lang={shown.lang === ctx.locale ? undefined : shown.lang}>
          {shown.lang === ctx.locale ? null : <p class="untranslated">{shown.notice}</p>}
          <div dangerouslySetInnerHTML={{ __html: shown.html }} />
        </div>
      ) : null}
      <div class="actions">
        {props.canEdit && held ? (
          <a class="button secondary" href={href(ctx, base)}>
            {minutes ? m.editMinutes : m.writeMinutes}
          </a>
        ) : null}
        {props.canApprove && minutes?.status === 'draft' && meeting.status === 'ended' ? (
          <PostButton action={href(ctx, `${base}/approve`)} csrf={ctx.csrf} label={m.approveMinutes} />
        ) : null}
      </div>
    </section>
  );
}

function pickHtml(html: Localized, locale: 'en' | 'fr'): { html: string; lang: 'en' | 'fr'; notice: string } | null {
  const other = locale === 'en' ? 'fr' : 'en';
  if (html[locale]) return { html: html[locale]!, lang: locale, notice: '' };
  if (html[other]) return { html: html[other]!, lang: other, notice: platformMessages(locale).notYetTranslated };
  return null;
}
