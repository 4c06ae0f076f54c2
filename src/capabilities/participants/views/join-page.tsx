import { Layout } from '../../../platform/views/layout.tsx';
import { Checkbox, CsrfField, ErrorSummary, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process, type RulesVersion } from '../../processes/index.ts';
import { participantMessages } from '../messages/index.ts';
import { DeclarationFields, type DeclarationValues } from './declaration-fields.tsx';
import { ProfileFields, profileLabels, type ProfileValues } from './profile-fields.tsx';

export type JoinValues = ProfileValues & DeclarationValues & { acceptRules: boolean };

export function JoinPage(props: { ctx: PageCtx; process: Process; rules: RulesVersion; values: JoinValues; errors?: Record<string, AnyFieldError> | null }) {
  const { ctx, process, rules, values, errors } = props;
  const m = participantMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  return (
    <Layout
      ctx={ctx}
      title={m.joinTitle}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.joinTitle}</h1>
      <p class="lede">{m.joinIntro}</p>
      <ErrorSummary locale={ctx.locale} errors={errors} labels={profileLabels(ctx.locale)} />
      <form method="post" action={href(ctx, `${base}/join`)} class="stack" novalidate>
        <CsrfField value={ctx.csrf} />
        <ProfileFields locale={ctx.locale} categories={process.stakeholderCategories} values={values} errors={errors} />
        <fieldset>
          <legend>{m.rulesLegend}</legend>
          <ol>
            {rules.rules.map((r) => (
              <li>
                <T value={r} locale={ctx.locale} />
              </li>
            ))}
          </ol>
          <input type="hidden" name="rulesVersion" value={String(rules.version)} />
          <Checkbox locale={ctx.locale} name="acceptRules" label={m.acceptRules(rules.version)} checked={values.acceptRules} required error={errors?.acceptRules} />
        </fieldset>
        <DeclarationFields locale={ctx.locale} values={values} errors={errors} />
        <button type="submit">{m.join}</button>
      </form>
    </Layout>
  );
}
