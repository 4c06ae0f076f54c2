import { formatDate, formatNumber, plural } from '../../../kernel/i18n.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { CsrfField, ErrorSummary, Radios, Select, TextArea, Input, type AnyFieldError } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T } from '../../../platform/views/text.tsx';
import { DISPOSITION_KINDS, type DispositionKind, type RegisterFilter } from '../domain/disposition.ts';
import { answerMessages } from '../messages/answer.ts';
import { AnswerNav, Pager, periodBase, periodCrumbs, type PeriodView } from './answer-parts.tsx';

export type RegisterRow =
  | { type: 'group'; key: number; comments: number; signatories: number; excerpt: string; lang: Locale; anchors: string[]; kind: DispositionKind | null; ownAnswers: number }
  | {
      type: 'comment';
      id: number;
      signatories: number;
      excerpt: string;
      lang: Locale;
      anchor: string | null;
      kind: DispositionKind | null;
      inherited: boolean;
      groupKey: number | null;
    };

export type FormerGroup = { key: number; kind: DispositionKind; reason: Localized };

export function RegisterPage(props: {
  ctx: PageCtx;
  v: PeriodView;
  progress: { answered: number; total: number };
  filter: RegisterFilter;
  anchors: { anchor: string; label: string }[];
  rows: RegisterRow[];
  former: FormerGroup[];
  page: number;
  total: number;
  size: number;
}) {
  const { ctx, v, filter } = props;
  const m = answerMessages(ctx.locale);
  const base = `${periodBase(v)}/dispositions`;
  const query = new URLSearchParams({ show: filter.show, ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.anchor ? { anchor: filter.anchor } : {}) }).toString();
  return (
    <Layout ctx={ctx} title={m.registerTitle} crumbs={periodCrumbs(ctx, v)} wide>
      <h1>{m.registerTitle}</h1>
      <AnswerNav ctx={ctx} v={v} here="register" />
      <p>{m.registerIntro}</p>
      <p>
        <strong>{m.progress(formatNumber(ctx.locale, props.progress.answered), formatNumber(ctx.locale, props.progress.total))}</strong>
      </p>
      <progress
        max={Math.max(1, props.progress.total)}
        value={props.progress.answered}
        aria-label={m.progress(formatNumber(ctx.locale, props.progress.answered), formatNumber(ctx.locale, props.progress.total))}
      />
      <form method="get" action={href(ctx, base)} class="filters">
        <fieldset>
          <legend>{m.filters}</legend>
          <Select
            locale={ctx.locale}
            name="show"
            label={m.show}
            required
            value={filter.show}
            options={[
              { value: 'all', label: m.showAll },
              { value: 'unanswered', label: m.showUnanswered },
              { value: 'answered', label: m.showAnswered },
            ]}
          />
          <Select
            locale={ctx.locale}
            name="kind"
            label={m.kindFilter}
            value={filter.kind ?? ''}
            options={[{ value: '', label: m.anyKind }, ...DISPOSITION_KINDS.map((k) => ({ value: k, label: m.kind[k] }))]}
          />
          <Select
            locale={ctx.locale}
            name="anchor"
            label={m.passageFilter}
            value={filter.anchor ?? ''}
            options={[{ value: '', label: m.anyPassage }, ...props.anchors.map((a) => ({ value: a.anchor, label: a.label }))]}
          />
          <button type="submit">{m.applyFilters}</button>
        </fieldset>
      </form>
      {props.rows.length === 0 ? (
        <p>{m.nothingMatches}</p>
      ) : (
        <div class="table-wrap">
          <table class="register">
            <caption>{m.registerCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.colItem}</th>
                <th scope="col">{m.colComments}</th>
                <th scope="col">{m.colSignatories}</th>
                <th scope="col">{m.colPassage}</th>
                <th scope="col">{m.colDisposition}</th>
                <th scope="col">{m.colAction}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => {
                const target = r.type === 'group' ? `group/${r.key}` : `comment/${r.id}`;
                return (
                  <tr id={r.type === 'group' ? `group-${r.key}` : `comment-${r.id}`}>
                    <th scope="row">
                      {r.type === 'group' ? <a href={href(ctx, `${periodBase(v)}/clusters/${r.key}`)}>{m.group(formatNumber(ctx.locale, r.comments))}</a> : m.comment(r.id)}
                      <span class="excerpt" lang={r.lang}>
                        {' '}
                        {r.excerpt}
                      </span>
                    </th>
                    <td>{formatNumber(ctx.locale, r.type === 'group' ? r.comments : 1)}</td>
                    <td>{formatNumber(ctx.locale, r.signatories)}</td>
                    <td>{r.type === 'group' ? r.anchors.join(', ') : (r.anchor ?? '')}</td>
                    <td>
                      {r.kind ? m.kind[r.kind] : m.unanswered}
                      {r.type === 'comment' && r.inherited ? <> {m.inherited}</> : null}
                      {r.type === 'group' && r.ownAnswers > 0 ? <> · {m.ownAnswers(formatNumber(ctx.locale, r.ownAnswers))}</> : null}
                    </td>
                    <td>
                      <a href={href(ctx, `${base}/${target}`)}>
                        {r.kind && !(r.type === 'comment' && r.inherited) ? m.changeAnswer : m.answer}
                        <span class="visually-hidden"> · {r.type === 'group' ? m.group(formatNumber(ctx.locale, r.comments)) : m.comment(r.id)}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} base={base} query={query} page={props.page} total={props.total} size={props.size} />
      {props.former.length ? (
        <>
          <h2>{m.formerGroups}</h2>
          <p>{m.formerGroupsIntro}</p>
          <ul>
            {props.former.map((f) => (
              <li>
                {m.formerGroup(f.key)}
                {m.colon}
                {m.kind[f.kind]}
                {f.reason.en || f.reason.fr ? (
                  <>
                    {' '}
                    — <T value={f.reason} locale={ctx.locale} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export type DispositionValues = { kind: string; reasonEn: string; reasonFr: string; changedVersion: string; changedAnchor: string };

/** The form for one comment or one group, with what it is about and its current answer. */
export function DispositionPage(props: {
  ctx: PageCtx;
  v: PeriodView;
  subject: { title: string; text: string; lang: Locale; signatories: number; comments: number; link: string | null };
  current: { kind: DispositionKind; decidedByName: string | null; decidedAt: Date; inherited: boolean } | null;
  versions: number[];
  values: DispositionValues;
  errors?: Record<string, AnyFieldError> | null;
  action: string;
}) {
  const { ctx, v, subject, values } = props;
  const m = answerMessages(ctx.locale);
  const labels = { kind: m.kindLabel, reasonEn: m.reasonEn, reasonFr: m.reasonFr, changedVersion: m.changedVersion, changedAnchor: m.changedAnchor };
  return (
    <Layout
      ctx={ctx}
      title={`${m.dispositionTitle} · ${subject.title}`}
      crumbs={[...periodCrumbs(ctx, v), { href: href(ctx, `${periodBase(v)}/dispositions`), label: m.registerTitle }]}
    >
      <h1>
        {m.dispositionTitle}
        {m.colon}
        {subject.title}
      </h1>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={labels} />
      <p>
        {plural(ctx.locale, subject.comments, m.comments)}, {plural(ctx.locale, subject.signatories, m.signatories)}
        {subject.link ? (
          <>
            {' '}
            · <a href={href(ctx, subject.link)}>{m.readGroup}</a>
          </>
        ) : null}
      </p>
      <blockquote class="quote" lang={subject.lang}>
        <p>{subject.text}</p>
      </blockquote>
      {props.current ? (
        <p>
          {m.current}
          {m.colon}
          <strong>{m.kind[props.current.kind]}</strong>
          {props.current.inherited ? <> {m.inherited}</> : <> · {m.decidedBy(props.current.decidedByName ?? '', formatDate(ctx.locale, props.current.decidedAt, v.timeZone))}</>}
        </p>
      ) : null}
      <form method="post" action={href(ctx, props.action)} novalidate>
        <CsrfField value={ctx.csrf} />
        <Radios
          locale={ctx.locale}
          name="kind"
          label={m.kindLabel}
          required
          value={values.kind}
          error={props.errors?.kind}
          options={DISPOSITION_KINDS.map((k) => ({ value: k, label: m.kind[k] }))}
        />
        <TextArea locale={ctx.locale} name="reasonEn" label={m.reasonEn} hint={m.reasonHint} lang="en" value={values.reasonEn} error={props.errors?.reasonEn} maxlength={4000} />
        <TextArea locale={ctx.locale} name="reasonFr" label={m.reasonFr} hint={m.reasonHint} lang="fr" value={values.reasonFr} error={props.errors?.reasonFr} maxlength={4000} />
        <Select
          locale={ctx.locale}
          name="changedVersion"
          label={m.changedVersion}
          hint={m.changedVersionHint}
          value={values.changedVersion}
          error={props.errors?.changedVersion}
          options={[{ value: '', label: m.noVersion }, ...props.versions.map((n) => ({ value: String(n), label: m.version(n) }))]}
        />
        <Input locale={ctx.locale} name="changedAnchor" label={m.changedAnchor} hint={m.changedAnchorHint} value={values.changedAnchor} error={props.errors?.changedAnchor} />
        <button type="submit">{m.save}</button>
      </form>
    </Layout>
  );
}
