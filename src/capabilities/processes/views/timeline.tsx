import { formatDate } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { T } from '../../../platform/views/text.tsx';
import type { PhaseView } from '../domain/timeline.ts';
import { processMessages } from '../messages/index.ts';

export function SlipBadge(props: { phase: PhaseView; locale: Locale }) {
  const m = processMessages(props.locale);
  const p = props.phase;
  if (p.slippage === 'none') return p.state === 'upcoming' ? null : <span class="badge good">{m.onTime}</span>;
  return p.slippage === 'within-buffer' ? <span class="badge warn">{m.slipWithin(p.slipDays)}</span> : <span class="badge bad">{m.slipBeyond(p.slipDays)}</span>;
}

/** The public timeline: phases and milestones, their buffer, and any slippage in words (never colour alone). */
export function TimelineList(props: { phases: PhaseView[]; locale: Locale; editHref?: (phaseId: number) => string; headingLevel?: 2 | 3 }) {
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  const { locale } = props;
  const m = processMessages(locale);
  if (props.phases.length === 0) return <p class="muted">{m.noPhases}</p>;
  const d = (x: string) => formatDate(locale, x);
  const stateLabel = (p: PhaseView) =>
    p.state === 'done' ? (p.kind === 'milestone' ? m.milestoneReached : m.stateDone) : p.state === 'upcoming' ? m.stateUpcoming : m.stateInProgress;
  return (
    <ol class="timeline">
      {props.phases.map((p) => (
        <li class={p.state} id={`phase-${p.id}`}>
          <H>
            <T value={p.name} locale={locale} />
          </H>
          <span class="when">
            {p.kind === 'milestone' ? m.plannedOn(d(p.plannedStart)) : m.plannedRange(d(p.plannedStart), d(p.plannedEnd))}
            {p.bufferDays > 0 ? ` · ${m.bufferOf(p.bufferDays)}` : ''}
            {p.actualEnd ? ` · ${p.kind === 'milestone' ? m.reachedOn(d(p.actualEnd)) : m.endedOn(d(p.actualEnd))}` : p.forecastEnd ? ` · ${m.forecastOn(d(p.forecastEnd))}` : ''}
          </span>
          <span class="badge">{stateLabel(p)}</span> <SlipBadge phase={p} locale={locale} />
          {props.editHref ? (
            <>
              {' '}
              <a href={props.editHref(p.id)}>
                {m.edit}
                <span class="visually-hidden">
                  {' '}
                  <T value={p.name} locale={locale} />
                </span>
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
