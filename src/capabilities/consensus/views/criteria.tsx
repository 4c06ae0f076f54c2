import { formatNumber, formatPercent, plural } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { plain, TableWrap } from '../../../platform/views/text.tsx';
import { categoryLabel, processMessages, type ConsensusSettings, type Process } from '../../processes/index.ts';
import type { CategoryBreakdown, CriterionKey, Evaluation } from '../domain/criteria.ts';
import type { Stance } from '../domain/proposal.ts';
import { consensusMessages } from '../messages/index.ts';
import { MetBadge, OutcomeBadge, when } from './parts.tsx';

/** "Almost none" and the quiet period, shown wherever a result is shown. */
export function SettingsNote(props: { locale: Locale; settings: ConsensusSettings }) {
  const pm = processMessages(props.locale);
  const s = props.settings;
  return (
    <p class="muted settings-note">
      <strong>
        {consensusMessages(props.locale).settingsUsed}
        {consensusMessages(props.locale).colon}
      </strong>
      {s.almostNoneMax === 0 || s.almostNonePercent === 0 ? pm.consensusZero(s.quietPeriodHours) : pm.consensusSettings(s.quietPeriodHours, s.almostNonePercent, s.almostNoneMax)}
    </p>
  );
}

function Explanation(props: { locale: Locale; process: Process; e: Evaluation; k: CriterionKey }) {
  const { locale, process, e } = props;
  const m = consensusMessages(locale);
  const n = (x: number) => formatNumber(locale, x);
  const ctx = { locale };
  if (props.k === 'quiet') {
    const q = e.criteria.quiet;
    if (!q.quietUntil) return <p>{m.quietNotOpen}</p>;
    const until = when(ctx, process, q.quietUntil);
    const meetingSilent = q.inMeeting && q.meetingEndsAt === q.quietUntil;
    return (
      <>
        <p>
          {meetingSilent
            ? q.periodElapsed
              ? m.quietMeetingElapsed(until)
              : m.quietMeeting(until)
            : q.periodElapsed
              ? m.quietElapsed(q.quietPeriodHours, until)
              : m.quietRunning(q.quietPeriodHours, until)}
        </p>
        {q.lastArgumentAt ? <p class="muted">{m.lastArgument(when(ctx, process, q.lastArgumentAt))}</p> : null}
        {q.openObjections > 0 ? <p>{plural(locale, q.openObjections, m.openObjectionsBlock)}</p> : null}
      </>
    );
  }
  if (props.k === 'dissentDiscussed') {
    const d = e.criteria.dissentDiscussed;
    if (d.total === 0) return <p>{m.noObjections}</p>;
    const total = plural(locale, d.total, m.objectionsCount);
    return <p>{d.met ? m.allDiscussed(total, d.discussed, d.standing, d.withdrawn) : m.notDiscussed(d.open, total)}</p>;
  }
  const s = e.criteria.support;
  if (s.positions === 0) return <p>{m.noPositions}</p>;
  return (
    <>
      <p>{m.supportFigures(n(s.agree), n(s.canLive), n(s.cannot), n(s.positions))}</p>
      <p>{s.majority ? m.majorityYes : m.majorityNo(n(s.agree), n(s.positions))}</p>
      <p class="muted">{s.almostNoneMax === 0 || s.almostNonePercent === 0 ? m.zeroTolerance : m.almostNone(s.cannotAllowed, s.almostNonePercent, s.almostNoneMax)}</p>
    </>
  );
}

/** The three criteria, each with its explanation and figures, the outcome, and the settings behind them. */
export function CriteriaPanel(props: { locale: Locale; process: Process; evaluation: Evaluation; at: 'now' | 'decision'; headingLevel?: 2 | 3 }) {
  const { locale, process, evaluation: e } = props;
  const m = consensusMessages(locale);
  const keys: CriterionKey[] = ['quiet', 'dissentDiscussed', 'support'];
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const Sub = props.headingLevel === 3 ? 'h4' : 'h3';
  return (
    <section aria-labelledby="criteria-h" class="criteria" id="criteria" data-live-region>
      <H id="criteria-h">{m.criteriaTitle}</H>
      <p class="outcome">
        {m.outcomeLabel}
        {m.colon}
        <OutcomeBadge locale={locale} outcome={e.outcome} />
        {e.unmet.length > 0 ? (
          <span class="muted">
            {' '}
            {m.unmetList} {e.unmet.map((k) => m.criterion[k]).join(' · ')}
          </span>
        ) : null}
      </p>
      <p class="muted">{props.at === 'now' ? m.evaluatedNow(when({ locale }, process, e.evaluatedAt)) : m.evaluatedAtDecision(when({ locale }, process, e.evaluatedAt))}</p>
      <ol class="criteria-list">
        {keys.map((k) => (
          <li class={e.criteria[k].met ? 'met' : 'unmet'}>
            <Sub>
              {m.criterion[k]} <MetBadge locale={locale} met={e.criteria[k].met} />
            </Sub>
            <Explanation locale={locale} process={process} e={e} k={k} />
          </li>
        ))}
      </ol>
      <SettingsNote locale={locale} settings={e.settings} />
    </section>
  );
}

const STANCES: Array<[Stance, 'agree' | 'canLive' | 'cannot']> = [
  ['agree', 'agree'],
  ['can-live', 'canLive'],
  ['cannot', 'cannot'],
];

/** The result by stakeholder category: every category one row among others, flagged where most cannot live with it. */
export function Breakdown(props: { locale: Locale; process: Process; categories: CategoryBreakdown[]; id?: string }) {
  const { locale, process } = props;
  const m = consensusMessages(locale);
  const id = props.id ?? 'breakdown';
  const flagged = props.categories.filter((c) => c.flagged).map((c) => plain(categoryLabel(process, c.categoryKey), locale));
  return (
    <section aria-labelledby={`${id}-h`} id={id} data-live-region>
      <h2 id={`${id}-h`}>{m.breakdownTitle}</h2>
      <p class="muted">{m.breakdownIntro}</p>
      {flagged.length > 0 ? <p class="warning">{m.flaggedNotice(flagged.join(', '))}</p> : null}
      {props.categories.length === 0 ? (
        <p class="muted">{m.noPositions}</p>
      ) : (
        <TableWrap label={m.breakdownTitle}>
          <table>
            <caption class="visually-hidden">{m.breakdownTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.category}</th>
                {STANCES.map(([s]) => (
                  <th scope="col" class="num">
                    {m.stance[s]}
                  </th>
                ))}
                <th scope="col" class="num">
                  {m.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.categories.map((c) => (
                <tr class={c.flagged ? 'flagged' : undefined}>
                  <th scope="row">
                    {plain(categoryLabel(process, c.categoryKey), locale)} {c.flagged ? <span class="badge bad">{m.flagged}</span> : null}
                  </th>
                  {STANCES.map(([, k]) => (
                    <td class="num">
                      {formatNumber(locale, c[k])} <span class="muted">({formatPercent(locale, c.total ? c[k] / c.total : 0)})</span>
                    </td>
                  ))}
                  <td class="num">{formatNumber(locale, c.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/**
 * The sense of the room: the same positions, shown for a meeting's screen as
 * bars per stance. Labelled, always, as not a vote. A live room (meetings)
 * can embed this component; it is fed plain figures.
 */
export function SenseOfTheRoom(props: { locale: Locale; evaluation: Evaluation; inRoom: number; id?: string }) {
  const { locale, evaluation: e } = props;
  const m = consensusMessages(locale);
  const s = e.criteria.support;
  const max = Math.max(1, s.agree, s.canLive, s.cannot);
  const id = props.id ?? 'room';
  const rowH = 44;
  const labelW = 250;
  const barW = 420;
  return (
    <section aria-labelledby={`${id}-h`} class="room" id={id} data-live-region>
      <h2 id={`${id}-h`}>{m.room}</h2>
      <p class="not-a-vote">
        <strong>{m.notAVote}</strong>
      </p>
      <figure class="chart">
        <svg viewBox={`0 0 ${labelW + barW + 90} ${rowH * 3 + 8}`} width={labelW + barW + 90} height={rowH * 3 + 8} role="img" aria-labelledby={`${id}-cap`} focusable="false">
          {STANCES.map(([stance, k], i) => {
            const y = i * rowH + 4;
            const w = s[k] === 0 ? 0 : Math.max(4, Math.round((s[k] / max) * barW));
            return (
              <g>
                <text x={labelW - 10} y={y + 26} text-anchor="end" class="room-label">
                  {m.stance[stance]}
                </text>
                <rect class="bar-track" x={labelW} y={y + 6} width={barW} height={rowH - 14} rx="4" />
                {w > 0 ? <rect class={`bar-${stance}`} x={labelW} y={y + 6} width={w} height={rowH - 14} rx="4" /> : null}
                <text x={labelW + barW + 10} y={y + 26} class="room-count">
                  {formatNumber(locale, s[k])}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption id={`${id}-cap`}>
          {m.supportFigures(formatNumber(locale, s.agree), formatNumber(locale, s.canLive), formatNumber(locale, s.cannot), formatNumber(locale, s.positions))}
        </figcaption>
      </figure>
      <p class="muted">{plural(locale, props.inRoom, m.inRoomCount)}</p>
    </section>
  );
}
