import { formatDate, plural } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { ProposalSummary } from '../db/queries.ts';
import { consensusMessages } from '../messages/index.ts';
import { StatusBadge, decisionPath } from './parts.tsx';

export type BodyNames = Map<number, { slug: string; name: Localized }>;

/** Proposals, newest first: status, body, objections still open. */
export function DecisionsList(props: { ctx: PageCtx; process: Process; proposals: ProposalSummary[]; bodies?: BodyNames; headingLevel?: 'h2' | 'h3' | 'h4' }) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  const H = props.headingLevel ?? 'h3';
  if (props.proposals.length === 0) return <p class="muted">{m.noDecisions}</p>;
  return (
    <ul class="plain decisions">
      {props.proposals.map((p) => {
        const body = props.bodies?.get(p.bodyId);
        return (
          <li>
            <H>
              <a href={href(ctx, decisionPath(process, p.id))}>
                <T value={p.title} locale={ctx.locale} />
              </a>
            </H>
            <p class="muted">
              <StatusBadge locale={ctx.locale} status={p.status} /> {m.kind[p.kind]}
              {body ? (
                <>
                  {' · '}
                  <T value={body.name} locale={ctx.locale} />
                </>
              ) : null}
              {' · '}
              {formatDate(ctx.locale, p.decidedAt ?? p.createdAt, process.timeZone)}
              {p.objections.open > 0 ? <> · {plural(ctx.locale, p.objections.open, m.openObjectionsBlock)}</> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The "Decisions" section of the process page. */
export function DecisionsSection(props: { ctx: PageCtx; process: Process; proposals: ProposalSummary[]; bodies: BodyNames; more: boolean }) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <section aria-labelledby="decisions-h">
      <h2 id="decisions-h">{m.decisions}</h2>
      <p class="muted">{m.decisionsIntro}</p>
      <DecisionsList ctx={ctx} process={process} proposals={props.proposals} bodies={props.bodies} />
      <p>
        <a href={href(ctx, `/p/${process.slug}/decisions`)}>{m.allDecisions}</a>
      </p>
    </section>
  );
}

/** The "Decisions" section of a body's page, with the way to put a proposal (and, for a working group, a change of scope). */
export function BodyDecisionsSection(props: { ctx: PageCtx; process: Process; bodySlug: string; proposals: ProposalSummary[]; canPropose: boolean; canProposeScope: boolean }) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  const base = `/p/${process.slug}/bodies/${props.bodySlug}/proposals/new`;
  return (
    <section aria-labelledby="body-decisions-h">
      <h2 id="body-decisions-h">{m.decisions}</h2>
      <p class="muted">{m.bodyDecisionsIntro}</p>
      <DecisionsList ctx={ctx} process={process} proposals={props.proposals} />
      {props.canPropose ? (
        <div class="actions">
          <a class="button secondary" href={href(ctx, base)}>
            {m.propose}
          </a>
          {props.canProposeScope ? (
            <a class="button secondary" href={href(ctx, `${base}?kind=scope`)}>
              {m.proposeScope}
            </a>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export function AllDecisionsPage(props: { ctx: PageCtx; process: Process; proposals: ProposalSummary[]; bodies: BodyNames }) {
  const { ctx, process } = props;
  const m = consensusMessages(ctx.locale);
  return (
    <Layout
      ctx={ctx}
      title={m.allDecisions}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
      ]}
    >
      <h1>{m.allDecisions}</h1>
      <p class="lede">{m.allDecisionsIntro}</p>
      <DecisionsList ctx={ctx} process={process} proposals={props.proposals} bodies={props.bodies} headingLevel="h2" />
    </Layout>
  );
}
