import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// Static assets are few and small: built once per process (CSS read, client
// TypeScript bundled by esbuild), fingerprinted, served with a year's cache.

type Asset = { name: string; type: string; body: Buffer; gzip: Buffer; hashed: string };

const here = path.dirname(fileURLToPath(import.meta.url));
const viewsAssets = path.resolve(here, '../views/assets');
const clientEntry = path.resolve(here, '../../client/main.ts');

const byName = new Map<string, Asset>();
const byHashed = new Map<string, Asset>();
let ready: Promise<void> | null = null;

function add(name: string, type: string, body: Buffer) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const ext = path.extname(name);
  const hashed = `${path.basename(name, ext)}.${hash}${ext}`;
  const asset = { name, type, body, gzip: gzipSync(body, { level: 9 }), hashed };
  byName.set(name, asset);
  byHashed.set(hashed, asset);
}

export function buildAssets(): Promise<void> {
  return (ready ??= (async () => {
    add('app.css', 'text/css; charset=utf-8', fs.readFileSync(path.join(viewsAssets, 'app.css')));
    add('print.css', 'text/css; charset=utf-8', fs.readFileSync(path.join(viewsAssets, 'print.css')));
    add('icon.svg', 'image/svg+xml', fs.readFileSync(path.join(viewsAssets, 'icon.svg')));
    const out = await build({
      entryPoints: [clientEntry],
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020'],
      write: false,
      legalComments: 'none',
    });
    add('app.js', 'text/javascript; charset=utf-8', Buffer.from(out.outputFiles[0]!.contents));
  })());
}

/** The fingerprinted URL of an asset; assets must be built first. */
export function assetPath(name: string): string {
  const a = byName.get(name);
  if (!a) throw new Error(`asset ${name} not built`);
  return `/assets/${a.hashed}`;
}

/** An asset's content, for pages that must stand alone (a PDF is printed from a file, without the server). */
export function assetText(name: string): string {
  const a = byName.get(name);
  if (!a) throw new Error(`asset ${name} not built`);
  return a.body.toString('utf8');
}

export function findAsset(hashed: string): Asset | undefined {
  return byHashed.get(hashed);
}
