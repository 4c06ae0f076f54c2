// Dispositions: what became of each comment. A group (cluster) of near-identical
// comments is answered once; its members inherit that answer unless one of
// them was answered on its own (it said something the others did not).
import type { Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';

export const DISPOSITION_KINDS = ['accepted', 'partly-accepted', 'not-accepted', 'out-of-scope'] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];
export const REASON_MAX = 4000;

export type DispositionTarget = { comment: number } | { cluster: number };

export type DispositionInput = {
  kind: DispositionKind;
  reason: Localized;
  /** Where the comment changed the text: a version of the document, optionally one passage of it. */
  changedVersion: number | null;
  changedAnchor: string | null;
};

export type Disposition = DispositionInput & { target: DispositionTarget; decidedByName: string | null; decidedAt: Date };

export type DispositionRefusal = 'reason-required' | 'reason-too-long' | 'unknown-version' | 'version-before-comment' | 'anchor-without-version' | 'unknown-anchor';

/** What the document offers to link to: its versions, and the passages of the version named. */
export type LinkTargets = { versions: ReadonlySet<number>; commentedVersion: number; anchorsOf: (version: number) => ReadonlySet<string> };

/**
 * A "not accepted" must say why (in either official language or both); a
 * link must name a version that exists, not older than the one commented on,
 * and a passage that exists in that version.
 */
export function checkDisposition(input: DispositionInput, targets: LinkTargets): Result<DispositionInput, DispositionRefusal> {
  const reason: Localized = {};
  for (const lang of ['en', 'fr'] as const) {
    const t = input.reason[lang]?.trim();
    if (!t) continue;
    if (t.length > REASON_MAX) return refuse('reason-too-long');
    reason[lang] = t;
  }
  if (input.kind === 'not-accepted' && !reason.en && !reason.fr) return refuse('reason-required');
  if (input.changedAnchor !== null && input.changedVersion === null) return refuse('anchor-without-version');
  if (input.changedVersion !== null) {
    if (!targets.versions.has(input.changedVersion)) return refuse('unknown-version');
    if (input.changedVersion < targets.commentedVersion) return refuse('version-before-comment');
    if (input.changedAnchor !== null && !targets.anchorsOf(input.changedVersion).has(input.changedAnchor)) return refuse('unknown-anchor');
  }
  return ok({ ...input, reason });
}

export type Answer<D> = { disposition: D; inherited: boolean };

/** A comment's own disposition, else its group's. */
export function answerOf<D>(comment: { id: number; clusterKey: number | null }, own: ReadonlyMap<number, D>, byGroup: ReadonlyMap<number, D>): Answer<D> | null {
  const mine = own.get(comment.id);
  if (mine !== undefined) return { disposition: mine, inherited: false };
  const group = comment.clusterKey === null ? undefined : byGroup.get(comment.clusterKey);
  return group === undefined ? null : { disposition: group, inherited: true };
}

export type Progress = { answered: number; total: number };

export function progressOf(comments: readonly { id: number; clusterKey: number | null }[], own: ReadonlyMap<number, unknown>, byGroup: ReadonlyMap<number, unknown>): Progress {
  let answered = 0;
  for (const c of comments) if (answerOf(c, own, byGroup)) answered++;
  return { answered, total: comments.length };
}

export type RegisterFilter = { show: 'all' | 'unanswered' | 'answered'; kind: DispositionKind | null; anchor: string | null };

/** The register's filters, applied to one comment and its answer. */
export function matchesFilter(comment: { anchor: string | null }, answer: Answer<{ kind: DispositionKind }> | null, f: RegisterFilter): boolean {
  if (f.show === 'unanswered' && answer) return false;
  if (f.show === 'answered' && !answer) return false;
  if (f.kind && answer?.disposition.kind !== f.kind) return false;
  if (f.anchor && comment.anchor !== f.anchor) return false;
  return true;
}
