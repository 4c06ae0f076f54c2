import { href, type PageCtx } from '../../../platform/views/page.ts';
import type { Process } from '../../processes/index.ts';
import type { Participant } from '../domain/participant.ts';
import type { Standing } from '../domain/standing.ts';
import { participantMessages } from '../messages/index.ts';
import { CategoryName } from './participant-tag.tsx';

export function JoinAction(props: { ctx: PageCtx; process: Process; canJoin: boolean }) {
  const { ctx, process } = props;
  const m = participantMessages(ctx.locale);
  const joinPath = `/${ctx.locale}/p/${process.slug}/join`;
  if (props.canJoin)
    return (
      <a class="button" href={joinPath}>
        {m.join}
      </a>
    );
  if (ctx.actor.kind === 'anonymous' && process.status === 'published')
    return (
      <a class="button" href={href(ctx, `/sign-in?next=${encodeURIComponent(joinPath)}`)}>
        {m.signInToJoin}
      </a>
    );
  return null;
}

export function ParticipationPanel(props: { ctx: PageCtx; process: Process; participant: Participant; standing: Standing }) {
  const { ctx, process, participant } = props;
  const m = participantMessages(ctx.locale);
  return (
    <section class="panel" aria-labelledby="participation-h">
      <h2 id="participation-h">{m.yourParticipation}</h2>
      <p>
        {m.youTakePartAs(participant.displayName)} (<CategoryName process={process} participant={participant} locale={ctx.locale} />)
      </p>
      {props.standing.mayTakePart ? null : <p class="warning">{m.standingIncomplete}</p>}
      <p>
        <a href={href(ctx, `/p/${process.slug}/me`)}>{m.editParticipation}</a>
      </p>
    </section>
  );
}
