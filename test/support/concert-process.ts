import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/concert.js');

export type ConcertProcess = { proc: ChildProcess; url: string; link: string | null; output: () => string };

/**
 * A real `concert start` process with exactly the environment given (plus
 * PATH, HOME and PORT=0), resolved once it says it is running: its URL, the
 * sign-in link it printed (if any) and everything it has printed so far.
 */
export function spawnConcert(env: Record<string, string>): Promise<ConcertProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bin, 'start'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Concert is running at (\S+)\//.exec(out);
      if (m && /Press Ctrl-C/.test(out)) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!.replace('localhost', '127.0.0.1'), link: /(http\S+sign-in\/verify\?token=\S+)/.exec(out)?.[1] ?? null, output: () => out });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
}

/** spawnConcert, quiet and without the demo: what system tests that kill and restart nodes need. */
export function startConcertProcess(env: Record<string, string>): Promise<ConcertProcess> {
  return spawnConcert({ CONCERT_LOG: 'quiet', CONCERT_SEED_DEMO: 'never', ...env });
}
