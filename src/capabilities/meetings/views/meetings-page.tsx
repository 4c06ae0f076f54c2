import type { Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { MeetingListing } from '../db/queries.ts';
import { meetingMessages } from '../messages/index.ts';
import { MeetingList } from './meeting-list.tsx';

export type MeetingsPageData = {
  inProgress: MeetingListing[];
  upcoming: MeetingListing[];
  past: MeetingListing[];
  /** Set for a body's page. */
  body: { slug: string; name: Localized } | null;
  canSchedule: boolean;
};

/** Upcoming and past meetings of a process, or of one body, with the calendar feed to subscribe to. */
export function MeetingsPage(props: { ctx: PageCtx; process: Process; data: MeetingsPageData }) {
  const { ctx, process, data } = props;
  const m = meetingMessages(ctx.locale);
  const base = data.body ? `/p/${process.slug}/bodies/${data.body.slug}` : `/p/${process.slug}`;
  const title = data.body ? m.meetingsOf(plain(data.body.name, ctx.locale)) : m.meetings;
  const crumbs = [
    { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
    { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
    ...(data.body ? [{ href: href(ctx, base), label: plain(data.body.name, ctx.locale) }] : []),
  ];
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <h1>{data.body ? m.meetingsOf(plain(data.body.name, ctx.locale)) : <T value={process.title} locale={ctx.locale} />}</h1>
      {data.body ? null : <p class="lede">{m.meetings}</p>}
      <div class="actions">
        {data.canSchedule ? (
          <a class="button" href={href(ctx, `/p/${process.slug}/meetings/new${data.body ? `?body=${data.body.slug}` : ''}`)}>
            {m.schedule}
          </a>
        ) : null}
        <a class="button secondary" href={href(ctx, `${base}/meetings.ics`)} type="text/calendar">
          {m.subscribe}
        </a>
      </div>
      <p class="hint">{m.subscribeHint}</p>
      {data.inProgress.length ? (
        <section aria-labelledby="now-h">
          <h2 id="now-h">{m.inProgress}</h2>
          <MeetingList ctx={ctx} process={process} meetings={data.inProgress} showBody={!data.body} />
        </section>
      ) : null}
      <section aria-labelledby="upcoming-h">
        <h2 id="upcoming-h">{m.upcoming}</h2>
        {data.upcoming.length ? <MeetingList ctx={ctx} process={process} meetings={data.upcoming} showBody={!data.body} /> : <p class="muted">{m.noUpcoming}</p>}
      </section>
      <section aria-labelledby="past-h">
        <h2 id="past-h">{m.past}</h2>
        {data.past.length ? <MeetingList ctx={ctx} process={process} meetings={data.past} showBody={!data.body} /> : <p class="muted">{m.noPast}</p>}
      </section>
    </Layout>
  );
}

/** The short "Meetings" section of the process page and of body pages: what is live, what is next. */
export function MeetingsSection(props: { ctx: PageCtx; process: Process; inProgress: MeetingListing[]; upcoming: MeetingListing[]; base: string; showBody: boolean; id: string }) {
  const { ctx, process } = props;
  const m = meetingMessages(ctx.locale);
  const next = props.upcoming.slice(0, 3);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{m.meetings}</h2>
      {props.inProgress.length ? (
        <>
          <h3>{m.inProgress}</h3>
          <MeetingList ctx={ctx} process={process} meetings={props.inProgress} showBody={props.showBody} />
        </>
      ) : null}
      <h3>{m.upcoming}</h3>
      {next.length ? <MeetingList ctx={ctx} process={process} meetings={next} showBody={props.showBody} /> : <p class="muted">{m.noUpcoming}</p>}
      <p>
        <a href={href(ctx, `${props.base}/meetings`)}>
          {props.upcoming.length > next.length ? `${m.allMeetings} (${m.moreMeetings(props.upcoming.length - next.length)})` : m.allMeetings}
        </a>
        {' · '}
        <a href={href(ctx, `${props.base}/meetings.ics`)} type="text/calendar">
          {m.subscribe}
        </a>
      </p>
    </section>
  );
}
