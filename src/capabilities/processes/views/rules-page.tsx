import { formatDate } from '../../../kernel/i18n.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Input, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import type { Process } from '../domain/process.ts';
import type { RulesVersion } from '../domain/rules.ts';
import { processMessages } from '../messages/index.ts';

export type RulesFormValues = { rules_en: string; rules_fr: string; criteria_en: string; criteria_fr: string; note_en: string; note_fr: string; adoptedOn: string };

export function rulesFormValues(r: RulesVersion | null): RulesFormValues {
  const lines = (list: RulesVersion['rules'] | undefined, l: 'en' | 'fr') => (list ?? []).map((x) => x[l] ?? '').join('\n');
  return {
    rules_en: lines(r?.rules, 'en'),
    rules_fr: lines(r?.rules, 'fr'),
    criteria_en: lines(r?.consensusCriteria, 'en'),
    criteria_fr: lines(r?.consensusCriteria, 'fr'),
    note_en: '',
    note_fr: '',
    adoptedOn: '',
  };
}

function RulesList(props: { version: RulesVersion; ctx: PageCtx }) {
  const { version: v, ctx } = props;
  const m = processMessages(ctx.locale);
  return (
    <>
      <ol>
        {v.rules.map((r) => (
          <li>
            <T value={r} locale={ctx.locale} />
          </li>
        ))}
      </ol>
      <h3>{m.consensusTitle}</h3>
      <ol>
        {v.consensusCriteria.map((r) => (
          <li>
            <T value={r} locale={ctx.locale} />
          </li>
        ))}
      </ol>
    </>
  );
}

export function RulesPage(props: {
  ctx: PageCtx;
  process: Process;
  history: RulesVersion[];
  canEdit: boolean;
  values: RulesFormValues;
  errors?: Record<string, AnyFieldError> | null;
}) {
  const { ctx, process, history } = props;
  const m = processMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const [current, ...earlier] = history;
  const base = `/p/${process.slug}`;
  const heading = (v: RulesVersion) =>
    `${m.rulesVersion(v.version)}${v.adoptedOn ? ` — ${m.rulesAdopted(formatDate(ctx.locale, v.adoptedOn))}` : ` — ${formatDate(ctx.locale, v.createdAt, process.timeZone)}`}`;
  return (
    <Layout
      ctx={ctx}
      title={m.rulesTitle}
      crumbs={[
        { href: href(ctx, '/'), label: m.homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.rulesTitle}</h1>
      {current ? (
        <section aria-labelledby="current-h">
          <h2 id="current-h">{heading(current)}</h2>
          {plain(current.note, ctx.locale) ? (
            <p class="notice">
              <T value={current.note} locale={ctx.locale} />
            </p>
          ) : null}
          <RulesList version={current} ctx={ctx} />
        </section>
      ) : null}
      {earlier.length > 0 ? (
        <section aria-labelledby="history-h">
          <h2 id="history-h">{m.rulesHistory}</h2>
          {earlier.map((v) => (
            <details>
              <summary>{heading(v)}</summary>
              {plain(v.note, ctx.locale) ? (
                <p>
                  <T value={v.note} locale={ctx.locale} />
                </p>
              ) : null}
              <RulesList version={v} ctx={ctx} />
            </details>
          ))}
        </section>
      ) : null}
      {props.canEdit ? (
        <section aria-labelledby="revise-h">
          <h2 id="revise-h">{m.reviseRules}</h2>
          <ErrorSummary
            locale={ctx.locale}
            errors={props.errors}
            labels={{ rules_en: m.rulesInEnglish, rules_fr: m.rulesInFrench, criteria_en: m.criteriaInEnglish, criteria_fr: m.criteriaInFrench, adoptedOn: m.adoptedOn }}
          />
          <form method="post" action={href(ctx, `${base}/rules`)} class="stack" novalidate>
            <CsrfField value={ctx.csrf} />
            <TextArea
              locale={ctx.locale}
              name="rules_en"
              label={m.rulesInEnglish}
              hint={m.rulesEnHint}
              value={props.values.rules_en}
              rows={9}
              lang="en"
              required={process.officialLanguages.includes('en')}
              error={props.errors?.rules_en}
              maxlength={20000}
            />
            <TextArea
              locale={ctx.locale}
              name="rules_fr"
              label={m.rulesInFrench}
              hint={m.rulesFrHint}
              value={props.values.rules_fr}
              rows={9}
              lang="fr"
              required={process.officialLanguages.includes('fr')}
              error={props.errors?.rules_fr}
              maxlength={20000}
            />
            <TextArea
              locale={ctx.locale}
              name="criteria_en"
              label={m.criteriaInEnglish}
              value={props.values.criteria_en}
              rows={4}
              lang="en"
              required={process.officialLanguages.includes('en')}
              error={props.errors?.criteria_en}
              maxlength={10000}
            />
            <TextArea
              locale={ctx.locale}
              name="criteria_fr"
              label={m.criteriaInFrench}
              value={props.values.criteria_fr}
              rows={4}
              lang="fr"
              required={process.officialLanguages.includes('fr')}
              error={props.errors?.criteria_fr}
              maxlength={10000}
            />
            <TextArea locale={ctx.locale} name="note_en" label={`${m.rulesNote} (${pm.languageName.en})`} value={props.values.note_en} rows={2} lang="en" maxlength={2000} />
            <TextArea locale={ctx.locale} name="note_fr" label={`${m.rulesNote} (${pm.languageName.fr})`} value={props.values.note_fr} rows={2} lang="fr" maxlength={2000} />
            <Input locale={ctx.locale} name="adoptedOn" type="date" label={m.adoptedOn} value={props.values.adoptedOn} error={props.errors?.adoptedOn} />
            <button type="submit">{m.reviseRules}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
