import { pickText, type Locale, type Localized } from '../../kernel/localized.ts';
import { platformMessages } from '../messages/index.ts';

/**
 * User content in the reader's language; when only the other language exists
 * it is shown with its own `lang` and a visible "not yet translated" notice.
 */
export function T(props: { value: Localized | null | undefined; locale: Locale }) {
  const shown = pickText(props.value, props.locale);
  if (!shown) return null;
  if (shown.translated) return <>{shown.text}</>;
  const m = platformMessages(props.locale);
  return (
    <span lang={shown.lang}>
      {shown.text}{' '}
      <span class="untranslated" lang={props.locale}>
        ({m.notYetTranslated})
      </span>
    </span>
  );
}

/** Multi-paragraph user text: blank lines separate paragraphs. */
export function Paragraphs(props: { value: Localized | null | undefined; locale: Locale; class?: string }) {
  const shown = pickText(props.value, props.locale);
  if (!shown) return null;
  const paras = shown.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const m = platformMessages(props.locale);
  return (
    <div class={props.class ?? 'prose'} lang={shown.translated ? undefined : shown.lang}>
      {shown.translated ? null : (
        <p class="untranslated" lang={props.locale}>
          {m.notYetTranslated}
        </p>
      )}
      {paras.map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

/** Plain text of a Localized value for attributes and titles. */
export function plain(value: Localized | null | undefined, locale: Locale): string {
  return pickText(value, locale)?.text ?? '';
}

/** A wide table’s scroll container: a named, focusable group (not a landmark) so keyboard users can scroll it too. */
export function TableWrap(props: { label: string; children?: unknown }) {
  return (
    <div class="table-wrap" role="group" aria-label={props.label} tabindex={0}>
      {props.children as never}
    </div>
  );
}

/** The language of the text a reader of `locale` sees, when it is not theirs (for a lang attribute). */
export function langOf(value: Localized | null | undefined, locale: Locale): Locale | undefined {
  const shown = pickText(value, locale);
  return shown && !shown.translated ? shown.lang : undefined;
}
