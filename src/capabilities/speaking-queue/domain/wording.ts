import type { Why } from './order.ts';

// Wording shared by the pages and the browser (which re-words the queue as
// it changes), from the same catalog strings with {placeholders}.

export type WhyWords = { order: string; 'first-time': string; spokenOne: string; spokenMany: string; balancedFirst: string; balancedNext: string; moved: string };

/** Fills {name} placeholders in one pass; inserted values are never read as placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in params ? String(params[key]) : all));
}

export function whyText(why: Why, words: WhyWords, category: (key: string) => string): string {
  switch (why.k) {
    case 'order':
      return fill(words.order, { seq: why.seq });
    case 'first-time':
      return words['first-time'];
    case 'spoken':
      return why.times === 1 ? words.spokenOne : fill(words.spokenMany, { times: why.times });
    case 'balanced':
      return fill(why.round === 1 ? words.balancedFirst : words.balancedNext, { category: category(why.category), turns: why.turns });
    case 'moved':
      return fill(words.moved, { reason: why.reason });
  }
}

/** Seconds as a clock: 0:07, 2:05, 1:02:03. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}
