import { splitMarkdown } from '../../../platform/content/markdown.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { classify, MAX_BLOCKS, MAX_CHARS_PER_LANGUAGE, type ParsedBlock } from '../domain/document.ts';

export type SourceProblem = 'too-long' | 'too-many-blocks';

/** One language's Markdown as blocks, within the limits a document keeps (so a save stays quick and a page stays readable). */
export function parseSource(markdown: string): Result<{ parsed: ParsedBlock[]; trailer: string }, SourceProblem> {
  if (markdown.length > MAX_CHARS_PER_LANGUAGE) return refuse('too-long');
  const split = splitMarkdown(markdown);
  if (split.blocks.length > MAX_BLOCKS) return refuse('too-many-blocks');
  return ok({ parsed: split.blocks.map(classify), trailer: split.trailer });
}
