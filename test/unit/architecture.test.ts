import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The dependency rules of ARCHITECTURE.md, checked rather than hoped for.
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

const files = walk(src).map((f) => ({ file: path.relative(src, f), text: fs.readFileSync(f, 'utf8') }));
const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm), ...text.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]!);

describe('architecture', () => {
  it('domain code imports only the kernel and its own domain files', () => {
    const bad: string[] = [];
    for (const { file, text } of files.filter((f) => /^capabilities\/[^/]+\/domain\//.test(f.file))) {
      for (const spec of importsOf(text)) {
        const resolved = path.normalize(path.join(path.dirname(file), spec));
        const ownDomain = path.dirname(file);
        if (!(resolved.startsWith('kernel/') || path.dirname(resolved) === ownDomain)) bad.push(`${file} imports ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('domain code is pure: no await, no clock, no database', () => {
    const bad = files
      .filter((f) => /^capabilities\/[^/]+\/domain\//.test(f.file))
      .filter((f) => /\bawait\b|Date\.now\(|new Date\(\)|process\.env|kysely|from 'pg'/.test(f.text))
      .map((f) => f.file);
    assert.deepEqual(bad, []);
  });

  it('capabilities reach each other only through index.ts', () => {
    const bad: string[] = [];
    for (const { file, text } of files.filter((f) => f.file.startsWith('capabilities/'))) {
      const own = file.split('/')[1];
      for (const spec of importsOf(text)) {
        const resolved = path.normalize(path.join(path.dirname(file), spec));
        const m = /^capabilities\/([^/]+)\/(.+)$/.exec(resolved);
        if (m && m[1] !== own && m[2] !== 'index.ts') bad.push(`${file} imports ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('only db/ folders (and the platform) touch SQL', () => {
    const bad = files
      .filter((f) => f.file.startsWith('capabilities/') && !/\/db\//.test(f.file))
      .filter((f) => /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(f.text))
      .map((f) => f.file);
    assert.deepEqual(bad, []);
  });

  it('only views and http render JSX; domain and db never do', () => {
    const bad = files.filter((f) => /\/(domain|db|commands)\//.test(f.file) && f.file.endsWith('.tsx')).map((f) => f.file);
    assert.deepEqual(bad, []);
  });

  it('config.ts is the only reader of process.env', () => {
    const bad = files.filter((f) => f.file !== 'config.ts' && /process\.env\b/.test(f.text.replace(/\{ \.\.\.process\.env[^}]*\}/g, ''))).map((f) => f.file);
    assert.deepEqual(bad, []);
  });

  it('no file passes about 300 lines by much', () => {
    const big = files.filter((f) => f.text.split('\n').length > 400).map((f) => `${f.file} (${f.text.split('\n').length})`);
    assert.deepEqual(big, []);
  });
});
