import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Block } from './document.ts';

export const COMMENT_MAX = 5000;

export type CommentRecord = {
  id: number;
  parentId: number | null;
  /** The paragraph commented on, as it was named then; null for the whole document. */
  anchor: string | null;
  versionNumber: number;
  /** The paragraph's text when the comment was made, in each language it had. */
  quote: Localized;
  body: string;
  lang: Locale;
  authorUserId: number | null;
  authorName: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
};

export type Thread = {
  root: CommentRecord;
  replies: CommentRecord[];
  /** Where the paragraph is now (after merges), or null. */
  anchor: string | null;
  /** current: the paragraph is unchanged since; earlier: it changed since (or was merged); removed: it is gone. */
  placement: 'current' | 'earlier' | 'removed';
};

export type PlacedComments = { general: Thread[]; byAnchor: Map<string, Thread[]>; removed: Thread[]; open: number; total: number };

/** Where an anchor lives now: itself, the block it was merged into, or nowhere. */
export function resolveAnchor(anchor: string, live: ReadonlySet<string>, fates: ReadonlyMap<string, string | null>): { anchor: string | null; redirected: boolean } {
  let a: string | null = anchor;
  let redirected = false;
  for (let hops = 0; a !== null && !live.has(a) && hops < 100; hops++) {
    a = fates.get(a) ?? null;
    redirected = true;
  }
  return { anchor: a !== null && live.has(a) ? a : null, redirected };
}

/**
 * Comments stay with their paragraph across versions: re-anchored through
 * merges, flagged when the paragraph changed since, and kept with their
 * quoted text when the paragraph is gone.
 */
export function placeComments(comments: readonly CommentRecord[], blocks: readonly Block[], fates: ReadonlyMap<string, string | null>): PlacedComments {
  const live = new Map(blocks.map((b) => [b.anchor, b]));
  const liveSet = new Set(live.keys());
  const repliesOf = new Map<number, CommentRecord[]>();
  for (const c of comments) {
    if (c.parentId === null) continue;
    const list = repliesOf.get(c.parentId) ?? [];
    list.push(c);
    repliesOf.set(c.parentId, list);
  }
  const out: PlacedComments = { general: [], byAnchor: new Map(), removed: [], open: 0, total: 0 };
  for (const root of comments) {
    if (root.parentId !== null) continue;
    const replies = (repliesOf.get(root.id) ?? []).sort((x, y) => x.id - y.id);
    out.total++;
    if (!root.resolvedAt) out.open++;
    if (root.anchor === null) {
      out.general.push({ root, replies, anchor: null, placement: 'current' });
      continue;
    }
    const where = resolveAnchor(root.anchor, liveSet, fates);
    if (where.anchor === null) {
      out.removed.push({ root, replies, anchor: null, placement: 'removed' });
      continue;
    }
    const block = live.get(where.anchor)!;
    const changed = where.redirected || Object.values(block.text).some((t) => t && t.rev > root.versionNumber);
    const list = out.byAnchor.get(where.anchor) ?? [];
    list.push({ root, replies, anchor: where.anchor, placement: changed ? 'earlier' : 'current' });
    out.byAnchor.set(where.anchor, list);
  }
  return out;
}
