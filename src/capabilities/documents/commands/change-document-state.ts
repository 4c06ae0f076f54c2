import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { lockDocument } from '../db/queries.ts';
import { updateState } from '../db/writes.ts';
import { loadVersion } from '../db/versions.ts';
import type { DocumentRecord, DocumentState } from '../domain/document.ts';
import { documentRefusal, type DocumentRefusal } from '../domain/permissions.ts';
import { changeState, type TransitionRefusal } from '../domain/states.ts';
import { translationReport, type TranslationReport } from '../domain/translation.ts';
import { documentAccess } from './access.ts';

export type StateRefusal = Exclude<TransitionRefusal, 'not-allowed'> | DocumentRefusal | 'stale';

/**
 * Moves a document along its review path. Public input, final and published
 * need every official language, complete and in step: when they are not, the
 * refusal carries the list of paragraphs to translate.
 */
export async function changeDocumentState(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  doc: DocumentRecord,
  to: DocumentState,
): Promise<Result<{ from: DocumentState; to: DocumentState }, StateRefusal> & { report?: TranslationReport }> {
  const access = await documentAccess(deps.db, process, doc.bodyId, actor);
  const problem = documentRefusal(access, doc.state, 'change-state');
  if (problem) return refuse(problem);
  const loaded = await loadVersion(deps.db, doc.id, doc.currentVersion, { html: false, contentOnly: true });
  const blocks = loaded?.version.blocks ?? [];
  const report = translationReport(blocks, doc.title, process.officialLanguages);
  const decided = changeState(doc.state, to, true, { blockCount: blocks.length, translation: report });
  if (!decided.ok) return { ...(decided as { ok: false; refusal: StateRefusal }), report };
  return transact(deps.db, async (trx) => {
    const locked = await lockDocument(trx, doc.id);
    if (locked.state !== doc.state || locked.currentVersion !== doc.currentVersion) return refuse('stale');
    const now = deps.clock.now();
    await updateState(trx, doc.id, to, now);
    await appendEvents(
      trx,
      process.id,
      actor,
      decided.value.map((e) => ({ ...e, subjectId: doc.slug, data: { ...e.data, title: doc.title, version: doc.currentVersion } })),
      now,
    );
    return ok({ from: doc.state, to });
  });
}
