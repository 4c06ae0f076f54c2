import type { Locale } from '../../../kernel/localized.ts';
import { Radios, TextArea, type AnyFieldError } from '../../../platform/views/form.tsx';
import { participantMessages } from '../messages/index.ts';

export type DeclarationValues = { hasInterests: string; declarationText: string };

export function DeclarationFields(props: { locale: Locale; values: DeclarationValues; errors: Record<string, AnyFieldError> | null | undefined }) {
  const { locale, values, errors } = props;
  const m = participantMessages(locale);
  return (
    <>
      <Radios
        locale={locale}
        name="hasInterests"
        label={m.declarationLegend}
        hint={m.declarationHint}
        value={values.hasInterests}
        required
        options={[
          { value: 'no', label: m.noInterests },
          { value: 'yes', label: m.hasInterests },
        ]}
        error={errors?.hasInterests}
      />
      <div data-show-when="hasInterests=yes">
        <TextArea locale={locale} name="declarationText" label={m.declarationText} value={values.declarationText} rows={4} maxlength={4000} error={errors?.declarationText} />
      </div>
    </>
  );
}
