import type { Child } from 'hono/jsx';
import type { Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { AgendaItem } from '../domain/agenda.ts';
import type { Meeting } from '../domain/meeting.ts';
import { meetingMessages } from '../messages/index.ts';
import { whenText } from './when.ts';
import { AgendaLinks } from './agenda.tsx';
import type { SubjectStatus } from '../http/extension-types.ts';

export type LiveFrame = {
  /** The SSE address, and the last event the page reflects (the browser resumes after it). */
  stream: string;
  lastEventId: number;
  now: Date;
  /** Words the browser needs, per extension key. */
  words: Record<string, unknown>;
  me: number | null;
};

/** The root every live page shares: the browser finds its stream, its words and its reader here. */
export function LiveRoot(props: { ctx: PageCtx; meeting: Meeting; frame: LiveFrame; console?: boolean; children?: Child }) {
  const m = meetingMessages(props.ctx.locale);
  const { frame } = props;
  const words = { ...frame.words, meeting: { status: m.status, noCurrentItem: m.noCurrentItem, live: m.liveStatusOn, lost: m.liveStatusLost } };
  return (
    <div
      id="live"
      class="live"
      data-stream={frame.stream}
      data-last-event-id={String(frame.lastEventId)}
      data-server-now={String(frame.now.getTime())}
      data-status={props.meeting.status}
      data-me={frame.me === null ? undefined : String(frame.me)}
      data-console={props.console ? '1' : undefined}
      data-locale={props.ctx.locale}
      data-words={JSON.stringify(words)}
    >
      <p class="error live-alert" role="alert" data-live="alert" hidden></p>
      {props.children}
      <div class="visually-hidden" aria-live="polite" data-live="announce"></div>
    </div>
  );
}

export function ConnectionStatus(props: { ctx: PageCtx }) {
  const m = meetingMessages(props.ctx.locale);
  return (
    <p class="live-status" data-live="connection" role="status">
      {m.liveStatusOff}{' '}
      <a href={`/${props.ctx.locale}${props.ctx.localPath}`} data-live="reload">
        {m.reload}
      </a>
    </p>
  );
}

export function CurrentItem(props: { ctx: PageCtx; item: AgendaItem | null }) {
  const m = meetingMessages(props.ctx.locale);
  return (
    <div data-live="item" class="current-item">
      <p class="title" data-slot="title">
        {props.item ? <T value={props.item.title} locale={props.ctx.locale} /> : <span class="muted">{m.noCurrentItem}</span>}
      </p>
      <p class="muted" data-slot="presenter" hidden={!props.item?.presenter}>
        {props.item?.presenter ? m.presentedBy(props.item.presenter) : ''}
      </p>
    </div>
  );
}

export function StatusNotices(props: { ctx: PageCtx; process: Process; meeting: Meeting }) {
  const { ctx, meeting } = props;
  const m = meetingMessages(ctx.locale);
  return (
    <>
      <p class="notice" data-when="scheduled" hidden={meeting.status !== 'scheduled'}>
        {m.notStartedNotice(whenText(ctx.locale, meeting.startsAt, meeting.endsAt, meeting.timeZone))}
      </p>
      <p class="notice" data-when="ended" hidden={meeting.status !== 'ended'}>
        {m.endedNotice} <a href={href(ctx, `/p/${props.process.slug}/meetings/${meeting.id}`)}>{m.backToMeeting}</a>
      </p>
      <p class="warning" data-when="cancelled" hidden={meeting.status !== 'cancelled'}>
        {m.cancelledRoomNotice}
      </p>
    </>
  );
}

/** The live room: everyone follows; participants raise hands; the facilitator orders the floor from the console. */
export function LiveRoomPage(props: {
  ctx: PageCtx;
  process: Process;
  meeting: Meeting;
  body: { slug: string; name: Localized };
  items: AgendaItem[];
  rules: Localized[];
  frame: LiveFrame;
  sections: Child[];
  canRun: boolean;
  /** Where the proposals and documents the agenda links to stand now. */
  statuses?: Map<string, SubjectStatus>;
}) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  const page = `/p/${process.slug}/meetings/${meeting.id}`;
  const current = props.items.find((i) => i.id === meeting.currentItemId) ?? null;
  return (
    <Layout
      ctx={ctx}
      title={m.liveRoomOf(plain(meeting.title, ctx.locale))}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, page), label: plain(meeting.title, ctx.locale) },
      ]}
    >
      <LiveRoot ctx={ctx} meeting={meeting} frame={props.frame}>
        <p class="muted">
          {m.liveRoom} · {m.formats[meeting.format]} · <T value={props.body.name} locale={ctx.locale} />
        </p>
        <h1>
          <T value={meeting.title} locale={ctx.locale} />
        </h1>
        <ConnectionStatus ctx={ctx} />
        <StatusNotices ctx={ctx} process={process} meeting={meeting} />
        <div class="actions">
          {meeting.livestreamUrl ? (
            <a class="button secondary" href={meeting.livestreamUrl} rel="nofollow noopener">
              {m.watchLivestream}
            </a>
          ) : null}
          {meeting.onlineUrl ? (
            <a class="button secondary" href={meeting.onlineUrl} rel="nofollow noopener">
              {m.joinOnline}
            </a>
          ) : null}
          {props.canRun ? (
            <a class="button secondary" href={href(ctx, `${page}/console`)}>
              {m.console}
            </a>
          ) : null}
        </div>
        <div class="cols">
          <div>
            <section aria-labelledby="now-h" class="panel now">
              <h2 id="now-h">{m.nowOnAgenda}</h2>
              <CurrentItem ctx={ctx} item={current} />
            </section>
            {props.sections}
          </div>
          <div>
            <section aria-labelledby="rules-h" class="panel">
              <h2 id="rules-h">{m.rules}</h2>
              <ol>
                {props.rules.map((r) => (
                  <li>
                    <T value={r} locale={ctx.locale} />
                  </li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="agenda-h">
              <h2 id="agenda-h">{m.agenda}</h2>
              {props.items.length === 0 ? <p class="muted">{m.noAgenda}</p> : null}
              <ol class="agenda compact" data-live="agenda">
                {props.items.map((i) => (
                  <li data-item={String(i.id)} class={i.id === meeting.currentItemId ? 'current' : undefined} aria-current={i.id === meeting.currentItemId ? 'step' : undefined}>
                    <T value={i.title} locale={ctx.locale} /> <span class="muted">({m.minutesShort(i.durationMinutes)})</span>
                    <AgendaLinks ctx={ctx} process={process} links={i.links} statuses={props.statuses} />
                  </li>
                ))}
              </ol>
            </section>
          </div>
        </div>
      </LiveRoot>
    </Layout>
  );
}
