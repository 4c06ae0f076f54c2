// What re-clustering a period changes, decided purely from the old and new
// groupings, so the rules for dispositions on groups that vanish are testable.
import type { Locale } from '../../../kernel/localized.ts';

export type Member = { id: number; signatories: number };
export type NewCluster = { key: number; members: number[] };

export type Regrouping = {
  /** Groups of two or more comments, by key (a lone comment is a "distinct comment", not a group). */
  groups: { key: number; members: number[]; size: number; signatories: number }[];
  /** Every comment's group key, or null for a distinct comment. */
  keyOf: Map<number, number | null>;
  /** Keys of stored groups that no longer exist. */
  vanished: number[];
  /**
   * Dispositions given to a vanished group move to the group that now holds
   * its key comment, when that group has no disposition of its own; otherwise
   * they stay on the old key and are shown as given "on a former group".
   */
  moves: { from: number; to: number }[];
};

export function regroup(clusters: readonly NewCluster[], signatoriesOf: ReadonlyMap<number, number>, storedKeys: Iterable<number>, answeredKeys: ReadonlySet<number>): Regrouping {
  const groups: Regrouping['groups'] = [];
  const keyOf = new Map<number, number | null>();
  for (const c of clusters) {
    const grouped = c.members.length > 1;
    for (const id of c.members) keyOf.set(id, grouped ? c.key : null);
    if (grouped) groups.push({ key: c.key, members: c.members, size: c.members.length, signatories: c.members.reduce((n, id) => n + (signatoriesOf.get(id) ?? 1), 0) });
  }
  const live = new Set(groups.map((g) => g.key));
  const vanished = [...storedKeys].filter((k) => !live.has(k));
  const taken = new Set([...answeredKeys].filter((k) => live.has(k)));
  const moves: Regrouping['moves'] = [];
  for (const from of [...answeredKeys].filter((k) => !live.has(k)).sort((a, b) => a - b)) {
    const to = keyOf.get(from);
    if (to == null || taken.has(to)) continue;
    taken.add(to);
    moves.push({ from, to });
  }
  return { groups, keyOf, vanished, moves };
}

/** The language most of a sample is written in (ties: English, the order of the catalogs). */
export function mainLanguage(langs: readonly Locale[]): Locale {
  const fr = langs.filter((l) => l === 'fr').length;
  return fr > langs.length - fr ? 'fr' : 'en';
}
