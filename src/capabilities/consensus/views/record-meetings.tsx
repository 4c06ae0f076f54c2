import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T } from '../../../platform/views/text.tsx';
import type { Process } from '../../processes/index.ts';
import type { RecordMeeting } from '../commands/meetings-of-record.ts';
import { consensusMessages } from '../messages/index.ts';
import { roomMessages } from '../messages/room.ts';
import { Time } from './parts.tsx';

/** The meetings where the proposal was discussed: on their agenda, or named in the record (positions, objections, the room). */
export function RecordMeetings(props: { ctx: PageCtx; process: Process; meetings: RecordMeeting[] }) {
  const { ctx, process } = props;
  if (props.meetings.length === 0) return null;
  const m = consensusMessages(ctx.locale);
  const r = roomMessages(ctx.locale);
  return (
    <section aria-labelledby="meetings-h" id="meetings">
      <h2 id="meetings-h">{r.meetingsDiscussed}</h2>
      <ul class="plain">
        {props.meetings.map((x) => (
          <li>
            <a href={href(ctx, x.path)}>
              <T value={x.title} locale={ctx.locale} />
            </a>{' '}
            <span class="muted">
              (<Time ctx={ctx} process={process} at={x.startsAt} />)
            </span>
            {x.items.length ? (
              <ul>
                {x.items.map((i) => (
                  <li>
                    {r.onAgenda}
                    {m.colon}
                    <T value={i} locale={ctx.locale} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
