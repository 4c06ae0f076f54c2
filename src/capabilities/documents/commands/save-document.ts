import type { Actor } from '../../../kernel/actor.ts';
import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockDocument } from '../db/queries.ts';
import { loadVersion } from '../db/versions.ts';
import type { DocumentRecord, DocumentType } from '../domain/document.ts';
import { documentRefusal, type DocumentRefusal } from '../domain/permissions.ts';
import { isEditable } from '../domain/states.ts';
import { applyEdit } from '../domain/versioning.ts';
import { documentAccess } from './access.ts';
import { commitVersion } from './commit-version.ts';
import { parseSource, type SourceProblem } from './parse-source.ts';
import { prepareTexts } from './prepare-texts.ts';

export type SaveInput = { lang: Locale; markdown: string; title: Localized; type: DocumentType; baseVersion: number; note: string | null };

export type SaveRefusal = DocumentRefusal | SourceProblem | 'no-title' | 'stale' | 'unchanged';

/**
 * The whole text of one language, saved as a new immutable version. Anchors
 * are carried over (see domain/anchoring.ts); a version saved by someone
 * else in the meantime is never overwritten ('stale').
 */
export async function saveDocument(deps: CommandDeps, actor: Actor, process: Process, doc: DocumentRecord, input: SaveInput): Promise<Result<{ version: number }, SaveRefusal>> {
  const access = await documentAccess(deps.db, process, doc.bodyId, actor);
  const problem = documentRefusal(access, doc.state, 'edit');
  if (problem) return refuse(problem);
  if (!process.officialLanguages.some((l) => hasText(input.title, l))) return refuse('no-title');
  if (input.baseVersion !== doc.currentVersion) return refuse('stale');
  const source = parseSource(input.markdown);
  if (!source.ok) return source;
  const loaded = await loadVersion(deps.db, doc.id, doc.currentVersion, { html: false, contentOnly: true });
  if (!loaded) return refuse('stale');
  const prev = loaded.version;
  const trailer: Localized = { ...prev.trailer };
  if (source.value.trailer) trailer[input.lang] = source.value.trailer;
  else delete trailer[input.lang];
  const number = doc.currentVersion + 1;
  const edit = applyEdit({ blocks: prev.blocks, nextAnchor: doc.nextAnchor, title: prev.title, trailer: prev.trailer }, input.lang, source.value.parsed, number, {
    title: input.title,
    trailer,
  });
  if (!edit.ok && !(edit.refusal === 'unchanged' && input.type !== doc.type)) return edit;
  const next = edit.ok
    ? edit.value
    : { blocks: prev.blocks, nextAnchor: doc.nextAnchor, anchors: { added: [], removed: [] }, summary: { added: 0, changed: 0, removed: 0, moved: 0 } };
  const prepared = prepareTexts(next.blocks, trailer, new Set(loaded.hashes.values()));
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
      type: input.type,
      trailer,
      editKind: 'edit',
      language: input.lang,
      note: input.note,
      events: [
        { action: 'document.saved', subjectType: 'document', subjectId: doc.slug, data: { title: input.title, version: number, language: input.lang, summary: next.summary } },
      ],
      now,
    });
    return ok({ version: number });
  });
}
