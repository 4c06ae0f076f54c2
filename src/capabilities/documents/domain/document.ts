import type { Locale, Localized } from '../../../kernel/localized.ts';

export const DOCUMENT_TYPES = ['charter', 'definitions', 'benchmarks', 'guidelines', 'recommendations', 'report', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The review path of a document, in order. */
export const DOCUMENT_STATES = ['draft', 'wg-review', 'plenary-review', 'public-input', 'final', 'published'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'recommendation' | 'other';

/** One language's text of a block: Markdown without the structural marker. */
export type BlockText = {
  content: string;
  /** The version in which this text last changed. */
  rev: number;
  /** The version up to which this text reflects the other languages (written or confirmed then). */
  basis: number;
};

/**
 * A heading, paragraph, list item, recommendation or other block (table,
 * quotation, code). Its anchor never changes while the block lives, whatever
 * happens around it, and is the same in every language.
 */
export type Block = {
  anchor: string;
  kind: BlockKind;
  /** Headings: 2–6 (the document's title is the page's level 1). */
  level?: number;
  /** List items. */
  ordered?: boolean;
  listStart?: boolean;
  start?: number;
  text: Partial<Record<Locale, BlockText>>;
};

export type DocumentRecord = {
  id: number;
  processId: number;
  bodyId: number;
  slug: string;
  type: DocumentType;
  title: Localized;
  state: DocumentState;
  currentVersion: number;
  nextAnchor: number;
  publishedAt: Date | null;
  updatedAt: Date;
};

export type VersionRecord = {
  number: number;
  title: Localized;
  blocks: Block[];
  /** Per language: reference-style link definitions, kept outside any block. */
  trailer: Localized;
  state: DocumentState;
  editKind: 'create' | 'edit' | 'translate';
  language: Locale | null;
  note: string | null;
  summary: ChangeSummary;
  authorName: string | null;
  createdAt: Date;
};

export type ChangeSummary = { added: number; changed: number; removed: number; moved: number };

/** How Markdown becomes blocks (see platform/content/markdown.ts); the domain classifies them. */
export type RawBlock = {
  type: 'heading' | 'paragraph' | 'item' | 'other';
  level?: number;
  ordered?: boolean;
  start?: number;
  listStart?: boolean;
  content: string;
};

export const MAX_CHARS_PER_LANGUAGE = 900_000;
export const MAX_BLOCKS = 20_000;
export const TITLE_MAX = 300;

// A recommendation is a paragraph that starts with its label, in either
// language: "Recommendation: …" or "Recommandation : …" (bold allowed).
const RECOMMENDATION = /^(\*\*|__)?\s*(recommendation|recommandation)\s*:\s*(\*\*|__)?\s*/i;
const RECOMMENDATION_BOLD_COLON = /^(\*\*|__)\s*(recommendation|recommandation)\s*(\*\*|__)\s*:\s*/i;

export function recommendationLabel(lang: Locale): string {
  return lang === 'fr' ? 'Recommandation :' : 'Recommendation:';
}

/** A parsed block as the document sees it: headings one level down, recommendations recognized. */
export type ParsedBlock = Omit<Block, 'anchor' | 'text'> & { content: string };

export function classify(raw: RawBlock): ParsedBlock {
  switch (raw.type) {
    case 'heading':
      return { kind: 'heading', level: Math.min(6, (raw.level ?? 1) + 1), content: raw.content };
    case 'paragraph': {
      const m = RECOMMENDATION_BOLD_COLON.exec(raw.content) ?? RECOMMENDATION.exec(raw.content);
      if (m && raw.content.length > m[0].length) return { kind: 'recommendation', content: raw.content.slice(m[0].length).trim() };
      return { kind: 'paragraph', content: raw.content };
    }
    case 'item':
      return { kind: 'item', ordered: !!raw.ordered, listStart: !!raw.listStart, ...(raw.ordered && raw.listStart ? { start: raw.start ?? 1 } : {}), content: raw.content };
    case 'other':
      return { kind: 'other', content: raw.content };
  }
}

/** Whitespace does not count as a change. */
export function normalize(content: string): string {
  return content.replace(/\s+/g, ' ').trim();
}

/** How a block's content is rendered (see platform blockRenderer). */
export function renderMode(kind: BlockKind): 'inline' | 'item' | 'block' {
  return kind === 'item' ? 'item' : kind === 'other' ? 'block' : 'inline';
}

/** The Markdown of one language, as the whole-document editor shows it. Blocks without text in `lang` are left out. */
export function toMarkdown(blocks: readonly Block[], trailer: Localized, lang: Locale): string {
  const parts: string[] = [];
  let prevItem: Block | null = null;
  let itemNumber = 1;
  // Two lists in a row need different markers, or Markdown reads them as one.
  let alt = false;
  for (const b of blocks) {
    const t = b.text[lang];
    if (!t) continue;
    let text: string;
    switch (b.kind) {
      case 'heading':
        text = `${'#'.repeat(Math.max(1, (b.level ?? 2) - 1))} ${t.content}`;
        break;
      case 'recommendation':
        text = `${recommendationLabel(lang)} ${t.content}`;
        break;
      case 'item': {
        const continues = prevItem !== null && !b.listStart && prevItem.ordered === b.ordered;
        if (!continues) alt = prevItem !== null && prevItem.ordered === b.ordered ? !alt : false;
        itemNumber = continues ? itemNumber + 1 : (b.start ?? 1);
        const marker = b.ordered ? `${itemNumber}${alt ? ')' : '.'} ` : alt ? '* ' : '- ';
        const pad = ' '.repeat(marker.length);
        text = marker + t.content.split('\n').join('\n' + pad);
        if (continues) {
          parts[parts.length - 1] += '\n' + text;
          prevItem = b;
          continue;
        }
        break;
      }
      default:
        text = t.content;
    }
    parts.push(text);
    prevItem = b.kind === 'item' ? b : null;
  }
  const tail = trailer[lang]?.trim();
  return parts.join('\n\n') + (tail ? `\n\n${tail}` : '') + (parts.length || tail ? '\n' : '');
}

/** A document's web address from its title; "new" is taken by the creation form. */
export function documentSlug(title: string): string {
  const s =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'document';
  return s === 'new' ? 'new-document' : s;
}
