import { createHash } from 'node:crypto';
import { LOCALES, type Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { indexEntries, syncGroup, type SearchEntryInput } from '../../search/index.ts';
import { textsFor } from '../db/queries.ts';
import { textKey } from '../db/versions.ts';
import type { Block, DocumentRecord } from '../domain/document.ts';
import { outline, sectionsOf } from '../domain/outline.ts';

/**
 * A document in the search index, one entry per section so a hit leads to
 * the right place. Only sections whose text changed are indexed again.
 */
export async function indexDocument(
  trx: Db,
  o: {
    processId: number;
    processSlug: string;
    doc: Pick<DocumentRecord, 'id' | 'slug' | 'bodyId'>;
    title: Localized;
    blocks: readonly Block[];
    hashOf: ReadonlyMap<string, string>;
    plainOf: ReadonlyMap<string, string>;
  },
): Promise<void> {
  const group = `document:${o.doc.id}`;
  const sections = sectionsOf(o.blocks);
  const numbers = outline(o.blocks).sectionOf;
  const keyOf = (anchor: string | null) => `${o.doc.id}:${anchor ?? 'top'}`;
  const wanted = new Map<string, string>();
  for (const s of sections) {
    const h = createHash('sha1').update(JSON.stringify([o.title, o.doc.bodyId, o.processSlug, o.doc.slug, numbers.get(s.heading?.anchor ?? '') ?? '']));
    for (const b of [...(s.heading ? [s.heading] : []), ...s.blocks]) for (const l of LOCALES) h.update(`${b.anchor}:${o.hashOf.get(textKey(b.anchor, l)) ?? '-'};`);
    wanted.set(keyOf(s.heading?.anchor ?? null), h.digest('hex'));
  }
  const stale = await syncGroup(trx, group, wanted);
  if (stale.size === 0) return;
  const todo = sections.filter((s) => stale.has(keyOf(s.heading?.anchor ?? null)));
  const missing: string[] = [];
  for (const s of todo)
    for (const b of [...(s.heading ? [s.heading] : []), ...s.blocks])
      for (const l of LOCALES) {
        const h = o.hashOf.get(textKey(b.anchor, l));
        if (h && !o.plainOf.has(h)) missing.push(h);
      }
  const loaded = missing.length ? await textsFor(trx, o.doc.id, missing, 'plain') : new Map();
  const plain = (b: Block, l: (typeof LOCALES)[number]) => {
    const h = o.hashOf.get(textKey(b.anchor, l));
    return h ? (o.plainOf.get(h) ?? loaded.get(h)?.plain ?? '') : '';
  };
  const entries: SearchEntryInput[] = todo.map((s) => {
    const title: Localized = {};
    const text: Localized = {};
    for (const l of LOCALES) {
      const docTitle = o.title[l];
      const heading = s.heading ? plain(s.heading, l) : '';
      const number = s.heading ? numbers.get(s.heading.anchor) : undefined;
      if (docTitle || heading) title[l] = [docTitle, heading ? `${number ? number + ' ' : ''}${heading}` : ''].filter(Boolean).join(' — ');
      const body = s.blocks
        .map((b) => plain(b, l))
        .filter(Boolean)
        .join('\n');
      if (body) text[l] = body;
    }
    const key = keyOf(s.heading?.anchor ?? null);
    return {
      processId: o.processId,
      type: 'document',
      key,
      group,
      bodyId: o.doc.bodyId,
      path: `/p/${o.processSlug}/documents/${o.doc.slug}${s.heading ? `#${s.heading.anchor}` : ''}`,
      title,
      text,
      digest: wanted.get(key)!,
    };
  });
  await indexEntries(trx, entries);
}
