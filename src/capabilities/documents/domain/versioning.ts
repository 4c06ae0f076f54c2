import type { Locale, Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { matchBlocks, movedCount, type Candidate } from './anchoring.ts';
import { normalize, type Block, type BlockKind, type ChangeSummary, type ParsedBlock } from './document.ts';
import { confirmText, revise } from './translation.ts';

/** What happened to anchors in a new version, for redirects and comments. */
export type AnchorChanges = {
  added: Array<{ anchor: string; splitFrom: string | null }>;
  removed: Array<{ anchor: string; mergedInto: string | null }>;
};

export type NewVersion = {
  blocks: Block[];
  nextAnchor: number;
  anchors: AnchorChanges;
  summary: ChangeSummary;
};

export type Previous = { blocks: readonly Block[]; nextAnchor: number; title: Localized; trailer: Localized };

const anchorName = (n: number) => `p${n}`;

function sameBlock(a: Block, b: Block): boolean {
  if (a.anchor !== b.anchor || a.kind !== b.kind || (a.level ?? 0) !== (b.level ?? 0) || !!a.ordered !== !!b.ordered || !!a.listStart !== !!b.listStart) return false;
  if ((a.start ?? 0) !== (b.start ?? 0)) return false;
  const langs = new Set([...Object.keys(a.text), ...Object.keys(b.text)]) as Set<Locale>;
  for (const l of langs) {
    const x = a.text[l];
    const y = b.text[l];
    if (!x || !y || x.rev !== y.rev || x.basis !== y.basis || x.content !== y.content) return false;
  }
  return true;
}

export function sameContent(prev: Previous, blocks: readonly Block[], title: Localized, trailer: Localized): boolean {
  if (prev.blocks.length !== blocks.length) return false;
  for (let i = 0; i < blocks.length; i++) if (!sameBlock(prev.blocks[i]!, blocks[i]!)) return false;
  const same = (x: Localized, y: Localized) => (x.en ?? '') === (y.en ?? '') && (x.fr ?? '') === (y.fr ?? '');
  return same(prev.title, title) && same(prev.trailer, trailer);
}

/** Whether a translated block has the same place in the structure (a recommendation may lose its label in translation). */
function sameShape(p: ParsedBlock, b: Block): boolean {
  const loose = (k: BlockKind) => (k === 'recommendation' ? 'paragraph' : k);
  return loose(p.kind) === loose(b.kind);
}

function structure(p: ParsedBlock): Omit<Block, 'anchor' | 'text'> {
  const s: Omit<Block, 'anchor' | 'text'> = { kind: p.kind };
  if (p.level !== undefined) s.level = p.level;
  if (p.kind === 'item') {
    s.ordered = !!p.ordered;
    s.listStart = !!p.listStart;
    if (p.start !== undefined) s.start = p.start;
  }
  return s;
}

/**
 * A new version from the whole text of one language. Blocks are matched to
 * the previous version's blocks in that language (see anchoring.ts); a block
 * whose text changed is revised in that language at `version`, which makes
 * the other languages of that block outdated. A block removed from this
 * language's text leaves the document in every language (the history keeps
 * it). Blocks that have no text in this language yet stay where they were.
 */
export function applyEdit(
  prev: Previous,
  lang: Locale,
  parsed: readonly ParsedBlock[],
  version: number,
  change: { title: Localized; trailer: Localized },
): Result<NewVersion, 'unchanged'> {
  const oldIdx: number[] = [];
  prev.blocks.forEach((b, i) => {
    if (b.text[lang]) oldIdx.push(i);
  });
  if (oldIdx.length === 0 && prev.blocks.length > 0 && parsed.length === prev.blocks.length && parsed.every((p, i) => sameShape(p, prev.blocks[i]!))) {
    // The first text in this language, paragraph for paragraph: a translation, paired by position.
    const blocks = prev.blocks.map((b, i) => ({ ...b, text: revise(b, lang, parsed[i]!.content, version) }));
    return ok({ blocks, nextAnchor: prev.nextAnchor, anchors: { added: [], removed: [] }, summary: { added: 0, changed: blocks.length, removed: 0, moved: 0 } });
  }
  const cand = (kind: BlockKind, content: string): Candidate => {
    const key = normalize(content);
    return { key: `${kind === 'heading' ? 'h' : 't'}:${key}`, kind, text: key };
  };
  const oldCands = oldIdx.map((i) => cand(prev.blocks[i]!.kind, prev.blocks[i]!.text[lang]!.content));
  const newCands = parsed.map((p) => cand(p.kind, p.content));
  const { oldOf, splitFrom, mergedInto } = matchBlocks(oldCands, newCands);

  let next = prev.nextAnchor;
  const added: AnchorChanges['added'] = [];
  let changed = 0;
  const fresh: Block[] = parsed.map((p, n) => {
    const o = oldOf[n]!;
    if (o === -1) {
      const anchor = anchorName(next++);
      const from = splitFrom.get(n);
      added.push({ anchor, splitFrom: from === undefined ? null : prev.blocks[oldIdx[from]!]!.anchor });
      return { anchor, ...structure(p), text: { [lang]: { content: p.content, rev: version, basis: version } } };
    }
    const before = prev.blocks[oldIdx[o]!]!;
    const same = normalize(before.text[lang]!.content) === normalize(p.content);
    if (!same) changed++;
    return {
      anchor: before.anchor,
      ...structure(p),
      text: same ? { ...before.text, [lang]: { ...before.text[lang]!, content: p.content } } : revise(before, lang, p.content, version),
    };
  });

  // Blocks not yet written in this language keep their place after the block that preceded them.
  const survivors = new Set(fresh.map((b) => b.anchor));
  const blocks: Block[] = [];
  const after = new Map<string | null, Block[]>();
  let lastSurvivor: string | null = null;
  for (const b of prev.blocks) {
    if (!b.text[lang]) {
      const list = after.get(lastSurvivor) ?? [];
      list.push(b);
      after.set(lastSurvivor, list);
      lastSurvivor = b.anchor;
      survivors.add(b.anchor);
    } else if (survivors.has(b.anchor)) lastSurvivor = b.anchor;
  }
  const emit = (anchor: string | null) => {
    const stack = [...(after.get(anchor) ?? [])].reverse();
    while (stack.length) {
      const b = stack.pop()!;
      blocks.push(b);
      const followers = after.get(b.anchor);
      if (followers) for (let i = followers.length - 1; i >= 0; i--) stack.push(followers[i]!);
    }
  };
  emit(null);
  for (const b of fresh) {
    blocks.push(b);
    emit(b.anchor);
  }

  const removed: AnchorChanges['removed'] = [];
  const newAnchorAt = (n: number) => fresh[n]!.anchor;
  const kept = new Set(oldOf);
  oldIdx.forEach((i, o) => {
    if (!kept.has(o)) {
      const m = mergedInto.get(o);
      removed.push({ anchor: prev.blocks[i]!.anchor, mergedInto: m === undefined ? null : newAnchorAt(m) });
    }
  });

  if (sameContent(prev, blocks, change.title, change.trailer)) return refuse('unchanged');
  return ok({
    blocks,
    nextAnchor: next,
    anchors: { added, removed },
    summary: { added: added.length, changed, removed: removed.length, moved: movedCount(oldOf) },
  });
}

export type TranslationEdit = {
  anchor: string;
  lang: Locale;
  /** New text, or null to leave it as it is. An empty string removes this language's text. */
  content: string | null;
  /** "Still matches": the text is confirmed up to date without changing it. */
  confirm: boolean;
};

export type BlockContentProblem = 'one-paragraph' | 'one-line';

/** Translating block by block cannot change the structure: headings stay one line, paragraphs one paragraph. */
export function checkBlockContent(kind: BlockKind, content: string): BlockContentProblem | null {
  if (kind === 'heading' && /\n/.test(content.trim())) return 'one-line';
  if ((kind === 'paragraph' || kind === 'recommendation' || kind === 'heading') && /\n\s*\n/.test(content.trim())) return 'one-paragraph';
  return null;
}

/**
 * A new version from block-by-block translation (the side-by-side view).
 * Structure and anchors stay; only the given languages of the given blocks change.
 */
export function applyTranslation(
  prev: Previous,
  edits: readonly TranslationEdit[],
  version: number,
  title: Localized,
): Result<NewVersion, 'unchanged' | 'unknown-anchor' | BlockContentProblem> {
  const byAnchor = new Map(prev.blocks.map((b, i) => [b.anchor, i]));
  const blocks = prev.blocks.map((b) => ({ ...b, text: { ...b.text } }));
  const touched = new Set<string>();
  for (const e of edits) {
    const i = byAnchor.get(e.anchor);
    if (i === undefined) return refuse('unknown-anchor');
    const b = blocks[i]!;
    const current = b.text[e.lang];
    if (e.content !== null) {
      const content = e.content.trim();
      if (content === '') {
        if (current) {
          delete b.text[e.lang];
          touched.add(b.anchor);
        }
        continue;
      }
      const problem = checkBlockContent(b.kind, content);
      if (problem) return refuse(problem);
      if (!current || normalize(current.content) !== normalize(content)) {
        b.text = revise(b, e.lang, content, version);
        touched.add(b.anchor);
        continue;
      }
    }
    const confirmed = e.confirm ? confirmText(b, e.lang, version) : null;
    if (confirmed) {
      b.text = confirmed;
      touched.add(b.anchor);
    }
  }
  // A block left with no text in any language is gone.
  const kept = blocks.filter((b) => Object.keys(b.text).length > 0);
  const removed = blocks.filter((b) => Object.keys(b.text).length === 0).map((b) => ({ anchor: b.anchor, mergedInto: null }));
  if (sameContent(prev, kept, title, prev.trailer)) return refuse('unchanged');
  return ok({
    blocks: kept,
    nextAnchor: prev.nextAnchor,
    anchors: { added: [], removed },
    summary: { added: 0, changed: touched.size - removed.length, removed: removed.length, moved: 0 },
  });
}
