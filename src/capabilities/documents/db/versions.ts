import type { Locale } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { Block, VersionRecord } from '../domain/document.ts';
import { textsFor, versionRow, type StoredText } from './queries.ts';
import type { StoredBlock } from './tables.ts';

export type Rendered = Map<string, StoredText>;
export const textKey = (anchor: string, lang: Locale) => `${anchor}:${lang}`;

/** A version as the domain sees it, with each text's stored hash and, when asked, its HTML. */
export type LoadedVersion = { version: VersionRecord; hashes: Map<string, string>; texts: Rendered };

export function toStored(blocks: readonly Block[], hashOf: (b: Block, lang: Locale) => string): StoredBlock[] {
  return blocks.map((b) => {
    const s: StoredBlock = { a: b.anchor, k: b.kind, t: {} };
    if (b.level !== undefined) s.lv = b.level;
    if (b.ordered !== undefined) s.o = b.ordered;
    if (b.listStart !== undefined) s.ls = b.listStart;
    if (b.start !== undefined) s.st = b.start;
    for (const [l, t] of Object.entries(b.text) as Array<[Locale, NonNullable<Block['text'][Locale]>]>) s.t[l] = { h: hashOf(b, l), r: t.rev, b: t.basis };
    return s;
  });
}

/** A version with its texts: `html` for pages; without it the plain text comes along (diffs, quotes) unless `contentOnly` (saving). */
export async function loadVersion(db: Db, documentId: number, number: number, o: { html: boolean; contentOnly?: boolean }): Promise<LoadedVersion | null> {
  const row = await versionRow(db, documentId, number);
  if (!row) return null;
  const hashes = new Map<string, string>();
  for (const s of row.blocks) for (const [l, t] of Object.entries(s.t)) hashes.set(textKey(s.a, l as Locale), t.h);
  const stored = await textsFor(db, documentId, [...hashes.values()], o.html ? 'all' : o.contentOnly ? 'content' : 'plain');
  const texts: Rendered = new Map();
  for (const [k, h] of hashes) texts.set(k, stored.get(h) ?? { content: '', html: '', plain: '' });
  const blocks: Block[] = row.blocks.map((s) => {
    const b: Block = { anchor: s.a, kind: s.k, text: {} };
    if (s.lv !== undefined) b.level = s.lv;
    if (s.o !== undefined) b.ordered = s.o;
    if (s.ls !== undefined) b.listStart = s.ls;
    if (s.st !== undefined) b.start = s.st;
    for (const [l, t] of Object.entries(s.t) as Array<[Locale, { h: string; r: number; b: number }]>) {
      b.text[l] = { content: texts.get(textKey(s.a, l))!.content, rev: t.r, basis: t.b };
    }
    return b;
  });
  return {
    version: {
      number: row.number,
      title: row.title,
      blocks,
      trailer: row.trailer,
      state: row.state,
      editKind: row.editKind,
      language: row.language,
      note: row.note,
      summary: row.summary,
      authorName: row.authorName,
      createdAt: row.createdAt,
    },
    hashes,
    texts,
  };
}
