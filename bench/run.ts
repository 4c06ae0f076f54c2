// `npm run bench -- <name>`: runs bench/<name>.ts. Each benchmark measures
// Concert and the limit it is compared with in the same run, and prints one
// JSON object as its last line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name>\nAvailable: ${available.join(', ')}`);
  process.exit(2);
}
await import(pathToFileURL(path.join(here, `${name}.ts`)).href);
