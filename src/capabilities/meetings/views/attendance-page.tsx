import { CsrfField, ErrorSummary, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, TableWrap } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { AttendanceMode } from '../domain/attendance.ts';
import type { Meeting } from '../domain/meeting.ts';
import { meetingMessages } from '../messages/index.ts';

export type AttendanceLine = { participantId: number; displayName: string; category: string; registered: string | null; mark: AttendanceMode | 'absent' };

/** One row per person, three choices each; registered people first, then anyone else marked present. */
export function AttendancePage(props: {
  ctx: PageCtx;
  process: Process;
  meeting: Meeting;
  lines: AttendanceLine[];
  others: Array<{ id: number; displayName: string }>;
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  const page = `/p/${process.slug}/meetings/${meeting.id}`;
  const marks = [
    ['in-room', m.inRoom],
    ['online', m.onlineMark],
    ['absent', m.absent],
  ] as const;
  return (
    <Layout
      ctx={ctx}
      title={m.attendanceTitle}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, page), label: plain(meeting.title, ctx.locale) },
      ]}
    >
      <h1>{m.attendanceTitle}</h1>
      <p class="lede">{m.attendanceIntro}</p>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={{ _form: m.attendance, extra: m.addPerson }} />
      <form method="post" action={href(ctx, `${page}/attendance`)} novalidate>
        <CsrfField value={ctx.csrf} />
        <TableWrap label={m.attendance}>
          <table class="attendance">
            <caption class="visually-hidden">{m.attendance}</caption>
            <thead>
              <tr>
                <th scope="col">{m.participant}</th>
                <th scope="col">{m.category}</th>
                {marks.map(([, label]) => (
                  <th scope="col">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.lines.map((l) => (
                <tr>
                  <th scope="row" id={`p-${l.participantId}`}>
                    {l.displayName}
                    {l.registered ? <span class="muted"> · {l.registered}</span> : null}
                  </th>
                  <td>{l.category}</td>
                  {marks.map(([value, label]) => (
                    <td>
                      <input
                        type="radio"
                        name={`mark_${l.participantId}`}
                        value={value}
                        checked={l.mark === value}
                        id={`mark-${l.participantId}-${value}`}
                        aria-label={`${label}: ${l.displayName}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <div class="stack">
          <Select
            locale={ctx.locale}
            name="extra"
            label={m.addPerson}
            value=""
            options={[{ value: '', label: m.nobody }, ...props.others.map((o) => ({ value: String(o.id), label: o.displayName }))]}
            error={props.errors?.extra}
          />
          <Select
            locale={ctx.locale}
            name="extraMode"
            label={m.attendance}
            value="in-room"
            options={[
              { value: 'in-room', label: m.inRoom },
              { value: 'online', label: m.onlineMark },
            ]}
          />
          <button type="submit">{m.saveAttendance}</button>
        </div>
      </form>
    </Layout>
  );
}
