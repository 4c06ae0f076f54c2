// "What we heard": the public account of a period, built from published
// comments only. Counts are of comments AND of signatories (a campaign signed
// by 500 people is one comment and 500 voices); government is one category
// among others, listed in the process's order like every other.
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { answerOf, type DispositionKind } from './disposition.ts';

export type HeardComment = { id: number; categoryKey: string; anchor: string | null; signatories: number; clusterKey: number | null; lang: Locale; body: string };
export type HeardGroup = { key: number; template: string; templateLang: Locale };
export type HeardDisposition = {
  target: { comment: number } | { cluster: number };
  kind: DispositionKind;
  reason: Localized;
  changedVersion: number | null;
  changedAnchor: string | null;
};
/** The commented version's blocks, in order: headings open sections, the rest are passages. */
export type HeardBlock = { anchor: string; heading: boolean; text: Localized };

export type Count = { comments: number; signatories: number };
export type WhatWeHeard = {
  version: number;
  totals: Count & { groups: number; distinct: number; answered: number };
  byCategory: ({ key: string; label: Localized } & Count)[];
  bySection: ({ anchor: string | null; heading: Localized; passages: ({ anchor: string; text: Localized } & Count)[] } & Count)[];
  groups: ({ key: number; template: string; templateLang: Locale; kind: DispositionKind | null } & Count)[];
  dispositions: {
    target: { comment: number; excerpt: string; lang: Locale } | { cluster: number; excerpt: string; lang: Locale; size: number };
    kind: DispositionKind;
    reason: Localized;
    changedVersion: number | null;
    changedAnchor: string | null;
    covers: Count;
  }[];
};

const EXCERPT = 280;
const excerpt = (s: string) => (s.length > EXCERPT ? s.slice(0, EXCERPT - 1).trimEnd() + '…' : s);
const add = (c: Count, x: { signatories: number }) => {
  c.comments++;
  c.signatories += x.signatories;
};

export function whatWeHeard(input: {
  version: number;
  categories: readonly { key: string; label: Localized }[];
  blocks: readonly HeardBlock[];
  comments: readonly HeardComment[];
  groups: readonly HeardGroup[];
  dispositions: readonly HeardDisposition[];
  /** Labels of the rows that are not a heading of the document. */
  labels: { wholeDocument: Localized; beforeFirstHeading: Localized; otherCategory: Localized };
}): WhatWeHeard {
  const { comments } = input;
  const own = new Map<number, HeardDisposition>();
  const byGroup = new Map<number, HeardDisposition>();
  for (const d of input.dispositions) {
    if ('comment' in d.target) own.set(d.target.comment, d);
    else byGroup.set(d.target.cluster, d);
  }

  const totals = { comments: 0, signatories: 0, groups: 0, distinct: 0, answered: 0 };
  const groupCount = new Map<number, Count>();
  for (const c of comments) {
    add(totals, c);
    if (answerOf(c, own, byGroup)) totals.answered++;
    if (c.clusterKey === null) totals.distinct++;
    else {
      const g = groupCount.get(c.clusterKey) ?? { comments: 0, signatories: 0 };
      add(g, c);
      groupCount.set(c.clusterKey, g);
    }
  }

  // Categories in the process's order, then any key the process no longer lists.
  const byCategory = input.categories.map((k) => ({ key: k.key, label: k.label, comments: 0, signatories: 0 }));
  for (const c of comments) {
    let row = byCategory.find((r) => r.key === c.categoryKey);
    if (!row) byCategory.push((row = { key: c.categoryKey, label: input.labels.otherCategory, comments: 0, signatories: 0 }));
    add(row, c);
  }

  // Sections: the whole document first, then each heading with its passages.
  const bySection: WhatWeHeard['bySection'] = [{ anchor: null, heading: input.labels.wholeDocument, passages: [], comments: 0, signatories: 0 }];
  const sectionOf = new Map<string, WhatWeHeard['bySection'][number]>();
  const passageOf = new Map<string, WhatWeHeard['bySection'][number]['passages'][number]>();
  let current: WhatWeHeard['bySection'][number] | null = null;
  for (const b of input.blocks) {
    if (b.heading) {
      current = { anchor: b.anchor, heading: b.text, passages: [], comments: 0, signatories: 0 };
      bySection.push(current);
    } else {
      if (!current) bySection.push((current = { anchor: null, heading: input.labels.beforeFirstHeading, passages: [], comments: 0, signatories: 0 }));
      const p = { anchor: b.anchor, text: b.text, comments: 0, signatories: 0 };
      current.passages.push(p);
      passageOf.set(b.anchor, p);
    }
    sectionOf.set(b.anchor, current);
  }
  for (const c of comments) {
    const section = c.anchor ? sectionOf.get(c.anchor) : undefined;
    add(section ?? bySection[0]!, c);
    const p = c.anchor ? passageOf.get(c.anchor) : undefined;
    if (p) add(p, c);
  }

  const groups = input.groups
    .filter((g) => groupCount.has(g.key))
    .map((g) => ({ ...g, ...groupCount.get(g.key)!, kind: byGroup.get(g.key)?.kind ?? null }))
    .sort((a, b) => b.signatories - a.signatories || a.key - b.key);
  totals.groups = groups.length;

  const byId = new Map(comments.map((c) => [c.id, c]));
  // What a group's answer covers: its members not answered on their own (those count with their own answer).
  const inherited = new Map<number, Count>();
  for (const c of comments) {
    if (c.clusterKey === null || own.has(c.id)) continue;
    const x = inherited.get(c.clusterKey) ?? { comments: 0, signatories: 0 };
    add(x, c);
    inherited.set(c.clusterKey, x);
  }
  const templates = new Map(input.groups.map((g) => [g.key, g]));
  const dispositions: WhatWeHeard['dispositions'] = [];
  for (const d of input.dispositions) {
    const base = { kind: d.kind, reason: d.reason, changedVersion: d.changedVersion, changedAnchor: d.changedAnchor };
    if ('comment' in d.target) {
      const c = byId.get(d.target.comment);
      if (!c) continue; // hidden since: not public
      dispositions.push({ ...base, target: { comment: c.id, excerpt: excerpt(c.body), lang: c.lang }, covers: { comments: 1, signatories: c.signatories } });
    } else {
      const g = templates.get(d.target.cluster);
      const count = groupCount.get(d.target.cluster);
      if (!g || !count) continue; // a former group, or no published member: nothing public to answer
      const covers = inherited.get(g.key) ?? { comments: 0, signatories: 0 };
      dispositions.push({ ...base, target: { cluster: g.key, excerpt: excerpt(g.template), lang: g.templateLang, size: count.comments }, covers });
    }
  }
  dispositions.sort(
    (a, b) =>
      b.covers.signatories - a.covers.signatories || ('cluster' in a.target ? a.target.cluster : a.target.comment) - ('cluster' in b.target ? b.target.cluster : b.target.comment),
  );
  return { version: input.version, totals, byCategory, bySection, groups, dispositions };
}
