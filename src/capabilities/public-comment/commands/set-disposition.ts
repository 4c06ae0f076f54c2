import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { loadVersion, versionList } from '../../documents/index.ts';
import type { Process } from '../../processes/index.ts';
import { commentById, groupByKey, saveDisposition } from '../db/answers.ts';
import { checkDisposition, type DispositionInput, type DispositionRefusal, type DispositionTarget } from '../domain/disposition.ts';
import { inputRefusal, type InputRefusal } from '../domain/permissions.ts';
import type { PeriodContext } from './period-context.ts';

/**
 * Gives a comment, or a whole group of near-identical comments, its
 * disposition (replacing any earlier one; the audit log keeps each).
 */
export async function setDisposition(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  ctx: PeriodContext,
  target: DispositionTarget,
  input: DispositionInput,
): Promise<Result<null, InputRefusal | DispositionRefusal | 'unknown-target'>> {
  const refusal = inputRefusal(ctx.access, 'answer', ctx.phase);
  if (refusal) return refuse(refusal);
  if (actor.kind !== 'user') return refuse('not-signed-in');
  const periodId = ctx.period.id;
  const exists = 'comment' in target ? await commentById(deps.db, periodId, target.comment) : await groupByKey(deps.db, periodId, target.cluster);
  if (!exists) return refuse('unknown-target');
  const versions = new Set((await versionList(deps.db, ctx.doc.id)).map((v) => v.number));
  const anchors =
    input.changedVersion !== null && versions.has(input.changedVersion) ? await loadVersion(deps.db, ctx.doc.id, input.changedVersion, { html: false, contentOnly: true }) : null;
  const checked = checkDisposition(input, { versions, commentedVersion: ctx.period.versionNumber, anchorsOf: () => new Set(anchors?.version.blocks.map((b) => b.anchor) ?? []) });
  if (!checked.ok) return checked;
  const now = deps.clock.now();
  await transact(deps.db, async (trx) => {
    await saveDisposition(trx, periodId, { ...checked.value, target, decidedBy: actor.userId, decidedByName: actor.name, decidedAt: now });
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: 'public-comment.disposition',
          subjectType: 'comment-period',
          subjectId: String(periodId),
          data: { target, kind: checked.value.kind, reason: checked.value.reason, changedVersion: checked.value.changedVersion, changedAnchor: checked.value.changedAnchor },
        },
      ],
      now,
    );
  });
  return ok(null);
}
