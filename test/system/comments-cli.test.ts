import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../src/kernel/clock.ts';
import { freshDatabase, type FreshDb } from '../support/db.ts';
import { XSS } from '../support/factories.ts';
import { campaign, makePeriod, type InputSetup } from '../support/public-comment.ts';

// `concert comments …` as an operator runs it: the real process against a real database.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/concert.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-comments-'));
let db: FreshDb;
let s: InputSetup;
before(async () => {
  db = await freshDatabase();
  s = await makePeriod({ db: db.db, clock: systemClock });
});
after(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

function concert(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: db.url, CONCERT_DATA_DIR: path.join(dir, 'data') },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const write = (name: string, text: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};
const rejectsOf = (f: string) =>
  fs
    .readFileSync(`${f}.rejected.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { line: number; reason: string });

describe('concert comments', () => {
  it('imports JSON Lines: good rows stored and grouped, bad rows written to the rejects file with line and reason, exit 1', () => {
    const good = campaign(6).map((text, i) =>
      JSON.stringify({ text, name: `Signer ${i} ${XSS}`, category: 'civil-society', lang: 'en', signatories: i === 0 ? 40 : 1, anchor: 'p2' }),
    );
    const lines = [
      ...good,
      '{not json',
      JSON.stringify({ name: 'No text' }),
      JSON.stringify({ text: 'x', category: 'aliens' }),
      JSON.stringify({ text: 'x', anchor: 'p999' }),
      '',
      JSON.stringify({ text: 'Distinct thought about labels and their support periods.', email: 'not-an-email' }),
      JSON.stringify({ text: 'A distinct thought about labels and how long devices get updates.', signatories: 0 }),
      JSON.stringify({ text: 'A distinct thought about networks isolating compromised devices quickly.', lang: 'fr', category: 'government' }),
    ];
    const f = write('campaign.jsonl', lines.join('\n') + '\n');
    const r = concert(['comments', 'import', f, '--period', String(s.periodId)]);
    assert.equal(r.status, 1, r.stderr + r.stdout);
    assert.match(r.stdout, /Accepted 7, rejected 6 \(of 13 rows\)/);
    assert.match(r.stderr, /import: 100% 13 read, 7 accepted, 6 rejected/, 'non-TTY progress lines');
    assert.deepEqual(rejectsOf(f), [
      { line: 7, reason: 'invalid-json' },
      { line: 8, reason: 'text-missing' },
      { line: 9, reason: 'unknown-category' },
      { line: 10, reason: 'unknown-anchor' },
      { line: 12, reason: 'bad-email' },
      { line: 13, reason: 'bad-signatories' },
    ]);

    const again = concert(['comments', 'import', f, '--period', String(s.periodId)]);
    assert.match(again.stdout, /Accepted 0, rejected 6, already imported 7/);

    const c = concert(['comments', 'clusters', '--period', String(s.periodId), '--json']);
    assert.equal(c.status, 0, c.stderr);
    const groups = JSON.parse(c.stdout) as { clusterId: number; key: number; size: number; signatories: number; members: number[] }[];
    assert.equal(groups.length, 1);
    assert.deepEqual(Object.keys(groups[0]!).sort(), ['clusterId', 'key', 'members', 'signatories', 'size']);
    assert.equal(groups[0]!.size, 6);
    assert.equal(groups[0]!.signatories, 45);
    assert.equal(groups[0]!.members.length, 6);
    assert.equal(groups[0]!.key, Math.min(...groups[0]!.members));

    const table = concert(['comments', 'clusters', '--period', String(s.periodId)]);
    assert.match(table.stdout, /group\tkey\tcomments\tsignatories\tmembers\n\d+\t\d+\t6\t45\t/);
  });

  it('imports CSV with quoted fields across lines; --rejects names the file; exit 0 when all is well', async () => {
    const rows = [
      'name,organization,category,email,lang,text,anchor,signatories',
      `"Dupont, Marie",Assoc ${XSS},civil-society,m@example.org,fr,"Une ligne,` + '\n' + `puis ""une autre""",p2,3`,
      `Ann,,industry,,en,Plain text here,,`,
      `Bad,,industry,,de,Text,,`,
      `Short,row`,
    ];
    const f = write('mail.csv', rows.join('\r\n') + '\r\n');
    const rejects = path.join(dir, 'csv-rejects.jsonl');
    const r = concert(['comments', 'import', f, '--period', String(s.periodId), '--rejects', rejects]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /Accepted 2, rejected 2/);
    assert.deepEqual(
      fs
        .readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
      [
        // Physical lines: Marie's text spans lines 2 and 3.
        { line: 5, reason: 'bad-lang' },
        { line: 6, reason: 'wrong-field-count' },
      ],
    );
    const marie = await db.db.selectFrom('publicComments').selectAll().where('periodId', '=', s.periodId).where('name', '=', 'Dupont, Marie').executeTakeFirstOrThrow();
    assert.equal(marie.body, 'Une ligne,\npuis "une autre"');
    assert.equal(marie.signatories, 3);
    assert.equal(marie.source, 'import');
    assert.equal(marie.status, 'published');
    assert.ok(marie.processedAt, 'processing ran after the import');

    const clean = write('clean.csv', 'text,category\nAll fine here,academia\n');
    const ok = concert(['comments', 'import', clean, '--period', String(s.periodId)]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(fs.existsSync(`${clean}.rejected.jsonl`), false);
  });

  it('on a terminal the progress bar redraws one line', () => {
    // `script` gives the command a pseudo-terminal, as an operator's shell would.
    const f = write('tty.jsonl', Array.from({ length: 50 }, (_, i) => JSON.stringify({ text: `Terminal row ${i} about device labels and support periods.` })).join('\n') + '\n');
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: db.url, CONCERT_DATA_DIR: path.join(dir, 'data') };
    const cmd = [process.execPath, bin, 'comments', 'import', f, '--period', String(s.periodId)].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('script', ['-qefc', cmd, '/dev/null'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /\r\[#{30}\] 100% 50 read, 50 accepted, 0 rejected/);
    assert.doesNotMatch(r.stdout, /import: \d+%/, 'no log lines on a terminal');
  });

  it('usage errors exit 2; an unknown period exits 1', () => {
    assert.equal(concert(['comments', 'import', '/nonexistent.txt', '--period', '1']).status, 2);
    assert.equal(concert(['comments', 'clusters']).status, 2);
    const f = write('one.jsonl', '{"text":"hello"}\n');
    const r = concert(['comments', 'import', f, '--period', '999999']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /No public input period 999999/);
  });
});
