import type { PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { intakeMessages } from '../messages/index.ts';
import { PhaseLine, periodHref, type Passage, type PeriodView } from './parts.tsx';

export function PeriodSection(props: { ctx: PageCtx; title: string; v: PeriodView | null; passages: Passage[]; canSubmit: boolean; scheduleHref: string | null }) {
  const { ctx, v } = props;
  const m = intakeMessages(ctx.locale);
  return (
    <section aria-labelledby="public-input" class="public-input-section">
      <h2 id="public-input">{props.title}</h2>
      {v ? (
        <>
          <PhaseLine ctx={ctx} v={v} />
          <ul class="actions">
            <li>
              <a href={periodHref(ctx, v)}>{m.seePeriod}</a>
            </li>
            {props.canSubmit ? (
              <li>
                <a class="button" href={periodHref(ctx, v, '/comment')}>
                  {m.commentOnDocument}
                </a>
              </li>
            ) : null}
          </ul>
          {props.canSubmit && props.passages.length ? (
            <details>
              <summary>{m.commentOnAParagraph}</summary>
              <ul>
                {props.passages.map((p) => (
                  <li>
                    <a href={periodHref(ctx, v, `/comment?anchor=${p.anchor}`)}>
                      {m.commentOnParagraph} <span class="visually-hidden">{p.anchor}</span>
                    </a>
                    : <span class="hint">{plain(p.text, ctx.locale).slice(0, 90)}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
      {props.scheduleHref ? (
        <p>
          <a href={props.scheduleHref}>{m.schedulePeriod}</a>
        </p>
      ) : null}
    </section>
  );
}
