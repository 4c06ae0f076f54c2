import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { hashToken } from '../../../platform/auth/tokens.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { commentByVerifyToken, lockComment, setStatus } from '../db/comments.ts';
import { statusOnVerify, type CommentStatus } from '../domain/moderation.ts';
import type { Period } from '../domain/period.ts';

/** Verification links stay valid this long (a period rarely lasts longer). */
const TOKEN_DAYS = 60;

/**
 * The link in the verification mail: the commenter confirms the email is
 * theirs, and the comment goes on to moderation or publication. Following the
 * link twice is harmless.
 */
export async function verifyEmail(
  deps: CommandDeps,
  period: Period,
  token: string,
): Promise<Result<{ receipt: string; status: CommentStatus; already: boolean }, 'unknown-token' | 'expired'>> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return refuse('unknown-token');
  const found = await commentByVerifyToken(deps.db, period.id, hashToken(token));
  if (!found) return refuse('unknown-token');
  const now = deps.clock.now();
  if (now.getTime() - found.createdAt.getTime() > TOKEN_DAYS * 86_400_000) return refuse('expired');
  return transact(deps.db, async (trx) => {
    const c = await lockComment(trx, period.id, found.id);
    if (!c) return refuse('unknown-token');
    const next = statusOnVerify(period, c.status);
    if (!next.ok) return ok({ receipt: c.receipt, status: c.status, already: true });
    await setStatus(trx, c.id, { status: next.value, now, verified: true });
    return ok({ receipt: c.receipt, status: next.value, already: false });
  });
}
