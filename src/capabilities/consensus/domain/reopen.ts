import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { hasAnyText } from './assessments.ts';
import { isWebAddress, type Link, type ProposalStatus } from './proposal.ts';

export type InformationStatus = 'filed' | 'accepted' | 'declined';

/** Rule 8: "Stick with decisions unless/until new information is brought to the table." */
export type NewInformation = {
  id: number;
  proposalId: number;
  round: number;
  filedByParticipantId: number;
  whatIsNew: Localized;
  whyItMatters: Localized;
  links: Link[];
  status: InformationStatus;
  filedAt: Date;
  answeredAt: Date | null;
  answer: Localized | null;
};

export type InformationInput = { whatIsNew: Localized; whyItMatters: Localized; links: Link[] };
export type FileRefusal = 'not-settled' | 'what-required' | 'why-required' | 'bad-link';

/** New information is filed against a settled decision: what is new, and why it matters. */
export function checkFiling(status: ProposalStatus, input: InformationInput): FileRefusal | null {
  if (status !== 'decided' && status !== 'closed') return 'not-settled';
  if (!hasAnyText(input.whatIsNew)) return 'what-required';
  if (!hasAnyText(input.whyItMatters)) return 'why-required';
  if (input.links.some((l) => !isWebAddress(l.url))) return 'bad-link';
  return null;
}

export type AnswerRefusal = 'already-answered' | 'not-settled' | 'reason-required';

/**
 * The chair accepts the new information (the decision reopens: a new round of
 * discussion, the earlier decision kept in the record) or declines it with a
 * reason in every official language.
 */
export function answerInformation(
  info: Pick<NewInformation, 'status'>,
  proposalStatus: ProposalStatus,
  accept: boolean,
  answer: Localized,
  officialLanguages: readonly Locale[],
): Result<{ status: InformationStatus; reopens: boolean }, AnswerRefusal> {
  if (info.status !== 'filed') return refuse('already-answered');
  if (accept && proposalStatus !== 'decided' && proposalStatus !== 'closed') return refuse('not-settled');
  if (!accept && officialLanguages.some((l) => !hasText(answer, l))) return refuse('reason-required');
  return ok({ status: accept ? 'accepted' : 'declined', reopens: accept });
}
