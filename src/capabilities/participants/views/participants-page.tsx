import { formatNumber } from '../../../kernel/i18n.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain, TableWrap } from '../../../platform/views/text.tsx';
import { categoryLabel, processMessages, type Process } from '../../processes/index.ts';
import type { ParticipantListing } from '../db/queries.ts';
import { participantMessages } from '../messages/index.ts';
import { CategoryName, DeclarationNote, Representation } from './participant-tag.tsx';

export function ParticipantsPage(props: { ctx: PageCtx; process: Process; participants: ParticipantListing[] }) {
  const { ctx, process, participants } = props;
  const m = participantMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  const counts = new Map<string, number>();
  for (const p of participants) counts.set(p.categoryKey, (counts.get(p.categoryKey) ?? 0) + 1);
  return (
    <Layout
      ctx={ctx}
      title={m.participantsTitle}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.participantsTitle}</h1>
      <p class="lede">{m.participantsIntro}</p>
      {participants.length === 0 ? (
        <p>{m.noParticipants}</p>
      ) : (
        <>
          <h2>{m.byCategory}</h2>
          <ul>
            {process.stakeholderCategories.map((c) => (
              <li>
                <T value={categoryLabel(process, c.key)} locale={ctx.locale} />: {formatNumber(ctx.locale, counts.get(c.key) ?? 0)}
              </li>
            ))}
          </ul>
          <TableWrap label={m.participantsTitle}>
            <table>
              <caption>{m.participantsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.displayName}</th>
                  <th scope="col">{m.category}</th>
                  <th scope="col">{m.affiliation}</th>
                  <th scope="col">{m.declarationLegend}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={href(ctx, `${base}/participants/${p.id}`)}>{p.displayName}</a>
                    </th>
                    <td>
                      <CategoryName process={process} participant={p} locale={ctx.locale} />
                    </td>
                    <td>
                      {p.affiliation ?? ''}
                      {p.affiliation ? <br /> : null}
                      <span class="muted">
                        <Representation participant={p} locale={ctx.locale} />
                      </span>
                    </td>
                    <td>
                      <DeclarationNote declaration={p.declaration} locale={ctx.locale} timeZone={process.timeZone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </Layout>
  );
}
