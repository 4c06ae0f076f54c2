import type { Locale } from '../../../kernel/localized.ts';
import { platformMessages } from '../../../platform/messages/index.ts';
import type { DocumentState } from '../domain/document.ts';
import type { TranslationStatus } from '../domain/translation.ts';
import { documentMessages } from '../messages/index.ts';

export const languageName = (ctx: Locale, l: Locale) => platformMessages(ctx).languageName[l];
/** A language's name as a label (capitalized, as French writes it lower-case in running text). */
export const languageLabel = (ctx: Locale, l: Locale) => languageName(ctx, l).replace(/^./, (c) => c.toUpperCase());

const stateTone: Record<DocumentState, string> = {
  draft: '',
  'wg-review': 'warn',
  'plenary-review': 'warn',
  'public-input': 'warn',
  final: 'good',
  published: 'good',
};

export function StateBadge(props: { state: DocumentState; locale: Locale }) {
  return <span class={`badge ${stateTone[props.state]}`.trim()}>{documentMessages(props.locale).states[props.state]}</span>;
}

const statusTone: Record<TranslationStatus, string> = { current: 'good', outdated: 'warn', missing: 'bad' };

export function StatusBadge(props: { status: TranslationStatus; locale: Locale }) {
  return <span class={`badge ${statusTone[props.status]}`}>{documentMessages(props.locale).statusNames[props.status]}</span>;
}
