import type { Localized } from '../../../kernel/localized.ts';

export type BalanceRow = { key: string; label: Localized; count: number; share: number; empty: boolean };
export type Balance = { total: number; rows: BalanceRow[]; emptyCategories: string[] };

/**
 * Members by stakeholder category. Every category counts the same: government
 * is one row among others. Categories with nobody are flagged, since a
 * missing voice is the thing to notice.
 */
export function balanceOf(members: ReadonlyArray<{ categoryKey: string }>, categories: ReadonlyArray<{ key: string; label: Localized }>): Balance {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.categoryKey, (counts.get(m.categoryKey) ?? 0) + 1);
  const total = members.length;
  const rows = categories.map((c) => {
    const count = counts.get(c.key) ?? 0;
    return { key: c.key, label: c.label, count, share: total ? count / total : 0, empty: count === 0 };
  });
  // A category removed from the process's list after people chose it still shows.
  for (const [key, count] of counts) {
    if (!categories.some((c) => c.key === key)) rows.push({ key, label: { en: key, fr: key }, count, share: count / total, empty: false });
  }
  return { total, rows, emptyCategories: rows.filter((r) => r.empty).map((r) => r.key) };
}
