import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Child = { proc: ChildProcess; url: string; /** What the child printed after its URL on the READY line. */ extra: string; rssKb(): number; stop(): Promise<void> };

/**
 * Runs a command with the open-files limit raised to the hard limit (a shell's
 * `ulimit -n`, since Node cannot raise its own): thousands of sockets each.
 */
export function withFileLimit(command: string, args: string[]): [string, string[]] {
  return ['/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', command, ...args]];
}

/** Starts `node --import tsx <script>` and waits for it to print "READY <url>". */
export function startChild(script: string, args: string[], env: NodeJS.ProcessEnv = {}, opts: { manyFiles?: boolean } = {}): Promise<Child> {
  return new Promise((resolve, reject) => {
    const argv = ['--import', 'tsx', path.join(root, script), ...args];
    const [cmd, cmdArgs] = opts.manyFiles ? withFileLimit(process.execPath, argv) : [process.execPath, argv];
    const proc = spawn(cmd, cmdArgs, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\S+)(?: ([^\n]*))?\n/.exec(buf);
      if (m) {
        proc.stdout!.off('data', onData);
        proc.stdout!.resume();
        resolve({
          proc,
          url: m[1]!,
          extra: m[2] ?? '',
          rssKb: () => {
            try {
              return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0);
            } catch {
              return 0;
            }
          },
          stop: () =>
            new Promise<void>((r) => {
              if (proc.exitCode !== null) return r();
              proc.once('exit', () => r());
              proc.kill('SIGTERM');
            }),
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${script} exited early (${code})`)));
  });
}

/** A process's parent and the CPU time (user + system, ms) it has used so far, from /proc; null when it is gone. */
function procStat(pid: number | string): { ppid: number; cpuMs: number } | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 }; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** CPU time (user + system, ms) a process has used so far; 0 when it is gone. */
export const cpuMsOf = (pid: number): number => procStat(pid)?.cpuMs ?? 0;

/** CPU time (ms) of a process and its live children (a PostgreSQL postmaster and its backends). */
export function treeCpuMs(pid: number): number {
  let total = cpuMsOf(pid);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const st = procStat(entry);
    if (st?.ppid === pid) total += st.cpuMs;
  }
  return total;
}
