import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A PDF from a self-contained HTML page, printed by the system Chromium:
// tagged (so screen readers and reflow work), with the document language
// taken from <html lang>. No network: the page carries its own styles.

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--no-pdf-header-footer',
  '--generate-pdf-document-outline',
];

export class PdfError extends Error {}

export async function printToPdf(html: string, o: { chromiumPath: string; timeoutMs?: number }): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-pdf-'));
  try {
    const page = path.join(dir, 'page.html');
    const out = path.join(dir, 'page.pdf');
    fs.writeFileSync(page, html);
    await new Promise<void>((resolve, reject) => {
      const child = spawn(o.chromiumPath, [...FLAGS, `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${out}`, `file://${page}`], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new PdfError(`Chromium could not start: ${e.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (code === 0 && fs.existsSync(out)) resolve();
        else reject(new PdfError(`Chromium exited with ${code}: ${err.split('\n').slice(-3).join(' ')}`));
      });
    });
    return fs.readFileSync(path.join(dir, 'page.pdf'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
