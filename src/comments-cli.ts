// `concert comments import|clusters`: bulk input gathered outside Concert, and
// the groups of near-identical comments, for operators.
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { groupsWithMembers, importComments, processComments, type ImportSummary } from './capabilities/public-comment/index.ts';
import { systemClock } from './kernel/clock.ts';
import { anonymous, type Actor } from './kernel/actor.ts';
import type { Db } from './platform/database/connect.ts';
import { csvRecords, jsonLines, type ReadCounter } from './platform/records.ts';

export const COMMENTS_HELP = `concert comments import <file> --period <id> [--format jsonl|csv] [--rejects <path>]
  Imports comments gathered elsewhere into a public input period. JSON Lines (one object a line) or CSV with a
  header row, by the file's extension unless --format says. Fields: text (required), name, organization,
  category (a stakeholder category key; default "other"), email, lang (en|fr), anchor (a passage, e.g. p3),
  signatories (default 1). Each row is checked like the web form; rows are published, or pending when the
  period is pre-moderated. Rejected rows go to <file>.rejected.jsonl (or --rejects) with their line and reason.
  Importing the same file again adds nothing. Processing (fingerprints, groups) runs afterwards.
  Exit code: 0 when every row was accepted, 1 when any row was rejected (the accepted ones are kept), 2 usage.

concert comments clusters --period <id> [--json]
  Lists the groups of near-identical comments: [{clusterId, key, size, signatories, members}] with --json,
  a table otherwise. Comments in no group are distinct comments and are not listed.`;

export class CommentsUsageError extends Error {}

// The CLI acts as the operator, who has no web account: the audit entry says it came from the command line.
const OPERATOR: Actor = anonymous;

function periodArg(v: string | undefined): number {
  if (!v || !/^\d{1,12}$/.test(v)) throw new CommentsUsageError('--period <id> is required (a number).');
  return Number(v);
}

/** Redraws one line on a terminal; prints a line every few seconds to a log. */
function progressReporter(total: number, read: ReadCounter) {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return (s: ImportSummary, final = false) => {
    const now = Date.now();
    if (!final && now - last < (tty ? 100 : 2000)) return;
    last = now;
    const ratio = total > 0 ? Math.min(1, read.chars / total) : 1;
    const counts = `${s.read} read, ${s.accepted} accepted, ${s.rejected} rejected`;
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${counts}\x1b[K${final ? '\n' : ''}`);
    } else process.stderr.write(`import: ${Math.round(ratio * 100)}% ${counts}\n`);
  };
}

export async function commentsCommand(rest: string[], withDatabase: <T>(fn: (db: Db) => Promise<T>) => Promise<T>): Promise<number> {
  const [sub, ...args] = rest;
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { period: { type: 'string' }, format: { type: 'string' }, rejects: { type: 'string' }, json: { type: 'boolean' } },
    }));
  } catch (e) {
    throw new CommentsUsageError(`${(e as Error).message}\n\n${COMMENTS_HELP}`);
  }
  const periodId = periodArg(values.period as string | undefined);
  if (sub === 'clusters') {
    if (positionals.length) throw new CommentsUsageError(COMMENTS_HELP);
    const groups = await withDatabase((db) => groupsWithMembers(db, periodId));
    if (values.json) console.log(JSON.stringify(groups));
    else if (groups.length === 0) console.log('No groups: every comment is distinct (or nothing is processed yet).');
    else {
      console.log(['group', 'key', 'comments', 'signatories', 'members'].join('\t'));
      for (const g of groups)
        console.log([g.clusterId, g.key, g.size, g.signatories, g.members.length > 10 ? `${g.members.slice(0, 10).join(',')},…` : g.members.join(',')].join('\t'));
    }
    return 0;
  }
  if (sub !== 'import' || positionals.length !== 1) throw new CommentsUsageError(COMMENTS_HELP);
  const file = positionals[0]!;
  const format = (values.format as string | undefined) ?? (/\.csv$/i.test(file) ? 'csv' : /\.jsonl?$/i.test(file) || /\.ndjson$/i.test(file) ? 'jsonl' : null);
  if (format !== 'csv' && format !== 'jsonl') throw new CommentsUsageError('Say --format jsonl or --format csv (the file name does not tell).');
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    console.error(`Cannot read ${file}.`);
    return 1;
  }
  const rejectsPath = (values.rejects as string | undefined) ?? `${file}.rejected.jsonl`;
  const read: ReadCounter = { chars: 0 };
  const rows = format === 'csv' ? csvRecords(file, read) : jsonLines(file, read);
  const progress = progressReporter(size, read);
  let rejects: fs.WriteStream | null = null;
  const started = performance.now();
  let importedAt = started;
  const result = await withDatabase(async (db) => {
    const r = await importComments({ db, clock: systemClock }, OPERATOR, periodId, path.basename(file), rows, {
      async rejected(x) {
        rejects ??= fs.createWriteStream(rejectsPath, { encoding: 'utf8' });
        if (!rejects.write(JSON.stringify(x) + '\n')) await once(rejects, 'drain');
      },
      progress: (s) => progress(s),
    });
    if (!r.ok) return r;
    progress(r.value, true);
    importedAt = performance.now();
    process.stderr.write('Processing (fingerprints and groups)…\n');
    const p = await processComments({ db, clock: systemClock }, periodId);
    return { ...r, processing: p };
  });
  if (rejects) {
    const w = rejects as fs.WriteStream;
    await new Promise<void>((resolve) => w.end(resolve));
  }
  if (!result.ok) {
    console.error(`No public input period ${periodId}.`);
    return 1;
  }
  const s = result.value;
  console.log(`Accepted ${s.accepted}, rejected ${s.rejected}${s.alreadyImported ? `, already imported ${s.alreadyImported}` : ''} (of ${s.read} rows).`);
  if (s.rejected) console.log(`Rejected rows: ${rejectsPath}`);
  console.log(`Groups of near-identical comments: ${result.processing.groups}.`);
  console.log(`Stored in ${((importedAt - started) / 1000).toFixed(1)} s, grouped in ${((performance.now() - importedAt) / 1000).toFixed(1)} s.`);
  return s.rejected ? 1 : 0;
}
