import type { Actor } from '../../../kernel/actor.ts';
import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockDocument } from '../db/queries.ts';
import { loadVersion } from '../db/versions.ts';
import type { DocumentRecord } from '../domain/document.ts';
import { documentRefusal, type DocumentRefusal } from '../domain/permissions.ts';
import { isEditable } from '../domain/states.ts';
import { applyTranslation, type BlockContentProblem, type TranslationEdit } from '../domain/versioning.ts';
import { documentAccess } from './access.ts';
import { commitVersion } from './commit-version.ts';
import { prepareTexts } from './prepare-texts.ts';

export type TranslationRefusal = DocumentRefusal | BlockContentProblem | 'unknown-anchor' | 'no-title' | 'stale' | 'unchanged';

/** Side-by-side translation: some languages of some blocks, and the title, as a new version. The structure does not change. */
export async function saveTranslation(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  doc: DocumentRecord,
  input: { edits: TranslationEdit[]; title: Localized; baseVersion: number },
): Promise<Result<{ version: number }, TranslationRefusal> | { ok: false; refusal: BlockContentProblem | 'unknown-anchor'; anchor: string; lang: Locale }> {
  const access = await documentAccess(deps.db, process, doc.bodyId, actor);
  const problem = documentRefusal(access, doc.state, 'edit');
  if (problem) return refuse(problem);
  if (!process.officialLanguages.some((l) => hasText(input.title, l))) return refuse('no-title');
  if (input.baseVersion !== doc.currentVersion) return refuse('stale');
  const loaded = await loadVersion(deps.db, doc.id, doc.currentVersion, { html: false, contentOnly: true });
  if (!loaded) return refuse('stale');
  const prev = loaded.version;
  const number = doc.currentVersion + 1;
  // Each edit is checked alone first, so a refusal can name its paragraph.
  for (const e of input.edits) {
    const one = applyTranslation({ blocks: prev.blocks, nextAnchor: doc.nextAnchor, title: prev.title, trailer: prev.trailer }, [e], number, prev.title);
    if (!one.ok && one.refusal !== 'unchanged') return { ok: false, refusal: one.refusal, anchor: e.anchor, lang: e.lang };
  }
  const r = applyTranslation({ blocks: prev.blocks, nextAnchor: doc.nextAnchor, title: prev.title, trailer: prev.trailer }, input.edits, number, input.title);
  if (!r.ok) return r;
  const next = r.value;
  const prepared = prepareTexts(next.blocks, prev.trailer, new Set(loaded.hashes.values()));
  return transact(deps.db, async (trx) => {
    const locked = await lockDocument(trx, doc.id);
    if (locked.currentVersion !== input.baseVersion) return refuse('stale');
    if (!isEditable(locked.state)) return refuse('frozen');
    const now = deps.clock.now();
    await commitVersion(trx, {
      actor,
      process,
      doc: locked,
      number,
      next,
      prepared,
      title: input.title,
      type: doc.type,
      trailer: prev.trailer,
      editKind: 'translate',
      language: null,
      note: null,
      events: [{ action: 'document.translated', subjectType: 'document', subjectId: doc.slug, data: { title: input.title, version: number, summary: next.summary } }],
      now,
    });
    return ok({ version: number });
  });
}
