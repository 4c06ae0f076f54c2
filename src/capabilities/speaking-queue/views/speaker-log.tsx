import { dateFormat, formatNumber, formatPercent } from '../../../kernel/i18n.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { plain, TableWrap } from '../../../platform/views/text.tsx';
import { categoryLabel, type Process } from '../../processes/index.ts';
import type { ShareRow } from '../domain/order.ts';
import type { Speech } from '../domain/queue.ts';
import { clock, fill } from '../domain/wording.ts';
import { queueMessages } from '../messages/index.ts';
import { categoryText } from './parts.tsx';

const timeOf = (locale: Locale, d: Date, timeZone: string) => dateFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { hour: 'numeric', minute: '2-digit', timeZone }).format(d);

/**
 * After (and during) a meeting: who spoke, when, how long, on which item;
 * then the share of speaking time by category as a chart drawn with SVG
 * attributes only (the CSP forbids inline styles) and the same figures in a
 * table for everyone.
 */
export function SpeakerLogSection(props: {
  process: Process;
  locale: Locale;
  timeZone: string;
  speeches: Speech[];
  items: Map<number, Localized>;
  share: { totalSeconds: number; rows: ShareRow[] };
  unheard: string[];
}) {
  const { process, locale } = props;
  const q = queueMessages(locale);
  return (
    <section aria-labelledby="speakers-h">
      <h2 id="speakers-h">{q.speakerLog}</h2>
      {props.speeches.length === 0 ? (
        <p class="muted">{q.noSpeakers}</p>
      ) : (
        <TableWrap label={q.speakerLog}>
          <table>
            <caption class="visually-hidden">{q.speakerLog}</caption>
            <thead>
              <tr>
                <th scope="col">{q.started}</th>
                <th scope="col">{q.speaker}</th>
                <th scope="col">{q.category}</th>
                <th scope="col">{q.item}</th>
                <th scope="col" class="num">
                  {q.duration}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.speeches.map((s) => (
                <tr>
                  <td>
                    <time datetime={s.startedAt.toISOString()}>{timeOf(locale, s.startedAt, props.timeZone)}</time>
                  </td>
                  <th scope="row">
                    {s.displayName}
                    {s.source === 'in-room' ? <span class="muted"> ({q.inRoom})</span> : null}
                  </th>
                  <td>{categoryText(process, locale, s.categoryKey, s.categoryOther)}</td>
                  <td>{s.agendaItemId !== null && props.items.has(s.agendaItemId) ? plain(props.items.get(s.agendaItemId), locale) : ''}</td>
                  <td class="num">
                    {clock(s.seconds)}
                    {s.timeLimitSeconds !== null && s.seconds > s.timeLimitSeconds ? <span class="badge warn"> {q.overTime}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {props.unheard.length ? <p class="warning">{fill(q.unheard, { names: props.unheard.join(', ') })}</p> : null}
      {props.share.totalSeconds > 0 ? <ShareView process={process} locale={locale} share={props.share} /> : null}
    </section>
  );
}

function ShareView(props: { process: Process; locale: Locale; share: { totalSeconds: number; rows: ShareRow[] } }) {
  const { process, locale, share } = props;
  const q = queueMessages(locale);
  const rowH = 30;
  const labelW = 210;
  const barW = 300;
  const width = labelW + barW + 130;
  const height = share.rows.length * rowH + 8;
  const max = Math.max(1, ...share.rows.map((r) => r.seconds));
  const label = (key: string) => plain(categoryLabel(process, key), locale);
  return (
    <>
      <h3 id="share-h">{q.share}</h3>
      <p class="muted">{q.shareIntro}</p>
      <figure class="chart">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="share-cap" focusable="false">
          {share.rows.map((r, i) => {
            const y = i * rowH + 4;
            const w = r.seconds === 0 ? 0 : Math.max(3, Math.round((r.seconds / max) * barW));
            return (
              <g>
                <text x={labelW - 8} y={y + 18} text-anchor="end">
                  {label(r.key).slice(0, 30)}
                </text>
                <rect class="bar-track" x={labelW} y={y + 4} width={barW} height={rowH - 10} rx="3" />
                {r.seconds === 0 ? null : <rect class="bar-fill" x={labelW} y={y + 4} width={w} height={rowH - 10} rx="3" />}
                <text x={labelW + barW + 8} y={y + 18}>
                  {r.seconds === 0 ? q.none : `${formatPercent(locale, r.share)} · ${clock(r.seconds)}`}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption id="share-cap">{q.shareChart(clock(share.totalSeconds))}</figcaption>
      </figure>
      <TableWrap label={q.share}>
        <table>
          <caption>{q.share}</caption>
          <thead>
            <tr>
              <th scope="col">{q.category}</th>
              <th scope="col" class="num">
                {q.seconds}
              </th>
              <th scope="col" class="num">
                {q.turns}
              </th>
              <th scope="col" class="num">
                {q.shareCol}
              </th>
            </tr>
          </thead>
          <tbody>
            {share.rows.map((r) => (
              <tr>
                <th scope="row">{label(r.key)}</th>
                <td class="num">{clock(r.seconds)}</td>
                <td class="num">{formatNumber(locale, r.turns)}</td>
                <td class="num">{formatPercent(locale, r.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
