import { missingLanguages, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';

/** Rules of engagement and the consensus definition, versioned: a process edits its own. */
export type RulesVersion = {
  id: number;
  version: number;
  rules: Localized[];
  consensusCriteria: Localized[];
  note: Localized;
  adoptedOn: string | null;
  createdAt: Date;
};

export type RulesInput = { rules: Localized[]; consensusCriteria: Localized[]; note: Localized; adoptedOn: string | null };

export type RulesRefusal = 'no-rules' | 'no-criteria' | 'missing-translations' | 'unchanged';

export function reviseRules(current: RulesVersion | null, input: RulesInput, official: readonly Locale[]): Result<{ version: number } & RulesInput, RulesRefusal> {
  if (input.rules.length === 0) return refuse('no-rules');
  if (input.consensusCriteria.length === 0) return refuse('no-criteria');
  if ([...input.rules, ...input.consensusCriteria].some((t) => missingLanguages(t, official).length > 0)) return refuse('missing-translations');
  if (current && same(current.rules, input.rules) && same(current.consensusCriteria, input.consensusCriteria)) return refuse('unchanged');
  return ok({ version: (current?.version ?? 0) + 1, ...input });
}

const same = (a: Localized[], b: Localized[]) => JSON.stringify(a) === JSON.stringify(b);
