import type { Locale } from '../../../kernel/localized.ts';
import type { Period } from './period.ts';
import { isPdf } from './pdf.ts';

export const BODY_MAX = 20_000;
export const NAME_MAX = 200;
export const ORGANIZATION_MAX = 200;
export const MAX_ATTACHMENTS = 5;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** A campaign may gather many signatories; the count is capped only to refuse nonsense. */
export const SIGNATORIES_MAX = 10_000_000;
/** Named signatories listed with one comment (the count may be larger). */
export const SIGNATORY_NAMES_MAX = 1000;

export type Attachment = { filename: string; bytes: Uint8Array };

/** A submission as the form or the JSON API gives it, already trimmed. */
export type SubmissionInput = {
  name: string | null;
  anonymous: boolean;
  organization: string | null;
  categoryKey: string;
  email: string | null;
  lang: Locale;
  body: string;
  anchor: string | null;
  signatories: number;
  signatoryNames: string[];
  attachments: Attachment[];
};

export type SubmissionProblem =
  | 'name-required'
  | 'anonymous-not-allowed'
  | 'email-required'
  | 'unknown-category'
  | 'unknown-paragraph'
  | 'body-required'
  | 'body-too-long'
  | 'too-many-signatory-names'
  | 'fewer-signatories-than-names'
  | 'too-many-attachments'
  | 'attachment-too-large'
  | 'attachment-not-pdf';

/** The field each problem belongs to, for the form. */
export const PROBLEM_FIELD: Record<SubmissionProblem, string> = {
  'name-required': 'name',
  'anonymous-not-allowed': 'anonymous',
  'email-required': 'email',
  'unknown-category': 'category',
  'unknown-paragraph': 'anchor',
  'body-required': 'body',
  'body-too-long': 'body',
  'too-many-signatory-names': 'signatory_names',
  'fewer-signatories-than-names': 'signatories',
  'too-many-attachments': 'attachments',
  'attachment-too-large': 'attachments',
  'attachment-not-pdf': 'attachments',
};

export type SubmissionCheck = { problems: SubmissionProblem[]; badFiles: string[] };

/**
 * The rules of a period applied to a submission: every problem at once, so
 * the form comes back with all of them. Attachments are judged by their
 * bytes (a PDF starts with "%PDF-"), never by their name or declared type.
 */
export function checkSubmission(
  input: SubmissionInput,
  period: Pick<Period, 'allowAnonymous' | 'requireVerifiedEmail'>,
  rules: { categories: readonly string[]; anchors: ReadonlySet<string> },
): SubmissionCheck {
  const problems: SubmissionProblem[] = [];
  const badFiles: string[] = [];
  if (input.anonymous && !period.allowAnonymous) problems.push('anonymous-not-allowed');
  if (!input.anonymous && !input.name) problems.push('name-required');
  if (period.requireVerifiedEmail && !input.email) problems.push('email-required');
  if (!rules.categories.includes(input.categoryKey)) problems.push('unknown-category');
  if (input.anchor !== null && !rules.anchors.has(input.anchor)) problems.push('unknown-paragraph');
  if (!input.body) problems.push('body-required');
  else if (input.body.length > BODY_MAX) problems.push('body-too-long');
  if (input.signatoryNames.length > SIGNATORY_NAMES_MAX) problems.push('too-many-signatory-names');
  else if (input.signatoryNames.length > input.signatories) problems.push('fewer-signatories-than-names');
  if (input.attachments.length > MAX_ATTACHMENTS) problems.push('too-many-attachments');
  else {
    for (const a of input.attachments) {
      if (a.bytes.length > ATTACHMENT_MAX_BYTES) {
        if (!problems.includes('attachment-too-large')) problems.push('attachment-too-large');
        badFiles.push(a.filename);
      } else if (!isPdf(a.bytes)) {
        if (!problems.includes('attachment-not-pdf')) problems.push('attachment-not-pdf');
        badFiles.push(a.filename);
      }
    }
  }
  return { problems, badFiles };
}

/** One signatory name per line; blank lines dropped. */
export function signatoryNamesFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A file name safe to show and to put in a Content-Disposition header. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return cleaned || 'attachment.pdf';
}
