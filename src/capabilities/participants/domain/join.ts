import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import { checkProfile, normalizeProfile, type Profile, type ProfileRefusal, type StakeholderCategory } from './participant.ts';
import { checkDeclaration, type DeclarationInput, type DeclarationRefusal } from './declaration.ts';

export type JoinInput = {
  profile: Profile;
  acceptedRulesVersion: number | null;
  declaration: DeclarationInput;
};

export type JoinContext = {
  processStatus: 'draft' | 'published';
  mayJoinDraft: boolean;
  alreadyParticipant: boolean;
  categories: readonly StakeholderCategory[];
  currentRules: { id: number; version: number } | null;
};

export type JoinRefusal = 'already-joined' | 'not-open' | 'rules-not-accepted' | 'no-rules' | ProfileRefusal | DeclarationRefusal;

export type Joining = {
  profile: Profile;
  rulesVersionId: number;
  declaration: { hasInterests: boolean; text: string | null };
  events: DomainEvent[];
};

/**
 * Joining asks the person to self-identify, accept the current rules of
 * engagement and declare their interests before taking part (rules 6 and 5).
 */
export function joinProcess(ctx: JoinContext, input: JoinInput): Result<Joining, JoinRefusal> {
  if (ctx.alreadyParticipant) return refuse('already-joined');
  if (ctx.processStatus !== 'published' && !ctx.mayJoinDraft) return refuse('not-open');
  if (!ctx.currentRules) return refuse('no-rules');
  const profileProblem = checkProfile(input.profile, ctx.categories);
  if (profileProblem) return refuse(profileProblem);
  if (input.acceptedRulesVersion !== ctx.currentRules.version) return refuse('rules-not-accepted');
  const declarationProblem = checkDeclaration(input.declaration);
  if (declarationProblem) return refuse(declarationProblem);
  const profile = normalizeProfile(input.profile, ctx.categories);
  const declaration = input.declaration.hasInterests ? { hasInterests: true, text: input.declaration.text!.trim() } : { hasInterests: false, text: null };
  return ok({
    profile,
    rulesVersionId: ctx.currentRules.id,
    declaration,
    events: [
      { action: 'participant.joined', subjectType: 'participant', subjectId: '', data: { category: profile.categoryKey } },
      { action: 'rules.accepted', subjectType: 'participant', subjectId: '', data: { version: ctx.currentRules.version } },
      { action: 'declaration.made', subjectType: 'participant', subjectId: '', data: { version: 1, hasInterests: declaration.hasInterests } },
    ],
  });
}
