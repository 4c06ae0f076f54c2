import type { DomainEvent } from '../../../kernel/events.ts';
import { hasText, LOCALES, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { WORKING_GROUP, type BodyStatus, type MembershipPolicy, type MembershipRole } from './body.ts';

export type BodyInput = { typeKey: string; name: Localized; charter: Localized; membershipPolicy: MembershipPolicy };

export type BodyRules = { organizer: boolean; bodyTypes: ReadonlyArray<{ key: string }>; officialLanguages: readonly Locale[]; processPublished: boolean };

export type BodyInputRefusal = 'not-allowed' | 'unknown-type' | 'no-name' | 'missing-translations' | 'charter-by-proposal';

/** Bodies are created by the convener; once the process is public, in every official language. */
export function checkBodyInput(rules: BodyRules, input: BodyInput): BodyInputRefusal | null {
  if (!rules.organizer) return 'not-allowed';
  if (!rules.bodyTypes.some((t) => t.key === input.typeKey)) return 'unknown-type';
  if (!rules.officialLanguages.some((l) => hasText(input.name, l))) return 'no-name';
  if (rules.processPublished && rules.officialLanguages.some((l) => !hasText(input.name, l) || !hasText(input.charter, l))) return 'missing-translations';
  return null;
}

const sameCharter = (a: Localized, b: Localized) => LOCALES.every((l) => (a[l] ?? '').trim() === (b[l] ?? '').trim());

/**
 * Scope is defined by the participants: once a process is public, a working
 * group's charter changes only through a consensus decision of the group (a
 * proposal), never by an edit, and a body cannot be turned into or out of a
 * working group to get round that.
 */
export function checkCharterEdit(current: { typeKey: string; charter: Localized }, input: BodyInput, processPublished: boolean): 'charter-by-proposal' | null {
  if (!processPublished || sameCharter(current.charter, input.charter)) return null;
  return current.typeKey === WORKING_GROUP || input.typeKey === WORKING_GROUP ? 'charter-by-proposal' : null;
}

/** Whether an edit changes the charter (a new version is recorded). */
export const charterChanged = (current: Localized, next: Localized): boolean => !sameCharter(current, next);

export function createBody(rules: BodyRules, input: BodyInput, slug: string): Result<{ input: BodyInput; slug: string; events: DomainEvent[] }, BodyInputRefusal> {
  const problem = checkBodyInput(rules, input);
  if (problem) return refuse(problem);
  return ok({ input, slug, events: [{ action: 'body.created', subjectType: 'body', subjectId: slug, data: { name: input.name } }] });
}

export function setStatus(organizer: boolean, current: BodyStatus, next: BodyStatus): Result<DomainEvent[], 'not-allowed' | 'unchanged'> {
  if (!organizer) return refuse('not-allowed');
  if (current === next) return refuse('unchanged');
  return ok([{ action: next === 'closed' ? 'body.closed' : 'body.reopened', subjectType: 'body', subjectId: '' }]);
}

export const ROLES: readonly MembershipRole[] = ['facilitator', 'member', 'observer'];
