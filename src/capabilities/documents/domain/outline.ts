import type { Block } from './document.ts';

export type TocEntry = { anchor: string; level: number; depth: number; number: string };

export type Outline = {
  toc: TocEntry[];
  /** Section number of each heading ("2.1"). */
  sectionOf: Map<string, string>;
  /** Recommendations are numbered in document order: anchor → 1, 2, 3… */
  recommendationNumber: Map<string, number>;
  recommendations: string[];
};

/** Numbered sections from the headings, and numbered recommendations. */
export function outline(blocks: readonly Block[]): Outline {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const top = Math.min(6, ...headings.map((h) => h.level ?? 2));
  const counters: number[] = [];
  const toc: TocEntry[] = [];
  const sectionOf = new Map<string, string>();
  const recommendationNumber = new Map<string, number>();
  const recommendations: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const depth = Math.max(0, (b.level ?? 2) - top);
      counters.length = depth + 1;
      for (let i = 0; i < depth; i++) counters[i] ??= 0;
      counters[depth] = (counters[depth] ?? 0) + 1;
      const number = counters.map((c) => c ?? 0).join('.');
      toc.push({ anchor: b.anchor, level: b.level ?? 2, depth, number });
      sectionOf.set(b.anchor, number);
    } else if (b.kind === 'recommendation') {
      recommendations.push(b.anchor);
      recommendationNumber.set(b.anchor, recommendations.length);
    }
  }
  return { toc, sectionOf, recommendationNumber, recommendations };
}

export type Section = { heading: Block | null; blocks: Block[] };

/** The document cut at its headings (text before the first heading is a section of its own): what search indexes. */
export function sectionsOf(blocks: readonly Block[]): Section[] {
  const out: Section[] = [];
  let current: Section | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      current = { heading: b, blocks: [] };
      out.push(current);
    } else {
      if (!current) {
        current = { heading: null, blocks: [] };
        out.push(current);
      }
      current.blocks.push(b);
    }
  }
  return out;
}
