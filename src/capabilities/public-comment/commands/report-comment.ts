import { createHash } from 'node:crypto';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { hit } from '../../../platform/http/rate-limit.ts';
import { commentById } from '../db/comments.ts';
import { insertReport } from '../db/reports.ts';
import type { Period } from '../domain/period.ts';

export type ReportInput = { name: string; email: string; reason: string };

/**
 * "This comment was submitted in my name, but not by me": anyone may say so,
 * at any time; staff uphold or dismiss it. Rate-limited per address.
 */
export async function reportComment(
  deps: CommandDeps,
  period: Period,
  commentId: number,
  input: ReportInput,
  who: { ip: string; limit: number; windowSeconds: number },
): Promise<Result<{ id: number }, 'unknown-comment'> | { ok: false; refusal: 'rate-limited'; retryAfterSeconds: number }> {
  const c = await commentById(deps.db, period.id, commentId);
  if (!c || c.status === 'unverified') return refuse('unknown-comment');
  const now = deps.clock.now();
  return transact(deps.db, async (trx) => {
    const d = await hit(trx, `report:ip:${createHash('sha256').update(who.ip).digest('hex').slice(0, 32)}`, who.limit, who.windowSeconds, now);
    if (!d.allowed) return { ok: false as const, refusal: 'rate-limited' as const, retryAfterSeconds: d.retryAfterSeconds };
    const id = await insertReport(trx, { commentId: c.id, reporterName: input.name, reporterEmail: input.email, reason: input.reason, now });
    return ok({ id });
  });
}
