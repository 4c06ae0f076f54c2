import { formatNumber, formatPercent } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { langOf, plain, T, TableWrap } from '../../../platform/views/text.tsx';
import type { Balance } from '../domain/balance.ts';
import { groupMessages } from '../messages/index.ts';

/**
 * The balance view: an SVG bar chart drawn with attributes only (no inline
 * style, so the CSP holds), and the same figures in a table for everyone.
 */
export function BalanceView(props: { balance: Balance; locale: Locale; id: string }) {
  const { balance, locale } = props;
  const m = groupMessages(locale);
  const rowH = 30;
  const labelW = 210;
  const barW = 300;
  const width = labelW + barW + 120;
  const height = balance.rows.length * rowH + 8;
  const max = Math.max(1, ...balance.rows.map((r) => r.count));
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{m.balanceTitle}</h2>
      <p class="muted">{m.balanceIntro}</p>
      {balance.emptyCategories.length > 0 ? <p class="warning">{m.missingVoices(balance.emptyCategories.length)}</p> : null}
      <figure class="chart">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${props.id}-cap`} focusable="false">
          {balance.rows.map((r, i) => {
            const y = i * rowH + 4;
            const w = r.count === 0 ? 0 : Math.max(3, Math.round((r.count / max) * barW));
            return (
              <g>
                <text x={labelW - 8} y={y + 18} text-anchor="end" lang={langOf(r.label, locale)}>
                  {plain(r.label, locale).slice(0, 30)}
                </text>
                <rect class="bar-track" x={labelW} y={y + 4} width={barW} height={rowH - 10} rx="3" />
                {r.count === 0 ? (
                  <rect class="bar-empty" x={labelW} y={y + 4} width="4" height={rowH - 10} />
                ) : (
                  <rect class="bar-fill" x={labelW} y={y + 4} width={w} height={rowH - 10} rx="3" />
                )}
                <text x={labelW + barW + 8} y={y + 18}>
                  {r.count === 0 ? m.noneFlag : formatNumber(locale, r.count)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption id={`${props.id}-cap`}>{m.balanceChartLabel(balance.total)}</figcaption>
      </figure>
      <TableWrap label={m.balanceTitle}>
        <table>
          <caption>{m.balanceTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.category}</th>
              <th scope="col" class="num">
                {m.count}
              </th>
              <th scope="col" class="num">
                {m.share}
              </th>
            </tr>
          </thead>
          <tbody>
            {balance.rows.map((r) => (
              <tr>
                <th scope="row">
                  <T value={r.label} locale={locale} /> {r.empty ? <span class="badge bad">{m.noneFlag}</span> : null}
                </th>
                <td class="num">{formatNumber(locale, r.count)}</td>
                <td class="num">{formatPercent(locale, r.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
