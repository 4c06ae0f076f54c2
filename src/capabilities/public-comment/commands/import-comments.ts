import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { findProcessById } from '../../processes/index.ts';
import { insertImported, type ImportRow } from '../db/imports.ts';
import { periodById } from '../db/period-writes.ts';
import { anchorsOf } from './languages-live.ts';
import type { RecordLine } from '../../../platform/records.ts';
import { checkImportRow, type ImportRefusal } from '../domain/import-row.ts';

export type Rejected = { line: number; reason: ImportRefusal | string };
export type ImportSummary = { read: number; accepted: number; alreadyImported: number; rejected: number };

// Rows per transaction: a crash loses at most one batch, and a rerun skips what was stored.
const BATCH = 500;

/**
 * Imports comments gathered elsewhere into a period, as the operator (the
 * CLI). Each row is checked like the web form; bad rows are reported and
 * skipped, good ones stored in batches. Each row's key is derived from the
 * source name, its line and its content, so importing the same file again
 * adds nothing.
 */
export async function importComments(
  deps: Pick<CommandDeps, 'db' | 'clock'>,
  actor: Actor,
  periodId: number,
  source: string,
  rows: AsyncIterable<RecordLine>,
  on: { rejected: (r: Rejected) => void | Promise<void>; progress?: (s: ImportSummary) => void },
): Promise<Result<ImportSummary, 'unknown-period'>> {
  const period = await periodById(deps.db, periodId);
  if (!period) return refuse('unknown-period');
  const process = (await findProcessById(deps.db, period.processId))!;
  const ctx = {
    categories: new Set(process.stakeholderCategories.map((c) => c.key)),
    anchors: await anchorsOf(deps.db, period.documentId, period.versionNumber),
    allowAnonymous: period.allowAnonymous,
    defaultLang: process.officialLanguages[0] ?? 'en',
  };
  // Pre-moderated periods show nothing a moderator has not approved, imports included.
  const status = period.moderation === 'pre' ? 'pending' : 'published';
  const summary: ImportSummary = { read: 0, accepted: 0, alreadyImported: 0, rejected: 0 };
  let batch: ImportRow[] = [];
  const flush = async () => {
    const rowsNow = batch;
    batch = [];
    const added = await transact(deps.db, async (trx) => {
      const n = await insertImported(trx, period, status, rowsNow);
      if (n > 0)
        await appendEvents(
          trx,
          period.processId,
          actor,
          [
            {
              action: 'public-comment.imported',
              subjectType: 'comment-period',
              subjectId: String(period.id),
              data: { source, count: n, via: actor.kind === 'user' ? 'web' : 'cli' },
            },
          ],
          deps.clock.now(),
        );
      return n;
    });
    summary.accepted += added;
    summary.alreadyImported += rowsNow.length - added;
    on.progress?.(summary);
  };
  for await (const row of rows) {
    summary.read++;
    if ('error' in row) {
      summary.rejected++;
      await on.rejected({ line: row.line, reason: row.error });
      continue;
    }
    const r = checkImportRow(row.value, ctx);
    if (!r.ok) {
      summary.rejected++;
      await on.rejected({ line: row.line, reason: r.refusal });
      continue;
    }
    const key = createHash('sha256')
      .update(`${source}\n${row.line}\n${JSON.stringify(r.value)}`)
      .digest('base64url');
    batch.push({ ...r.value, receipt: randomBytes(16).toString('base64url'), idempotencyKey: `import:${key}` });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return ok(summary);
}
