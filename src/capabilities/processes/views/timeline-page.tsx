import type { Locale, Localized } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Input, LocalizedInputs, PostButton, Radios, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import type { Process } from '../domain/process.ts';
import type { PhaseView } from '../domain/timeline.ts';
import { processMessages } from '../messages/index.ts';
import { TimelineList } from './timeline.tsx';

export type PhaseFormValues = {
  kind: string;
  name: Localized;
  plannedStart: string;
  plannedEnd: string;
  bufferDays: string;
  actualEnd: string;
  forecastEnd: string;
};

export const emptyPhase: PhaseFormValues = { kind: 'phase', name: {}, plannedStart: '', plannedEnd: '', bufferDays: '0', actualEnd: '', forecastEnd: '' };

export function phaseValues(p: PhaseView): PhaseFormValues {
  return {
    kind: p.kind,
    name: p.name,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    bufferDays: String(p.bufferDays),
    actualEnd: p.actualEnd ?? '',
    forecastEnd: p.forecastEnd ?? '',
  };
}

function PhaseForm(props: { ctx: PageCtx; action: string; values: PhaseFormValues; errors?: Record<string, AnyFieldError> | null; submit: string; official: Locale[] }) {
  const { ctx, values, errors, official } = props;
  const m = processMessages(ctx.locale);
  return (
    <form method="post" action={props.action} class="stack" novalidate>
      <CsrfField value={ctx.csrf} />
      <Radios
        locale={ctx.locale}
        name="kind"
        label={m.kind}
        value={values.kind}
        required
        options={[
          { value: 'phase', label: m.phase },
          { value: 'milestone', label: m.milestone },
        ]}
        error={errors?.kind}
      />
      <LocalizedInputs locale={ctx.locale} name="name" label={m.phaseName} value={values.name} errors={errors} maxlength={200} requiredLanguages={official} />
      <Input locale={ctx.locale} name="plannedStart" type="date" label={m.plannedStart} value={values.plannedStart} required error={errors?.plannedStart} />
      <Input locale={ctx.locale} name="plannedEnd" type="date" label={m.plannedEnd} value={values.plannedEnd} required error={errors?.plannedEnd} />
      <Input
        locale={ctx.locale}
        name="bufferDays"
        label={m.bufferDays}
        hint={m.bufferHint}
        value={values.bufferDays}
        inputmode="numeric"
        required
        error={errors?.bufferDays}
        size={5}
      />
      <Input locale={ctx.locale} name="forecastEnd" type="date" label={m.forecastEnd} hint={m.forecastHint} value={values.forecastEnd} error={errors?.forecastEnd} />
      <Input locale={ctx.locale} name="actualEnd" type="date" label={m.actualEnd} value={values.actualEnd} error={errors?.actualEnd} />
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export function TimelinePage(props: {
  ctx: PageCtx;
  process: Process;
  phases: PhaseView[];
  canEdit: boolean;
  /** The phase being edited (null: a new one), with the values and errors of a refused submission. */
  editing?: { phaseId: number | null; values?: PhaseFormValues; errors?: Record<string, AnyFieldError> };
}) {
  const { ctx, process, phases } = props;
  const m = processMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  const labels = {
    kind: m.kind,
    name_en: `${m.phaseName} (${pm.languageName.en})`,
    name_fr: `${m.phaseName} (${pm.languageName.fr})`,
    plannedStart: m.plannedStart,
    plannedEnd: m.plannedEnd,
    bufferDays: m.bufferDays,
    actualEnd: m.actualEnd,
    forecastEnd: m.forecastEnd,
  };
  const ed = props.editing;
  const editedPhase = ed?.phaseId != null ? phases.find((p) => p.id === ed.phaseId) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={m.timeline}
      crumbs={[
        { href: href(ctx, '/'), label: m.homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.timeline}</h1>
      <TimelineList phases={phases} locale={ctx.locale} headingLevel={2} editHref={props.canEdit ? (id) => href(ctx, `${base}/timeline?edit=${id}#edit-phase-h`) : undefined} />
      {props.canEdit && editedPhase ? (
        <section aria-labelledby="edit-phase-h">
          <h2 id="edit-phase-h">
            {m.edit}: <T value={editedPhase.name} locale={ctx.locale} />
          </h2>
          <ErrorSummary locale={ctx.locale} errors={ed?.errors} labels={labels} />
          <PhaseForm
            ctx={ctx}
            action={href(ctx, `${base}/phases/${editedPhase.id}`)}
            values={ed?.values ?? phaseValues(editedPhase)}
            errors={ed?.errors}
            submit={m.savePhase}
            official={process.officialLanguages}
          />
          <p class="actions">
            <PostButton action={href(ctx, `${base}/phases/${editedPhase.id}/remove`)} csrf={ctx.csrf} label={m.removePhase} class="danger" confirm={m.confirmRemovePhase} />
            <a href={href(ctx, `${base}/timeline`)}>{pm.cancel}</a>
          </p>
        </section>
      ) : null}
      {props.canEdit && !editedPhase ? (
        <section aria-labelledby="add-phase-h">
          <h2 id="add-phase-h">{m.addPhase}</h2>
          <ErrorSummary locale={ctx.locale} errors={ed?.errors} labels={labels} />
          <PhaseForm
            ctx={ctx}
            action={href(ctx, `${base}/phases`)}
            values={ed?.values ?? emptyPhase}
            errors={ed?.errors}
            submit={m.addPhase}
            official={process.officialLanguages}
          />
        </section>
      ) : null}
    </Layout>
  );
}
