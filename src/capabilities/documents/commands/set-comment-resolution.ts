import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import type { Process } from '../../processes/index.ts';
import { commentById } from '../db/queries.ts';
import { setResolution } from '../db/writes.ts';
import type { DocumentRecord } from '../domain/document.ts';
import { mayResolve } from '../domain/permissions.ts';
import { documentAccess } from './access.ts';

/** A thread is resolved, or reopened, by its author or the chair; the record says who and when. */
export async function setCommentResolution(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  doc: DocumentRecord,
  commentId: number,
  resolved: boolean,
): Promise<Result<null, 'not-allowed' | 'not-signed-in' | 'unknown-thread' | 'unchanged'>> {
  if (actor.kind !== 'user') return refuse('not-signed-in');
  const comment = await commentById(deps.db, doc.id, commentId);
  if (!comment || comment.parentId !== null) return refuse('unknown-thread');
  const access = await documentAccess(deps.db, process, doc.bodyId, actor);
  if (!mayResolve(access, comment.authorUserId)) return refuse('not-allowed');
  if (!!comment.resolvedAt === resolved) return refuse('unchanged');
  const now = deps.clock.now();
  await transact(deps.db, async (trx) => {
    await setResolution(trx, comment.id, resolved ? { at: now, by: actor.name } : null);
    await appendEvents(
      trx,
      process.id,
      actor,
      [{ action: resolved ? 'document.comment-resolved' : 'document.comment-reopened', subjectType: 'document', subjectId: doc.slug, data: { title: doc.title, commentId } }],
      now,
    );
  });
  return ok(null);
}
