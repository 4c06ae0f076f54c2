import { plural } from '../../../kernel/i18n.ts';
import { CsrfField } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import type { Process } from '../../processes/index.ts';
import type { QueueSnapshot } from '../domain/snapshot.ts';
import { queueMessages } from '../messages/index.ts';
import { EntryBody, FloorView } from './parts.tsx';

/** Who is looking at the room: the public, someone who cannot raise a hand yet (and why), or a participant who can. */
export type Viewer = { kind: 'anonymous' } | { kind: 'not-participant' } | { kind: 'standing-incomplete' } | { kind: 'participant'; participantId: number };

/** The speaker queue as the live room shows it to everyone, with the reader's own hand controls. */
export function QueueRoomSection(props: { ctx: PageCtx; process: Process; meetingId: number; live: boolean; snapshot: QueueSnapshot; viewer: Viewer; now: Date }) {
  const { ctx, process, snapshot, viewer } = props;
  const q = queueMessages(ctx.locale);
  const base = `/p/${process.slug}/meetings/${props.meetingId}/queue`;
  const me = viewer.kind === 'participant' ? viewer.participantId : null;
  const waiting = me !== null && snapshot.queue.some((p) => p.p === me);
  const speaking = me !== null && snapshot.floor?.p === me;
  return (
    <>
      <section aria-labelledby="floor-h" class="panel floor">
        <h2 id="floor-h">{q.floor}</h2>
        <FloorView snapshot={snapshot} process={process} locale={ctx.locale} now={props.now} />
      </section>
      <section aria-labelledby="queue-h" class="queue-section" data-q="section">
        <h2 id="queue-h">{q.queue}</h2>
        <p class="muted">
          {q.orderLabel} <strong data-q="policy">{q.policies[snapshot.policy]}</strong>. <span data-q="policy-help">{q.policyHelp[snapshot.policy]}</span>
        </p>
        <p data-q="open-state" class={snapshot.open ? 'open-state open' : 'open-state'}>
          {props.live ? (snapshot.open ? q.queueOpen : q.queueClosed) : ''}
        </p>
        <div class="me" data-q="me">
          {viewer.kind === 'anonymous' ? (
            <p>
              <a href={href(ctx, `/sign-in?next=${encodeURIComponent(`/${ctx.locale}${ctx.localPath}`)}`)}>{q.signInToSpeak}</a>
            </p>
          ) : null}
          {viewer.kind === 'not-participant' ? (
            <p>
              <a href={href(ctx, `/p/${process.slug}/join`)}>{q.joinToSpeak}</a>
            </p>
          ) : null}
          {viewer.kind === 'standing-incomplete' ? (
            <p>
              <a href={href(ctx, `/p/${process.slug}/me`)}>{q.standingToSpeak}</a>
            </p>
          ) : null}
          {viewer.kind === 'participant' ? (
            <>
              <p data-q="me-speaking" class="badge good" hidden={!speaking}>
                {q.youHaveFloor}
              </p>
              <p data-q="me-waiting" hidden={!waiting}>
                {q.youAreWaiting}
              </p>
              <form method="post" action={href(ctx, `${base}/raise`)} data-q="raise" hidden={!props.live || !snapshot.open || waiting || speaking} class="inline">
                <CsrfField value={ctx.csrf} />
                <button type="submit" class="big">
                  {q.raiseHand}
                </button>
              </form>
              <form method="post" action={href(ctx, `${base}/lower`)} data-q="lower" hidden={!waiting} class="inline">
                <CsrfField value={ctx.csrf} />
                <button type="submit" class="secondary big">
                  {q.lowerHand}
                </button>
              </form>
            </>
          ) : null}
        </div>
        <p data-q="count" class="muted">
          {snapshot.queue.length ? plural(ctx.locale, snapshot.queue.length, q.waitingCount) : q.nobodyWaiting}
        </p>
        <ol class="queue" data-q="list">
          {snapshot.queue.map((p) => (
            <li data-entry={String(p.e)} class={p.p === me ? 'mine' : undefined}>
              <EntryBody person={p} process={process} locale={ctx.locale} />
            </li>
          ))}
        </ol>
        <template data-q="entry">
          <li>
            <EntryBody person={null} process={process} locale={ctx.locale} />
          </li>
        </template>
      </section>
    </>
  );
}
