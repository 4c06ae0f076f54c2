import { formatDate } from '../../../kernel/i18n.ts';
import type { Localized } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { Declaration, Participant, Profile } from '../domain/participant.ts';
import { participantMessages } from '../messages/index.ts';
import { CategoryName, DeclarationNote, Representation } from './participant-tag.tsx';

export type ParticipantPageData = {
  participant: Participant;
  declarations: Declaration[];
  history: Array<Profile & { recordedAt: Date }>;
  acceptances: Array<{ version: number; acceptedAt: Date }>;
  memberships: Array<{ slug: string; name: Localized; role: 'facilitator' | 'member' | 'observer' }>;
};

export function ParticipantPage(props: { ctx: PageCtx; process: Process; data: ParticipantPageData }) {
  const { ctx, process, data } = props;
  const p = data.participant;
  const m = participantMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  const d = (x: Date) => formatDate(ctx.locale, x, process.timeZone);
  const roleLabel = { facilitator: m.roleFacilitator, member: m.roleMember, observer: m.roleObserver };
  return (
    <Layout
      ctx={ctx}
      title={p.displayName}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, base), label: process.title },
        { href: href(ctx, `${base}/participants`), label: m.participantsTitle },
      ]}
    >
      <h1>{p.displayName}</h1>
      <dl class="facts">
        <dt>{m.category}</dt>
        <dd>
          <CategoryName process={process} participant={p} locale={ctx.locale} />
        </dd>
        <dt>{m.affiliation}</dt>
        <dd>{p.affiliation ?? '—'}</dd>
        <dt>{m.representation}</dt>
        <dd>
          <Representation participant={p} locale={ctx.locale} />
        </dd>
        <dt>{m.declarationLegend}</dt>
        <dd>
          <DeclarationNote declaration={data.declarations[0] ?? null} locale={ctx.locale} timeZone={process.timeZone} />
        </dd>
        <dt>{m.rulesAccepted}</dt>
        <dd>{data.acceptances.map((a) => m.rulesAcceptedVersion(a.version, d(a.acceptedAt))).join('; ') || '—'}</dd>
      </dl>
      <p class="muted">{m.joinedOn(d(p.joinedAt))}</p>
      {data.memberships.length > 0 ? (
        <section aria-labelledby="member-of-h">
          <h2 id="member-of-h">{m.memberOf}</h2>
          <ul>
            {data.memberships.map((ms) => (
              <li>
                <a href={href(ctx, `${base}/bodies/${ms.slug}`)}>
                  <T value={ms.name} locale={ctx.locale} />
                </a>{' '}
                ({roleLabel[ms.role]})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="declarations-h">
        <h2 id="declarations-h">{m.declarationHistory}</h2>
        <ol reversed>
          {data.declarations.map((x) => (
            <li>
              <time datetime={x.declaredAt.toISOString()}>{d(x.declaredAt)}</time>: {x.hasInterests ? x.text : m.declaredNone}
            </li>
          ))}
        </ol>
      </section>
      {data.history.length > 1 ? (
        <section aria-labelledby="history-h">
          <h2 id="history-h">{m.profileHistory}</h2>
          <ol reversed>
            {data.history.map((h) => (
              <li>
                <time datetime={h.recordedAt.toISOString()}>{d(h.recordedAt)}</time>: {h.displayName} — <CategoryName process={process} participant={h} locale={ctx.locale} />
                {h.affiliation ? `, ${h.affiliation}` : ''} (<Representation participant={h} locale={ctx.locale} />)
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>
  );
}
