import type { Db } from '../../../platform/database/connect.ts';
import { inStep, loadVersion, translationReport, type DocumentRecord } from '../../documents/index.ts';
import type { Process } from '../../processes/index.ts';

/**
 * Whether the document, at the period's version, is complete and in step in
 * every official language: the clock of a period starts only then.
 */
export async function languagesLive(db: Db, process: Pick<Process, 'officialLanguages'>, doc: Pick<DocumentRecord, 'id'>, version: number): Promise<boolean> {
  const loaded = await loadVersion(db, doc.id, version, { html: false, contentOnly: true });
  if (!loaded || loaded.version.blocks.length === 0) return false;
  return inStep(translationReport(loaded.version.blocks, loaded.version.title, process.officialLanguages));
}

// Versions are immutable, so the passages a version has never change: keep them.
const anchorCache = new Map<string, ReadonlySet<string>>();

/** The passage anchors of a version, which a comment may be about. */
export async function anchorsOf(db: Db, documentId: number, version: number): Promise<ReadonlySet<string>> {
  const key = `${documentId}:${version}`;
  const hit = anchorCache.get(key);
  if (hit) return hit;
  const loaded = await loadVersion(db, documentId, version, { html: false, contentOnly: true });
  const set = new Set((loaded?.version.blocks ?? []).map((b) => b.anchor));
  // Only real versions are kept (a missing one may be a race with its creation).
  if (loaded) {
    if (anchorCache.size > 200) anchorCache.delete(anchorCache.keys().next().value!);
    anchorCache.set(key, set);
  }
  return set;
}
