// Streaming readers for operators' files: JSON Lines and CSV (RFC 4180, with
// quoted fields across lines), one record at a time, so a file of any length
// is read in constant memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type RecordLine = { line: number; value: unknown } | { line: number; error: string };

/** `read.chars` grows as the file is read (for a progress bar against the file's size). */
export type ReadCounter = { chars: number };

export async function* jsonLines(path: string, read: ReadCounter = { chars: 0 }): AsyncGenerator<RecordLine> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    read.chars += text.length + 1;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch {
      yield { line, error: 'invalid-json' };
    }
  }
}

/** CSV with a header row; each record is an object keyed by header. `line` is where the record starts. */
export async function* csvRecords(path: string, read: ReadCounter = { chars: 0 }): AsyncGenerator<RecordLine> {
  let header: string[] | null = null;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let start = 1;
  let bad = false;
  const finish = (): RecordLine | null => {
    fields.push(field);
    const got = fields;
    fields = [];
    field = '';
    afterQuote = false;
    const wasBad = bad;
    bad = false;
    if (got.length === 1 && got[0] === '') return null; // blank line
    if (!header) {
      header = got.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      return null;
    }
    if (wasBad) return { line: start, error: 'bad-quotes' };
    if (got.length !== header.length) return { line: start, error: 'wrong-field-count' };
    return { line: start, value: Object.fromEntries(header.map((h, i) => [h, got[i]!])) };
  };
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    read.chars += (chunk as string).length;
    for (const ch of chunk as string) {
      if (first) {
        first = false;
        start = line;
      }
      if (quoted) {
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        // A doubled quote inside a quoted field is a literal quote; a quote in the middle of a bare field is an error.
        if (afterQuote) field += '"';
        else if (field !== '') bad = true;
        quoted = true;
        afterQuote = false;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (ch === '\n') {
        line++;
        const r = finish();
        first = true;
        if (r) yield r;
      } else if (ch !== '\r') {
        if (afterQuote) bad = true;
        field += ch;
      }
    }
  }
  if (quoted) bad = true;
  if (!first || field !== '' || fields.length) {
    const r = finish();
    if (r) yield r;
  }
}
