import type { Child } from 'hono/jsx';
import type { Locale } from '../../kernel/localized.ts';
import { platformMessages, type PlatformMessages } from '../messages/index.ts';
import type { FieldError, FieldErrors } from '../http/validation.ts';

export function CsrfField(props: { value: string }) {
  return <input type="hidden" name="_csrf" value={props.value} />;
}

export function errorText(m: PlatformMessages, e: FieldError): string {
  const v = m.validation;
  switch (e.code) {
    case 'tooLong':
      return v.tooLong(e.bound ?? 0);
    case 'tooShort':
      return v.tooShort(e.bound ?? 0);
    case 'tooSmall':
      return v.tooSmall(e.bound ?? 0);
    case 'tooBig':
      return v.tooBig(e.bound ?? 0);
    default:
      return v[e.code];
  }
}

/** Either a validation code or an already-worded message from a capability catalog. */
export type AnyFieldError = FieldError | { message: string };
const word = (m: PlatformMessages, e: AnyFieldError) => ('message' in e ? e.message : errorText(m, e));

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: { locale: Locale; errors: Record<string, AnyFieldError> | null | undefined; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  const m = platformMessages(props.locale);
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{m.errorSummaryTitle}</h2>
      <p>{m.errorSummaryIntro}</p>
      <ul>
        {entries.map(([field, e]) => (
          <li>
            {field.startsWith('_') ? (
              word(m, e)
            ) : (
              <a href={`#${fieldId(field)}`}>
                {props.labels[field] ? `${props.labels[field]}: ` : ''}
                {word(m, e)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

type FieldProps = {
  locale: Locale;
  name: string;
  label: string;
  hint?: string;
  error?: AnyFieldError | undefined;
  required?: boolean;
  lang?: Locale;
};

function Described(props: FieldProps & { children: Child }) {
  const m = platformMessages(props.locale);
  const id = fieldId(props.name);
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? null : <span class="opt"> ({m.optional})</span>}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {word(m, props.error)}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

const describedBy = (p: FieldProps) => [p.hint ? `${fieldId(p.name)}-hint` : null, p.error ? `${fieldId(p.name)}-error` : null].filter(Boolean).join(' ') || undefined;

export function Input(
  props: FieldProps & {
    value?: string | number | null;
    type?: string;
    autocomplete?: string;
    maxlength?: number;
    inputmode?: 'numeric' | 'decimal' | 'email' | 'text' | 'url';
    size?: number;
  },
) {
  return (
    <Described {...props}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        size={props.size}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </Described>
  );
}

export function TextArea(props: FieldProps & { value?: string | null; rows?: number; maxlength?: number }) {
  return (
    <Described {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxlength={props.maxlength}
        lang={props.lang}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value ?? ''}
      </textarea>
    </Described>
  );
}

export function Select(props: FieldProps & { value?: string | null; options: Array<{ value: string; label: string; lang?: Locale }> }) {
  return (
    <Described {...props}>
      <select id={fieldId(props.name)} name={props.name} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(props)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </Described>
  );
}

/** A group of radio buttons in a fieldset; the legend is the question. */
export function Radios(props: FieldProps & { value?: string | null; options: Array<{ value: string; label: Child; hint?: string }> }) {
  const m = platformMessages(props.locale);
  const id = fieldId(props.name);
  return (
    <fieldset class={`field radios${props.error ? ' has-error' : ''}`} id={id} aria-describedby={describedBy(props)}>
      <legend>
        {props.label}
        {props.required ? null : <span class="opt"> ({m.optional})</span>}
      </legend>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {word(m, props.error)}
        </p>
      ) : null}
      {props.options.map((o, i) => (
        <div class="choice">
          <input type="radio" id={`${id}-${i}`} name={props.name} value={o.value} checked={o.value === props.value} required={props.required} />
          <label for={`${id}-${i}`}>
            {o.label}
            {o.hint ? <span class="hint"> {o.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox(props: FieldProps & { checked?: boolean; children?: Child }) {
  const m = platformMessages(props.locale);
  const id = fieldId(props.name);
  return (
    <div class={`field choice${props.error ? ' has-error' : ''}`}>
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {word(m, props.error)}
        </p>
      ) : null}
      <input
        type="checkbox"
        id={id}
        name={props.name}
        checked={props.checked}
        required={props.required}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      />
      <label for={id}>{props.label}</label>
      {props.children}
    </div>
  );
}

/** Two inputs for one bilingual value (`name_en`, `name_fr`), each marked with its language. */
export function LocalizedInputs(props: {
  locale: Locale;
  name: string;
  label: string;
  hint?: string;
  value?: Partial<Record<Locale, string>> | null;
  errors?: Record<string, AnyFieldError> | null;
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
  requiredLanguages?: Locale[];
}) {
  const m = platformMessages(props.locale);
  const langs: Locale[] = ['en', 'fr'];
  return (
    <fieldset class="localized">
      <legend>{props.label}</legend>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {langs.map((l) => {
        const common = {
          locale: props.locale,
          name: `${props.name}_${l}`,
          label: m.languageName[l].replace(/^./, (c) => c.toUpperCase()),
          error: props.errors?.[`${props.name}_${l}`],
          required: props.requiredLanguages?.includes(l) ?? false,
          lang: l,
          maxlength: props.maxlength,
        };
        return props.multiline ? <TextArea {...common} rows={props.rows ?? 4} value={props.value?.[l] ?? ''} /> : <Input {...common} value={props.value?.[l] ?? ''} />;
      })}
    </fieldset>
  );
}

/** A button that POSTs (state changes are never links). */
/** `context` is read by screen readers after the label, so five "Remove" buttons say what each removes. */
export function PostButton(props: { action: string; csrf: string; label: string; context?: string; class?: string; confirm?: string; hidden?: Record<string, string | number> }) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField value={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={String(v)} />
      ))}
      <button type="submit" class={props.class} data-confirm={props.confirm}>
        {props.label}
        {props.context ? <span class="visually-hidden"> {props.context}</span> : null}
      </button>
    </form>
  );
}
