export const QUERY_MAX = 200;
export const PAGE_SIZE = 20;
/** Past this, the page says "more than 1,000". */
export const COUNT_CAP = 1000;
/**
 * At most this many matches are ranked for one query. A query made only of
 * words found almost everywhere ranks the first thousand matches it finds
 * rather than all of them: such a query discriminates little anyway, and the
 * page stays fast whatever is typed.
 */
export const RANK_WINDOW = 1000;
/** Longest text an entry keeps per language (PostgreSQL's tsvector has its own limits). */
export const ENTRY_TEXT_MAX = 100_000;

/**
 * Kinds of things that are searched. A capability that feeds the index with
 * a new type adds it here and gives it a label in both catalogs
 * (messages/en.ts and fr.ts, `types`); nothing else changes.
 */
export const SEARCH_TYPES = ['document', 'meeting', 'decision'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export type SearchRequest = { text: string; type: SearchType | null; body: string | null; page: number };

export type QueryProblem = 'empty' | 'too-long';

/** What the reader typed, cleaned; PostgreSQL's websearch syntax ("quotes", or, -minus) is kept. */
export function cleanQuery(raw: string): { text: string; problem: QueryProblem | null } {
  const text = raw
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > QUERY_MAX) return { text: text.slice(0, QUERY_MAX), problem: 'too-long' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { text, problem: 'empty' };
  return { text, problem: null };
}

export function isSearchType(x: unknown): x is SearchType {
  return typeof x === 'string' && (SEARCH_TYPES as readonly string[]).includes(x);
}

/** Snippets arrive with these around each match; the view turns them into <mark> after escaping the rest. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export type SnippetPart = { text: string; mark: boolean };

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let buf = '';
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      if (buf) parts.push({ text: buf, mark });
      buf = '';
      mark = ch === MARK_START;
    } else buf += ch;
  }
  if (buf) parts.push({ text: buf, mark });
  return parts;
}
