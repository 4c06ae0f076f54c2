import type { Locale } from '../../../kernel/localized.ts';
import { Input, Radios, type AnyFieldError } from '../../../platform/views/form.tsx';
import { T } from '../../../platform/views/text.tsx';
import type { StakeholderCategory } from '../../processes/index.ts';
import { participantMessages } from '../messages/index.ts';

export type ProfileValues = { displayName: string; category: string; categoryOther: string; affiliation: string; representation: string; organization: string };
type Errors = Record<string, AnyFieldError> | null | undefined;

/** Self-identification and self-representation, in the person's own words. */
export function ProfileFields(props: { locale: Locale; categories: StakeholderCategory[]; values: ProfileValues; errors: Errors }) {
  const { locale, values, errors } = props;
  const m = participantMessages(locale);
  const otherKey = props.categories.find((c) => c.otherText)?.key;
  return (
    <>
      <Input
        locale={locale}
        name="displayName"
        label={m.displayName}
        hint={m.displayNameHint}
        value={values.displayName}
        required
        maxlength={120}
        autocomplete="name"
        error={errors?.displayName}
      />
      <Radios
        locale={locale}
        name="category"
        label={m.category}
        hint={m.categoryHint}
        value={values.category}
        required
        options={props.categories.map((c) => ({ value: c.key, label: <T value={c.label} locale={locale} /> }))}
        error={errors?.category}
      />
      {otherKey ? (
        <div data-show-when={`category=${otherKey}`}>
          <Input locale={locale} name="categoryOther" label={m.categoryOther} value={values.categoryOther} maxlength={120} error={errors?.categoryOther} />
        </div>
      ) : null}
      <Input
        locale={locale}
        name="affiliation"
        label={m.affiliation}
        hint={m.affiliationHint}
        value={values.affiliation}
        maxlength={200}
        autocomplete="organization"
        error={errors?.affiliation}
      />
      <Radios
        locale={locale}
        name="representation"
        label={m.representation}
        value={values.representation}
        required
        options={[
          { value: 'self', label: m.forMyself },
          { value: 'organization', label: m.onBehalfOf },
        ]}
        error={errors?.representation}
      />
      <div data-show-when="representation=organization">
        <Input locale={locale} name="organization" label={m.organization} value={values.organization} maxlength={200} error={errors?.organization} />
      </div>
    </>
  );
}

export function profileLabels(locale: Locale): Record<string, string> {
  const m = participantMessages(locale);
  return {
    displayName: m.displayName,
    category: m.category,
    categoryOther: m.categoryOther,
    affiliation: m.affiliation,
    representation: m.representation,
    organization: m.organization,
    acceptRules: m.rulesLegend,
    hasInterests: m.declarationLegend,
    declarationText: m.declarationText,
  };
}
