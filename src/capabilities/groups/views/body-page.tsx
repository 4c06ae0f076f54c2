import type { Child } from 'hono/jsx';
import { formatDate } from '../../../kernel/i18n.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, PostButton, Select, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, T, plain, TableWrap } from '../../../platform/views/text.tsx';
import { CategoryName, DeclarationNote, type Declaration } from '../../participants/index.ts';
import { bodyTypeLabel, processMessages, type Process } from '../../processes/index.ts';
import type { Balance } from '../domain/balance.ts';
import type { Body, MembershipRole } from '../domain/body.ts';
import type { BodyAction } from '../domain/permissions.ts';
import type { MemberRow } from '../db/queries.ts';
import { groupMessages } from '../messages/index.ts';
import { BalanceView } from './balance.tsx';
import { policyLabel } from './bodies-section.tsx';

export type BodyPageData = {
  body: Body;
  members: Array<MemberRow & { declaration: Declaration | null }>;
  balance: Balance;
  can: Record<BodyAction, boolean>;
  myRole: MembershipRole | null;
  /** Why joining is not possible (for a participant who cannot join), worded. */
  joinBlocked: string | null;
  candidates: Array<{ id: number; displayName: string }>;
  /** Sections other capabilities add (the body's meetings). */
  sections: Child[];
};

export function BodyPage(props: { ctx: PageCtx; process: Process; data: BodyPageData; appointErrors?: Record<string, AnyFieldError> | null }) {
  const { ctx, process, data } = props;
  const { body } = data;
  const m = groupMessages(ctx.locale);
  const base = `/p/${process.slug}/bodies/${body.slug}`;
  const roleLabel: Record<MembershipRole, string> = { facilitator: m.roleFacilitator, member: m.roleMember, observer: m.roleObserver };
  const members = data.members.filter((x) => x.role !== 'observer');
  const observers = data.members.filter((x) => x.role === 'observer');
  const MemberTable = (p: { rows: typeof data.members; caption: string }) => (
    <TableWrap label={p.caption}>
      <table>
        <caption class="visually-hidden">{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.participant}</th>
            <th scope="col">{m.category}</th>
            <th scope="col">{m.roleHeading}</th>
            <th scope="col">{m.declaration}</th>
            {data.can.appoint ? (
              <th scope="col">
                <span class="visually-hidden">{m.removeMember}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, `/p/${process.slug}/participants/${r.participantId}`)}>{r.displayName}</a>
              </th>
              <td>
                <CategoryName process={process} participant={r} locale={ctx.locale} />
              </td>
              <td>
                {roleLabel[r.role]}
                <br />
                <span class="muted">
                  {m.joinedOn} {formatDate(ctx.locale, r.joinedAt, process.timeZone)}
                </span>
              </td>
              <td>
                <DeclarationNote declaration={r.declaration} locale={ctx.locale} timeZone={process.timeZone} />
              </td>
              {data.can.appoint ? (
                <td>
                  <PostButton action={href(ctx, `${base}/members/${r.participantId}/remove`)} csrf={ctx.csrf} label={m.removeMember} class="secondary" />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <Layout
      ctx={ctx}
      title={plain(body.name, ctx.locale)}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
      ]}
    >
      <p class="muted">
        <T value={bodyTypeLabel(process, body.typeKey)} locale={ctx.locale} /> · {policyLabel(ctx.locale, body.membershipPolicy)}
      </p>
      <h1>
        <T value={body.name} locale={ctx.locale} />
      </h1>
      {body.status === 'closed' ? <p class="notice">{m.closedNotice}</p> : null}
      <div class="actions">
        {data.myRole ? <span>{m.youAre(roleLabel[data.myRole])}</span> : null}
        {data.can.join ? (
          <>
            <PostButton action={href(ctx, `${base}/join`)} csrf={ctx.csrf} label={m.join} hidden={{ role: 'member' }} />
            <PostButton action={href(ctx, `${base}/join`)} csrf={ctx.csrf} label={m.joinAsObserver} hidden={{ role: 'observer' }} class="secondary" />
          </>
        ) : null}
        {data.can.leave ? <PostButton action={href(ctx, `${base}/leave`)} csrf={ctx.csrf} label={m.leave} class="secondary" /> : null}
        {data.can.edit ? (
          <a class="button secondary" href={href(ctx, `${base}/edit`)}>
            {m.editBodyTitle}
          </a>
        ) : null}
        {data.can.close ? <PostButton action={href(ctx, `${base}/status`)} csrf={ctx.csrf} label={m.closeBody} class="secondary" hidden={{ status: 'closed' }} /> : null}
        {data.can.reopen ? <PostButton action={href(ctx, `${base}/status`)} csrf={ctx.csrf} label={m.reopenBody} class="secondary" hidden={{ status: 'active' }} /> : null}
      </div>
      {data.joinBlocked ? <p class="notice">{data.joinBlocked}</p> : null}
      <section aria-labelledby="charter-h">
        <h2 id="charter-h">{m.charter}</h2>
        <Paragraphs value={body.charter} locale={ctx.locale} />
      </section>
      {data.sections}
      <BalanceView balance={data.balance} locale={ctx.locale} id="balance" />
      <div>
        <div>
          <section aria-labelledby="members-h">
            <h2 id="members-h">{m.members}</h2>
            {members.length === 0 ? <p class="muted">{m.noMembers}</p> : <MemberTable rows={members} caption={m.members} />}
            {observers.length > 0 ? <MemberTable rows={observers} caption={m.observers} /> : null}
          </section>
          {data.can.appoint ? (
            <section aria-labelledby="appoint-h">
              <h2 id="appoint-h">{m.appointTitle}</h2>
              <p class="hint">{m.appointHint}</p>
              <ErrorSummary locale={ctx.locale} errors={props.appointErrors} labels={{ participantId: m.participant, role: m.role }} />
              <form method="post" action={href(ctx, `${base}/members`)} class="stack" novalidate>
                <CsrfField value={ctx.csrf} />
                <Select
                  locale={ctx.locale}
                  name="participantId"
                  label={m.participant}
                  required
                  options={data.candidates.map((p) => ({ value: String(p.id), label: p.displayName }))}
                  error={props.appointErrors?.participantId}
                />
                <Select
                  locale={ctx.locale}
                  name="role"
                  label={m.role}
                  required
                  value="member"
                  options={(['facilitator', 'member', 'observer'] as const).map((r) => ({ value: r, label: roleLabel[r] }))}
                  error={props.appointErrors?.role}
                />
                <button type="submit">{m.appoint}</button>
              </form>
            </section>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}
