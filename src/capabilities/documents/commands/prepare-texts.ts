import { createHash } from 'node:crypto';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { blockRenderer, plainText } from '../../../platform/content/markdown.ts';
import { textKey } from '../db/versions.ts';
import type { StoredBlock } from '../db/tables.ts';
import { toStored } from '../db/versions.ts';
import { renderMode, type Block } from '../domain/document.ts';

export type FreshText = { hash: string; content: string; html: string; plain: string };
export type PreparedTexts = { stored: StoredBlock[]; fresh: FreshText[]; hashOf: Map<string, string> };

/**
 * Every text of a version named by the hash of what its HTML depends on (how
 * it is rendered, its Markdown, the language's link definitions). Texts
 * already stored for the document are not rendered again: saving a large
 * document with a few changed paragraphs renders a few paragraphs.
 */
export function prepareTexts(blocks: readonly Block[], trailer: Localized, known: ReadonlySet<string>): PreparedTexts {
  const renderers = new Map<Locale, ReturnType<typeof blockRenderer>>();
  const renderer = (l: Locale) => {
    let r = renderers.get(l);
    if (!r) renderers.set(l, (r = blockRenderer(trailer[l] ?? '')));
    return r;
  };
  const fresh = new Map<string, FreshText>();
  const hashOf = new Map<string, string>();
  const stored = toStored(blocks, (b, l) => {
    const content = b.text[l]!.content;
    const mode = renderMode(b.kind);
    const hash = createHash('sha256')
      .update(`${mode}\u0000${trailer[l] ?? ''}\u0000${content}`)
      .digest('base64url')
      .slice(0, 22);
    hashOf.set(textKey(b.anchor, l), hash);
    if (!known.has(hash) && !fresh.has(hash)) {
      const html = renderer(l)(mode, content);
      fresh.set(hash, { hash, content, html, plain: plainText(html) });
    }
    return hash;
  });
  return { stored, fresh: [...fresh.values()], hashOf };
}
