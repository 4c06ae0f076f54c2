import type { Locale } from '../../../kernel/localized.ts';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T } from '../../../platform/views/text.tsx';
import type { Process } from '../../processes/index.ts';
import type { MeetingListing } from '../db/queries.ts';
import type { Meeting } from '../domain/meeting.ts';
import { meetingMessages } from '../messages/index.ts';
import { whenText } from './when.ts';

export function StatusBadge(props: { meeting: Pick<Meeting, 'status'>; locale: Locale }) {
  const m = meetingMessages(props.locale);
  const s = props.meeting.status;
  if (s === 'scheduled') return null;
  return <span class={`badge${s === 'in-progress' ? ' good' : s === 'cancelled' ? ' bad' : ''}`}>{m.status[s]}</span>;
}

/** Meetings as a list: when (in their own zone), title, format, body. */
export function MeetingList(props: { ctx: PageCtx; process: Process; meetings: MeetingListing[]; showBody: boolean; headingLevel?: 3 | 4 }) {
  const { ctx, process } = props;
  const m = meetingMessages(ctx.locale);
  return (
    <ul class="meetings">
      {props.meetings.map((x) => (
        <li class={x.status === 'cancelled' ? 'cancelled' : undefined}>
          <p class="when">
            <time datetime={x.startsAt.toISOString()}>{whenText(ctx.locale, x.startsAt, x.endsAt, x.timeZone)}</time> <StatusBadge meeting={x} locale={ctx.locale} />
          </p>
          <p class="title">
            <a href={href(ctx, `/p/${process.slug}/meetings/${x.id}`)}>
              <T value={x.title} locale={ctx.locale} />
            </a>
          </p>
          <p class="muted">
            {m.formats[x.format]}
            {props.showBody ? (
              <>
                {' · '}
                <T value={x.bodyName} locale={ctx.locale} />
              </>
            ) : null}
            {x.status === 'in-progress' ? (
              <>
                {' · '}
                <a href={href(ctx, `/p/${process.slug}/meetings/${x.id}/live`)}>{m.enterLiveRoom}</a>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
