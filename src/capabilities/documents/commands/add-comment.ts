import type { Actor } from '../../../kernel/actor.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { participantById } from '../../participants/index.ts';
import type { Process } from '../../processes/index.ts';
import { commentById, lockDocument } from '../db/queries.ts';
import { insertComment } from '../db/writes.ts';
import { loadVersion, textKey } from '../db/versions.ts';
import { COMMENT_MAX } from '../domain/comments.ts';
import type { DocumentRecord } from '../domain/document.ts';
import { documentRefusal, type DocumentRefusal } from '../domain/permissions.ts';
import { documentAccess } from './access.ts';

export type CommentInput = { anchor: string | null; parentId: number | null; body: string; lang: Locale };

/**
 * A comment on a paragraph (or the whole document), or a reply in a thread.
 * It records the version and the paragraph's text it was made on, so it can
 * follow the paragraph across versions and still make sense if it is removed.
 */
export async function addComment(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  doc: DocumentRecord,
  input: CommentInput,
): Promise<Result<{ id: number }, DocumentRefusal | 'empty' | 'too-long' | 'unknown-paragraph' | 'unknown-thread'>> {
  const access = await documentAccess(deps.db, process, doc.bodyId, actor);
  const problem = documentRefusal(access, doc.state, 'comment');
  if (problem) return refuse(problem);
  if (actor.kind !== 'user') return refuse('not-signed-in');
  const body = input.body.trim();
  if (!body) return refuse('empty');
  if (body.length > COMMENT_MAX) return refuse('too-long');
  let anchor = input.anchor;
  const quote: Localized = {};
  if (input.parentId !== null) {
    const parent = await commentById(deps.db, doc.id, input.parentId);
    if (!parent || parent.parentId !== null) return refuse('unknown-thread');
    anchor = parent.anchor;
  } else if (anchor !== null) {
    const loaded = await loadVersion(deps.db, doc.id, doc.currentVersion, { html: false });
    const block = loaded?.version.blocks.find((b) => b.anchor === anchor);
    if (!loaded || !block) return refuse('unknown-paragraph');
    for (const l of Object.keys(block.text) as Locale[]) quote[l] = loaded.texts.get(textKey(block.anchor, l))?.plain ?? '';
  }
  const participant = access.participantId !== null ? await participantById(deps.db, process.id, access.participantId) : null;
  const authorName = participant?.displayName ?? actor.name;
  return transact(deps.db, async (trx) => {
    const locked = await lockDocument(trx, doc.id);
    const now = deps.clock.now();
    const id = await insertComment(trx, {
      documentId: doc.id,
      parentId: input.parentId,
      anchor,
      versionNumber: locked.currentVersion,
      quote,
      body,
      lang: input.lang,
      authorUserId: actor.userId,
      participantId: access.participantId,
      authorName,
      now,
    });
    await appendEvents(
      trx,
      process.id,
      actor,
      [{ action: input.parentId ? 'document.replied' : 'document.commented', subjectType: 'document', subjectId: doc.slug, data: { title: doc.title, anchor, commentId: id } }],
      now,
    );
    return ok({ id });
  });
}
