import type { Actor } from '../../../kernel/actor.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { canCreateProcess, canInProcess, type ProcessAccess } from './permissions.ts';
import {
  DEFAULT_BODY_TYPES,
  DEFAULT_CATEGORIES,
  DEFAULT_CONSENSUS,
  DEFAULT_CONSENSUS_CRITERIA,
  DEFAULT_RULES,
  type BodyType,
  type ConsensusSettings,
  type Process,
  type StakeholderCategory,
} from './process.ts';
import { publicationGate, type MissingTranslation } from './publication.ts';

export type ProcessFields = {
  title: Localized;
  summary: Localized;
  scope: Localized;
  convenerName: Localized;
  officialLanguages: Locale[];
  timeZone: string;
};

export type ProcessSettings = {
  stakeholderCategories: StakeholderCategory[];
  bodyTypes: BodyType[];
  consensusSettings: ConsensusSettings;
};

export type CreateRefusal = 'not-allowed' | 'no-title' | 'no-language';

export type NewProcess = ProcessFields &
  ProcessSettings & {
    slug: string;
    rules: Localized[];
    consensusCriteria: Localized[];
    events: DomainEvent[];
  };

/** A convener starts a process as a draft with the seed's rules and consensus definition, to be edited. */
export function newProcess(actor: Actor, slug: string, fields: ProcessFields): Result<NewProcess, CreateRefusal> {
  if (!canCreateProcess(actor)) return refuse('not-allowed');
  if (fields.officialLanguages.length === 0) return refuse('no-language');
  if (!fields.officialLanguages.some((l) => hasText(fields.title, l))) return refuse('no-title');
  return ok({
    ...fields,
    slug,
    stakeholderCategories: DEFAULT_CATEGORIES,
    bodyTypes: DEFAULT_BODY_TYPES,
    consensusSettings: DEFAULT_CONSENSUS,
    rules: DEFAULT_RULES,
    consensusCriteria: DEFAULT_CONSENSUS_CRITERIA,
    events: [{ action: 'process.created', subjectType: 'process', subjectId: slug }],
  });
}

export type EditRefusal = 'not-allowed' | 'no-title' | 'no-language' | 'missing-translations';

/** Once published, a process must stay complete in every official language. */
/**
 * `gaps` are the texts published with the process that lack one of the new
 * official languages (for a published process, adding a language needs them).
 */
export function editProcess(
  access: ProcessAccess,
  process: Process,
  fields: ProcessFields,
  gaps: MissingTranslation[] = [],
): Result<{ fields: ProcessFields; events: DomainEvent[] }, EditRefusal> & { missing?: MissingTranslation[] } {
  if (!canInProcess(access, process, 'edit')) return refuse('not-allowed');
  if (fields.officialLanguages.length === 0) return refuse('no-language');
  if (!fields.officialLanguages.some((l) => hasText(fields.title, l))) return refuse('no-title');
  if (process.status === 'published') {
    const missing = [...publicationGate(requiredFields(fields), fields.officialLanguages).missing, ...gaps];
    if (missing.length) return { ...refuse('missing-translations'), missing };
  }
  return ok({ fields, events: [{ action: 'process.edited', subjectType: 'process', subjectId: process.slug }] });
}

export type SettingsRefusal = 'not-allowed' | 'no-categories' | 'duplicate-key' | 'missing-translations' | 'bad-consensus';

export function editSettings(access: ProcessAccess, process: Process, s: ProcessSettings): Result<{ settings: ProcessSettings; events: DomainEvent[] }, SettingsRefusal> {
  if (!canInProcess(access, process, 'edit')) return refuse('not-allowed');
  if (s.stakeholderCategories.length === 0 || s.bodyTypes.length === 0) return refuse('no-categories');
  for (const list of [s.stakeholderCategories, s.bodyTypes]) {
    if (new Set(list.map((x) => x.key)).size !== list.length) return refuse('duplicate-key');
    if (list.some((x) => process.officialLanguages.some((l) => !hasText(x.label, l)))) return refuse('missing-translations');
  }
  const c = s.consensusSettings;
  if (c.quietPeriodHours < 0 || c.almostNonePercent < 0 || c.almostNonePercent > 50 || c.almostNoneMax < 0) return refuse('bad-consensus');
  return ok({ settings: s, events: [{ action: 'process.settings-edited', subjectType: 'process', subjectId: process.slug }] });
}

/** The fields a published process must carry in every official language. */
export function requiredFields(f: Pick<ProcessFields, 'title' | 'summary' | 'scope' | 'convenerName'>) {
  return { title: f.title, summary: f.summary, scope: f.scope, convenerName: f.convenerName };
}

export type PublishRefusal = 'not-allowed' | 'already-published' | 'missing-translations';

/** `gaps`: every other text published with the process that lacks an official language (see contentGaps). */
export function publishProcess(
  access: ProcessAccess,
  process: Process,
  now: Date,
  gaps: MissingTranslation[] = [],
): Result<{ publishedAt: Date; events: DomainEvent[] }, PublishRefusal> & { missing?: MissingTranslation[] } {
  if (process.status === 'published') return refuse('already-published');
  if (!canInProcess(access, process, 'publish')) return refuse('not-allowed');
  const missing = [...publicationGate(requiredFields(process), process.officialLanguages).missing, ...gaps];
  if (missing.length) return { ...refuse('missing-translations'), missing };
  return ok({ publishedAt: now, events: [{ action: 'process.published', subjectType: 'process', subjectId: process.slug }] });
}
