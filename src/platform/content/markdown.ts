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
