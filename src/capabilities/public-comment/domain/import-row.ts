// One row of a bulk import (comments gathered elsewhere: a mail-in campaign,
// a partner's survey), checked with the web form's limits.
import type { Locale } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';

export const IMPORT_FIELDS = ['name', 'organization', 'category', 'email', 'lang', 'text', 'anchor', 'signatories'] as const;
export const TEXT_MAX = 10_000;
export const NAME_MAX = 120;
export const ORGANIZATION_MAX = 200;
export const SIGNATORIES_MAX = 10_000_000;

export type ImportedComment = {
  name: string | null;
  organization: string | null;
  categoryKey: string;
  email: string | null;
  lang: Locale;
  body: string;
  anchor: string | null;
  signatories: number;
};

export type ImportRefusal =
  | 'not-an-object'
  | 'unknown-field'
  | 'text-missing'
  | 'text-too-long'
  | 'name-too-long'
  | 'name-required'
  | 'organization-too-long'
  | 'bad-email'
  | 'bad-lang'
  | 'unknown-category'
  | 'unknown-anchor'
  | 'bad-signatories';

export type ImportContext = { categories: ReadonlySet<string>; anchors: ReadonlySet<string>; allowAnonymous: boolean; defaultLang: Locale };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;
// Text as it came in (CSV gives strings, JSON may give numbers for signatories).
const str = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v.trim() || null : typeof v === 'number' ? String(v) : null);

export function checkImportRow(raw: unknown, ctx: ImportContext): Result<ImportedComment, ImportRefusal> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('not-an-object');
  const row = raw as Record<string, unknown>;
  if (Object.keys(row).some((k) => !(IMPORT_FIELDS as readonly string[]).includes(k))) return refuse('unknown-field');
  const body = typeof row.text === 'string' ? row.text.trim() : '';
  if (!body) return refuse('text-missing');
  if (body.length > TEXT_MAX) return refuse('text-too-long');
  const name = str(row.name);
  if (name && name.length > NAME_MAX) return refuse('name-too-long');
  if (!name && !ctx.allowAnonymous) return refuse('name-required');
  const organization = str(row.organization);
  if (organization && organization.length > ORGANIZATION_MAX) return refuse('organization-too-long');
  const email = str(row.email);
  if (email && !EMAIL.test(email)) return refuse('bad-email');
  const langRaw = str(row.lang);
  if (langRaw && langRaw !== 'en' && langRaw !== 'fr') return refuse('bad-lang');
  const category = str(row.category) ?? 'other';
  if (!ctx.categories.has(category)) return refuse('unknown-category');
  const anchor = str(row.anchor);
  if (anchor && !ctx.anchors.has(anchor)) return refuse('unknown-anchor');
  const sRaw = str(row.signatories);
  const signatories = sRaw === null ? 1 : /^\d{1,8}$/.test(sRaw) ? Number(sRaw) : NaN;
  if (!Number.isInteger(signatories) || signatories < 1 || signatories > SIGNATORIES_MAX) return refuse('bad-signatories');
  return ok({ name, organization, categoryKey: category, email: email?.toLowerCase() ?? null, lang: (langRaw as Locale | null) ?? ctx.defaultLang, body, anchor, signatories });
}
