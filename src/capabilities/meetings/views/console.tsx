import type { Child } from 'hono/jsx';
import { CsrfField, Select } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain, T } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { AgendaItem } from '../domain/agenda.ts';
import type { Meeting } from '../domain/meeting.ts';
import { meetingMessages } from '../messages/index.ts';
import { ConnectionStatus, CurrentItem, LiveRoot, StatusNotices, type LiveFrame } from './live-room.tsx';

/** The facilitator's console: one column, large targets, the same live stream as the room. */
export function ConsolePage(props: { ctx: PageCtx; process: Process; meeting: Meeting; items: AgendaItem[]; frame: LiveFrame; sections: Child[] }) {
  const { ctx, process, meeting } = props;
  const m = meetingMessages(ctx.locale);
  const page = `/p/${process.slug}/meetings/${meeting.id}`;
  const current = props.items.find((i) => i.id === meeting.currentItemId) ?? null;
  return (
    <Layout
      ctx={ctx}
      title={m.consoleTitle(plain(meeting.title, ctx.locale))}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, page), label: plain(meeting.title, ctx.locale) },
      ]}
    >
      <LiveRoot ctx={ctx} meeting={meeting} frame={props.frame} console>
        <p class="muted">{m.console}</p>
        <h1>
          <T value={meeting.title} locale={ctx.locale} />
        </h1>
        <ConnectionStatus ctx={ctx} />
        <StatusNotices ctx={ctx} process={process} meeting={meeting} />
        <p class="actions">
          <a href={href(ctx, `${page}/live`)}>{m.backToRoom}</a>
          <a href={href(ctx, page)}>{m.backToMeeting}</a>
        </p>
        <section aria-labelledby="mc-h" class="console-meeting">
          <h2 id="mc-h">{m.meetingControls}</h2>
          {meeting.status === 'scheduled' ? (
            <form method="post" action={href(ctx, `${page}/start`)} class="inline">
              <CsrfField value={ctx.csrf} />
              <input type="hidden" name="back" value="console" />
              <button type="submit" class="big">
                {m.start}
              </button>
            </form>
          ) : null}
          {meeting.status === 'in-progress' ? (
            <>
              <div class="panel">
                <h3>{m.nowOnAgenda}</h3>
                <CurrentItem ctx={ctx} item={current} />
              </div>
              {props.items.length ? (
                <form method="post" action={href(ctx, `${page}/item`)} class="stack">
                  <CsrfField value={ctx.csrf} />
                  <input type="hidden" name="back" value="console" />
                  <Select
                    locale={ctx.locale}
                    name="itemId"
                    label={m.setItem}
                    value={meeting.currentItemId === null ? '' : String(meeting.currentItemId)}
                    options={[{ value: '', label: m.noItemOption }, ...props.items.map((i) => ({ value: String(i.id), label: plain(i.title, ctx.locale) }))]}
                  />
                  <button type="submit" class="secondary">
                    {m.setItemSubmit}
                  </button>
                </form>
              ) : null}
            </>
          ) : null}
        </section>
        {props.sections}
        {meeting.status === 'in-progress' ? (
          <form method="post" action={href(ctx, `${page}/end`)} class="end-meeting" data-confirm={m.endConfirm}>
            <CsrfField value={ctx.csrf} />
            <button type="submit" class="danger">
              {m.end}
            </button>
          </form>
        ) : null}
      </LiveRoot>
    </Layout>
  );
}
