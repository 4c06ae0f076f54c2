import { plural } from '../../../kernel/i18n.ts';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, T } from '../../../platform/views/text.tsx';
import { bodyTypeLabel, processMessages, type Process } from '../../processes/index.ts';
import type { Body } from '../domain/body.ts';
import { groupMessages } from '../messages/index.ts';

export function policyLabel(locale: 'en' | 'fr', p: Body['membershipPolicy']): string {
  const m = groupMessages(locale);
  return p === 'open' ? m.policyShortOpen : p === 'self-select' ? m.policyShortSelf : m.policyShortAppointed;
}

/** The bodies of a process, for its public page. */
export function BodiesSection(props: { ctx: PageCtx; process: Process; bodies: Array<Body & { memberCount: number }>; canAdd: boolean }) {
  const { ctx, process } = props;
  const m = groupMessages(ctx.locale);
  const pm = processMessages(ctx.locale);
  return (
    <section aria-labelledby="bodies-h">
      <h2 id="bodies-h">{m.bodies}</h2>
      {props.bodies.length === 0 ? <p class="muted">{m.noBodies}</p> : null}
      <ul class="grid">
        {props.bodies.map((b) => (
          <li class="card">
            <p class="muted">
              <T value={bodyTypeLabel(process, b.typeKey)} locale={ctx.locale} />
              {b.status === 'closed' ? (
                <>
                  {' '}
                  <span class="badge">{m.closed}</span>
                </>
              ) : null}
            </p>
            <h3>
              <a href={href(ctx, `/p/${process.slug}/bodies/${b.slug}`)}>
                <T value={b.name} locale={ctx.locale} />
              </a>
            </h3>
            <Paragraphs value={b.charter} locale={ctx.locale} class="prose clamp" />
            <p class="muted">
              {plural(ctx.locale, b.memberCount, pm.membersCount)} · {policyLabel(ctx.locale, b.membershipPolicy)}
            </p>
          </li>
        ))}
      </ul>
      {props.canAdd ? (
        <p>
          <a class="button secondary" href={href(ctx, `/p/${process.slug}/bodies/new`)}>
            {m.addBody}
          </a>
        </p>
      ) : null}
    </section>
  );
}
