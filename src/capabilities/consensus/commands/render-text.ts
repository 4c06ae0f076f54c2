import { LOCALES, type Localized } from '../../../kernel/localized.ts';
import { renderMarkdown } from '../../../platform/content/markdown.ts';

/** A proposal's Markdown becomes HTML once, when it is saved; pages show the stored HTML. */
export function renderText(text: Localized): Localized {
  const out: Localized = {};
  for (const l of LOCALES) if (text[l]) out[l] = renderMarkdown(text[l]!);
  return out;
}
