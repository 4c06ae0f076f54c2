import type { Localized } from '../../../kernel/localized.ts';

export type ProposalStatus = 'drafting' | 'discussion' | 'call' | 'decided' | 'closed';
export type ProposalKind = 'text' | 'scope';
export type Stance = 'agree' | 'can-live' | 'cannot';
export const STANCES: readonly Stance[] = ['agree', 'can-live', 'cannot'];

/** A link to something elsewhere: a document passage, an agenda item, a thread. */
export type Link = { url: string; label: string };

/**
 * Where something happened: a meeting (and agenda item), a discussion thread,
 * or elsewhere. Meetings are another capability; until they are wired in, a
 * meeting is named by its URL and label, and may carry its ids.
 */
export type Where = {
  kind: 'meeting' | 'thread' | 'other';
  label: string;
  url: string | null;
  meetingId?: number | null;
  agendaItemId?: number | null;
};

/** Counters kept with the proposal, updated in the same transaction as each change. */
export type ObjectionCounts = { open: number; discussed: number; standing: number; withdrawn: number };

export type Proposal = {
  id: number;
  processId: number;
  bodyId: number;
  kind: ProposalKind;
  title: Localized;
  text: Localized;
  textHtml: Localized;
  /** For a change of scope: the charter that applies once consensus is reached. */
  proposedCharter: Localized | null;
  /** The body's charter when the proposal was made, for comparison. */
  charterBefore: Localized | null;
  link: Link | null;
  status: ProposalStatus;
  /** 1, then one more each time new information reopens the decision. */
  round: number;
  authorUserId: number | null;
  authorParticipantId: number | null;
  createdAt: Date;
  discussionOpenedAt: Date | null;
  callOpenedAt: Date | null;
  /** A call made in a meeting: where, and when the meeting ends (the quiet period ends with it). */
  callWhere: Where | null;
  callEndsAt: Date | null;
  decidedAt: Date | null;
  lastArgumentAt: Date | null;
  objections: ObjectionCounts;
};

export type ProposalInput = {
  kind: ProposalKind;
  title: Localized;
  text: Localized;
  proposedCharter: Localized | null;
  link: Link | null;
};

export const isOpenForPositions = (status: ProposalStatus): boolean => status === 'discussion' || status === 'call';
export const isSettled = (status: ProposalStatus): boolean => status === 'decided' || status === 'closed';

/** Only web addresses are links: anything else (javascript:, data:) is refused where it comes in and never rendered as a link. */
export const isWebAddress = (url: string | null | undefined): boolean => !!url && /^https?:\/\/[^\s<>"]+$/i.test(url);

/** A place is named, and its address, if any, is a web address. */
export function whereProblem(where: Where): 'where-required' | 'bad-link' | null {
  if (!where.label.trim()) return 'where-required';
  if (where.url !== null && !isWebAddress(where.url)) return 'bad-link';
  return null;
}

/**
 * The document passage a proposal's link points at, when it points at one:
 * `/p/<process>/documents/<doc>/at/<anchor>` or `…/documents/<doc>#<anchor>`
 * (relative or absolute, in either language).
 */
export function passageOf(url: string): { process: string; document: string; anchor: string } | null {
  const m = /\/p\/([a-z0-9-]{1,60})\/documents\/([a-z0-9-]{1,80})(?:\/at\/([A-Za-z0-9_-]{1,40})|[^#]*#([A-Za-z0-9_-]{1,40}))/.exec(url);
  if (!m) return null;
  return { process: m[1]!, document: m[2]!, anchor: (m[3] ?? m[4])! };
}
