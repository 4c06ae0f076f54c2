import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, PostButton, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { Declaration, Participant } from '../domain/participant.ts';
import { DeclarationNote } from './participant-tag.tsx';
import type { Standing } from '../domain/standing.ts';
import { participantMessages } from '../messages/index.ts';
import { DeclarationFields, type DeclarationValues } from './declaration-fields.tsx';
import { ProfileFields, profileLabels, type ProfileValues } from './profile-fields.tsx';

export function MePage(props: {
  ctx: PageCtx;
  process: Process;
  participant: Participant;
  standing: Standing & { currentRulesVersion: number | null };
  currentDeclaration: Declaration | null;
  profile: ProfileValues;
  declaration: DeclarationValues;
  profileErrors?: Record<string, AnyFieldError> | null;
  declarationErrors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, participant, standing } = props;
  const m = participantMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  return (
    <Layout
      ctx={ctx}
      title={m.meTitle}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.meTitle}</h1>
      <p>
        <a href={href(ctx, `${base}/participants/${participant.id}`)}>{m.viewProfile}</a>
      </p>
      {!standing.acceptedCurrentRules && standing.currentRulesVersion ? (
        <section class="warning" aria-labelledby="new-rules-h">
          <h2 id="new-rules-h">{m.newRulesTitle}</h2>
          <p>
            {m.newRulesBody(standing.currentRulesVersion)} <a href={href(ctx, `${base}/rules`)}>{processMessages(ctx.locale).rulesTitle}</a>
          </p>
          <PostButton action={href(ctx, `${base}/me/rules`)} csrf={ctx.csrf} label={m.acceptNewRules} hidden={{ version: standing.currentRulesVersion }} />
        </section>
      ) : null}
      <section aria-labelledby="profile-h">
        <h2 id="profile-h">{m.editParticipation}</h2>
        <ErrorSummary locale={ctx.locale} errors={props.profileErrors} labels={profileLabels(ctx.locale)} />
        <form method="post" action={href(ctx, `${base}/me`)} class="stack" novalidate>
          <CsrfField value={ctx.csrf} />
          <ProfileFields locale={ctx.locale} categories={process.stakeholderCategories} values={props.profile} errors={props.profileErrors} />
          <button type="submit">{m.saveProfile}</button>
        </form>
      </section>
      <section aria-labelledby="declaration-h">
        <h2 id="declaration-h">{m.newDeclaration}</h2>
        <p>
          {m.currentDeclaration} <DeclarationNote declaration={props.currentDeclaration} locale={ctx.locale} timeZone={process.timeZone} />
        </p>
        <ErrorSummary locale={ctx.locale} errors={props.declarationErrors} labels={profileLabels(ctx.locale)} />
        <form method="post" action={href(ctx, `${base}/me/declaration`)} class="stack" novalidate>
          <CsrfField value={ctx.csrf} />
          <DeclarationFields locale={ctx.locale} values={props.declaration} errors={props.declarationErrors} />
          <button type="submit">{m.newDeclaration}</button>
        </form>
      </section>
    </Layout>
  );
}
