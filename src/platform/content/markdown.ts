import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// User Markdown becomes HTML once, when it is saved; the stored HTML is what
// pages show. Raw HTML in the source is not interpreted (markdown-it with
// html: false) and the output is sanitized again as a second guard.

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    's',
    'sup',
    'sub',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // A document's own title is the page's h1; Markdown headings start at h2.
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener' } }),
  },
};

export const MARKDOWN_MAX_CHARS = 200_000;

export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), allowed);
}

/** Sanitizes HTML from elsewhere with the same rules. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, allowed);
}

// Block-level processing, for documents whose paragraphs carry their own
// anchors: a source is split into top-level blocks (headings, paragraphs,
// list items, and everything else as whole blocks), each keeping its Markdown
// without the structural marker, so it can be matched, translated and
// rendered on its own.

export type MarkdownBlock = {
  type: 'heading' | 'paragraph' | 'item' | 'other';
  /** Heading level as written (1–6). */
  level?: number;
  /** List items: ordered or not, the number written, and whether it starts a new list. */
  ordered?: boolean;
  start?: number;
  listStart?: boolean;
  /** The block's Markdown without its marker ("## ", "- ", "3. "); whole source for other blocks. */
  content: string;
};

export type SplitMarkdown = {
  blocks: MarkdownBlock[];
  /** Lines that belong to no block (reference-style link definitions), kept so links still resolve. */
  trailer: string;
};

type Token = ReturnType<typeof md.parse>[number];
type Env = NonNullable<Parameters<typeof md.parse>[1]>;

function linesOf(lines: string[], map: [number, number] | null | undefined): string[] {
  if (!map) return [];
  const out = lines.slice(map[0], map[1]);
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/** Removes a list marker and the continuation indent it implies. */
function itemContent(src: string[], markup: string, info: string): string {
  if (src.length === 0) return '';
  const first = src[0]!;
  const m = new RegExp(`^(\\s*${info ? info.replace(/\D/g, '') : ''}${markup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(\\s+|$)`).exec(first);
  const width = m ? m[0].length : 0;
  const rest = src.slice(1).map((l) => {
    const lead = /^\s*/.exec(l)![0].length;
    return l.slice(Math.min(lead, width));
  });
  return [first.slice(width), ...rest].join('\n').trim();
}

export function splitMarkdown(source: string): SplitMarkdown {
  const env: Env = {};
  const tokens: Token[] = md.parse(source, env);
  const lines = source.split(/\r?\n/);
  const covered = new Uint8Array(lines.length + 1);
  const cover = (map: [number, number] | null | undefined) => {
    if (map) for (let i = map[0]; i < map[1]; i++) covered[i] = 1;
  };
  const blocks: MarkdownBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0) continue;
    // The matching close token of a level-0 open token.
    let j = i;
    if (t.nesting === 1) {
      let depth = 0;
      for (j = i; j < tokens.length; j++) {
        depth += tokens[j]!.nesting;
        if (depth === 0) break;
      }
    }
    cover(t.map as [number, number]);
    if (t.type === 'heading_open') {
      blocks.push({ type: 'heading', level: Number(t.tag.slice(1)), content: tokens[i + 1]!.content.trim() });
    } else if (t.type === 'paragraph_open') {
      blocks.push({ type: 'paragraph', content: tokens[i + 1]!.content.trim() });
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const ordered = t.type === 'ordered_list_open';
      let first = true;
      for (let k = i + 1; k < j; k++) {
        const it = tokens[k]!;
        if (it.type !== 'list_item_open' || it.level !== 1) continue;
        const content = itemContent(linesOf(lines, it.map as [number, number]), it.markup, it.info);
        blocks.push({ type: 'item', ordered, ...(ordered ? { start: Number(it.info) || 1 } : {}), listStart: first, content });
        first = false;
      }
    } else if (t.nesting !== -1) {
      blocks.push({ type: 'other', content: linesOf(lines, t.map as [number, number]).join('\n') });
    }
    i = j;
  }
  const trailer = lines.filter((l, n) => !covered[n] && l.trim() !== '').join('\n');
  return { blocks, trailer };
}

export type BlockMode = 'inline' | 'item' | 'block';

/**
 * Renders one block's Markdown, sanitized. `inline` for headings and
 * paragraphs (no wrapping element), `item` for a list item's content
 * (a single paragraph stays inline, as in a tight list), `block` for the rest.
 * Reference-style links resolve against `trailer`.
 */
export function blockRenderer(trailer: string): (mode: BlockMode, content: string) => string {
  const env: Env = {};
  if (trailer.trim()) md.parse(trailer, env);
  const refs = env.references;
  const fresh = (): Env => (refs ? { references: refs } : {});
  return (mode, content) => {
    if (mode === 'inline') return sanitizeHtml(md.renderInline(content, fresh()), allowed);
    const e = fresh();
    const tokens = md.parse(content, e);
    // An item without blank lines is rendered as in a tight list: its paragraphs carry no <p>.
    if (mode === 'item' && !/\n\s*\n/.test(content)) for (const t of tokens) if (t.level === 0 && t.type.startsWith('paragraph_')) t.hidden = true;
    return sanitizeHtml(md.renderer.render(tokens, md.options, e), allowed);
  };
}

/** Text of sanitized HTML, for search and previews. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
