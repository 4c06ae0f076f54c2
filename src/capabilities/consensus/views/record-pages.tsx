import { Layout } from '../../../platform/views/layout.tsx';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import type { ParticipantListing } from '../../participants/index.ts';
import { processMessages, type Process } from '../../processes/index.ts';
import type { PositionRow } from '../db/queries.ts';
import type { Evaluation } from '../domain/criteria.ts';
import type { Proposal } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { Breakdown, SenseOfTheRoom, SettingsNote } from './criteria.tsx';
import { StatusBadge, WhereNote, decisionPath } from './parts.tsx';
import { Pager, PositionForm, PositionsTable } from './positions.tsx';

const crumbs = (ctx: PageCtx, process: Process, proposal: Pick<Proposal, 'id' | 'title'>) => [
  { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
  { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
  { href: href(ctx, decisionPath(process, proposal.id)), label: plain(proposal.title, ctx.locale) },
];

/** Every position ever taken on a proposal, a page at a time. */
export function PositionsPage(props: {
  ctx: PageCtx;
  process: Process;
  proposal: Proposal;
  rows: PositionRow[];
  total: number;
  page: number;
  size: number;
  people: Map<number, ParticipantListing>;
}) {
  const { ctx, process, proposal } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.positionsHistoryTitle} crumbs={crumbs(ctx, process, proposal)}>
      <h1>{m.positionsHistoryTitle}</h1>
      <p class="muted">
        <T value={proposal.title} locale={ctx.locale} />
      </p>
      <p class="lede">{m.positionsHistoryIntro}</p>
      {props.rows.length === 0 ? (
        <p>{m.noPositions}</p>
      ) : (
        <PositionsTable ctx={ctx} process={process} rows={props.rows} people={props.people} caption={m.positionsHistoryTitle} history />
      )}
      <Pager ctx={ctx} base={`${decisionPath(process, proposal.id)}/positions`} page={props.page} total={props.total} size={props.size} />
    </Layout>
  );
}

/**
 * The sense of the room, for a meeting's screen and for people following
 * online: the positions as bars and by category, updating live, and for a
 * member a form to take their position in the room. Never a vote.
 */
export function RoomPage(props: {
  ctx: PageCtx;
  process: Process;
  proposal: Proposal;
  evaluation: Evaluation;
  inRoom: number;
  canTakePosition: boolean;
  current: PositionRow | null;
  values: { stance: string; reason: string };
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, proposal } = props;
  const m = consensusMessages(ctx.locale);
  const base = decisionPath(process, proposal.id);
  const open = proposal.status === 'discussion' || proposal.status === 'call';
  return (
    <Layout ctx={ctx} title={`${m.room}${m.colon}${plain(proposal.title, ctx.locale)}`} crumbs={crumbs(ctx, process, proposal)} wide>
      <div class="decision room-page" data-live={open ? href(ctx, `${base}/events`) : undefined}>
        <h1>
          <T value={proposal.title} locale={ctx.locale} />
        </h1>
        <p>
          <StatusBadge locale={ctx.locale} status={proposal.status} />
          {proposal.callWhere ? (
            <>
              {' · '}
              <WhereNote where={proposal.callWhere} ctx={ctx} process={process} />
            </>
          ) : null}
        </p>
        <p class="muted">{m.roomIntro}</p>
        <p class="visually-hidden" role="status" id="live-status" data-message={m.liveUpdated}></p>
        <SenseOfTheRoom locale={ctx.locale} evaluation={props.evaluation} inRoom={props.inRoom} />
        <SettingsNote locale={ctx.locale} settings={props.evaluation.settings} />
        <Breakdown locale={ctx.locale} process={process} categories={props.evaluation.categories} />
        {open && props.canTakePosition ? (
          <section aria-labelledby="room-mine-h" class="panel">
            <h2 id="room-mine-h">{m.takeInRoom}</h2>
            <PositionForm
              ctx={ctx}
              process={process}
              action={href(ctx, `${base}/position`)}
              values={props.values}
              errors={props.errors}
              current={props.current}
              hidden={{ room: '1' }}
            />
          </section>
        ) : null}
        <p>
          <a href={href(ctx, base)}>{m.backToRecord}</a>
        </p>
      </div>
    </Layout>
  );
}
