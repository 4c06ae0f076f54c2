// `npm run bench -- live`: N Server-Sent Events clients (default 5,000; set
// BENCH_CLIENTS), in processes of their own, watch one live room while the
// facilitator gives the floor 50 times (between two calls, the speaker who
// finished raises a hand again, so about ten people stay in the queue).
// Measured: delivery latency (from just before the facilitator's request to
// each client's receipt) p50/p95/p99, and the server's memory. Then, in the
// same run, the same clients on a bare node:http SSE broadcaster sending the
// very bytes Concert sent, triggered the same way. Last line: one JSON object,
// ratio = Concert p95 ÷ raw p95.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startChild, withFileLimit, type Child } from './support/processes.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 5000);
const CALLS = Number(process.env.BENCH_CALLS ?? 50);
const WORKERS = Number(process.env.BENCH_WORKERS ?? Math.max(2, Math.min(4, os.cpus().length)));
const here = path.dirname(fileURLToPath(import.meta.url));
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Scene = { meetingPath: string; facilitator: string; people: Array<{ participantId: number; session: string }> };
type Figures = {
  connected: number;
  connectSeconds: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  delivered: number;
  missing: number;
  rssIdleMb: number;
  rssPeakMb: number;
};

/** Client processes, each holding its share of the connections. */
class Clients {
  private workers: Array<{ proc: ChildProcess; count: number; inbox: Array<(m: unknown) => boolean> }> = [];
  async start() {
    for (let i = 0; i < WORKERS; i++) {
      const count = Math.floor(CLIENTS / WORKERS) + (i < CLIENTS % WORKERS ? 1 : 0);
      // Through a shell that raises the open-files limit, then execs node (the IPC channel survives the exec).
      const [shell, shellArgs] = withFileLimit(process.execPath, ['--import', 'tsx']);
      const proc = fork(path.join(here, 'support/sse-clients.ts'), [], { execPath: shell, execArgv: shellArgs, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const w = { proc, count, inbox: [] as Array<(m: unknown) => boolean> };
      proc.on('message', (m) => {
        const i = w.inbox.findIndex((f) => f(m));
        if (i >= 0) w.inbox.splice(i, 1);
      });
      this.workers.push(w);
      await this.ask(w, null, (m) => (m as { started?: boolean }).started === true);
    }
  }
  private ask<T>(w: (typeof this.workers)[number], msg: unknown, accept: (m: unknown) => boolean): Promise<T> {
    return new Promise((resolve) => {
      w.inbox.push((m) => (accept(m) ? (resolve(m as T), true) : false));
      if (msg) w.proc.send(msg as object);
    });
  }
  /** Connects every client; gives up waiting after `ms` and says how many are in. */
  async connect(url: string, ms = 180_000): Promise<number> {
    const all = Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'connect', url, count: w.count }, (m) => typeof (m as { connected?: number }).connected === 'number')));
    const started = Date.now();
    const timer = setInterval(async () => console.log(`# … ${await this.ready()} connected after ${Math.round((Date.now() - started) / 1000)} s`), 10_000);
    await Promise.race([all, sleep(ms)]);
    clearInterval(timer);
    return this.ready();
  }
  async ready(): Promise<number> {
    const r = await Promise.all(this.workers.map((w) => this.ask<{ ready: number }>(w, { cmd: 'ready' }, (m) => typeof (m as { ready?: number }).ready === 'number')));
    return r.reduce((n, x) => n + x.ready, 0);
  }
  async received(id: number): Promise<number> {
    const r = await Promise.all(this.workers.map((w) => this.ask<{ received: number }>(w, { cmd: 'count', id }, (m) => (m as { id?: number }).id === id)));
    return r.reduce((n, x) => n + x.received, 0);
  }
  async report(sent: Record<number, number>) {
    const r = await Promise.all(
      this.workers.map((w) => this.ask<{ latencies: number[]; missing: number }>(w, { cmd: 'report', sent }, (m) => Array.isArray((m as { latencies?: unknown }).latencies))),
    );
    return { latencies: r.flatMap((x) => x.latencies), missing: r.reduce((n, x) => n + x.missing, 0) };
  }
  close() {
    return Promise.all(this.workers.map((w) => this.ask(w, { cmd: 'close' }, (m) => (m as { closed?: boolean }).closed === true)));
  }
  stop() {
    for (const w of this.workers) w.proc.kill('SIGTERM');
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
}

async function waitAll(clients: Clients, id: number, target: number, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while ((await clients.received(id)) < target) {
    if (Date.now() > end) return;
    await sleep(20);
  }
}

/** One SSE client in this process, keeping the exact bytes of every event frame. */
function recorder(url: string): Promise<{ frames: Map<number, string>; close(): void }> {
  return new Promise((resolve, reject) => {
    const frames = new Map<number, string>();
    const req = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        let end: number;
        while ((end = buf.indexOf('\n\n')) !== -1) {
          const block = buf.slice(0, end + 2);
          buf = buf.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          if (id) frames.set(Number(id), block);
        }
      });
      resolve({ frames, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

async function post(url: string, session?: string): Promise<{ status: number; eventId?: number }> {
  const csrf = randomBytes(32).toString('base64url');
  const res = await fetch(url, {
    method: 'POST',
    headers: session
      ? { cookie: `concert_session=${session}; concert_csrf=${csrf}`, 'x-csrf-token': csrf, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }
      : {},
  });
  const json = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { eventId?: number }) : {};
  return { status: res.status, eventId: json.eventId };
}

const mb = (kb: number) => Math.round(kb / 1024);

async function measure(
  name: string,
  server: Child,
  streamUrl: string,
  clients: Clients,
  act: (i: number) => Promise<{ measured: number; extra: number | null }>,
): Promise<Figures> {
  const t = Date.now();
  const connected = await clients.connect(streamUrl);
  const t1 = Date.now();
  console.log(`# ${name}: ${connected} of ${CLIENTS} clients connected in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await sleep(1000);
  const rssIdle = server.rssKb();
  let rssPeak = rssIdle;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssKb())), 100);
  const sent: Record<number, number> = {};
  for (let i = 0; i < CALLS; i++) {
    const t0 = now();
    const { measured, extra } = await act(i);
    sent[measured] = t0;
    await waitAll(clients, measured, connected);
    if (extra !== null) await waitAll(clients, extra, connected);
    await sleep(50);
  }
  clearInterval(sampler);
  const { latencies, missing } = await clients.report(sent);
  await clients.close();
  latencies.sort((a, b) => a - b);
  const f: Figures = {
    connected,
    connectSeconds: Number(((t1 - t) / 1000).toFixed(1)),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: Number((latencies[latencies.length - 1] ?? NaN).toFixed(1)),
    delivered: latencies.length,
    missing,
    rssIdleMb: mb(rssIdle),
    rssPeakMb: mb(rssPeak),
  };
  console.log(`# ${name}: ${JSON.stringify(f)}`);
  return f;
}

const fdLimit = Number(execFileSync('/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; ulimit -n'], { encoding: 'utf8' }).trim());
console.log(`# ${CLIENTS} SSE clients in ${WORKERS} processes, ${CALLS} calls; ${os.cpus().length} cores; open files limit for children: ${fdLimit}`);

const clients = new Clients();
await clients.start();
const concert = await startChild('bench/support/serve-live.ts', [], {}, { manyFiles: true });
let result: Record<string, unknown> = {};
try {
  const scene = JSON.parse(concert.extra) as Scene;
  const page = `${concert.url}${scene.meetingPath}`;
  const since = Number(/data-last-event-id="(\d+)"/.exec(await (await fetch(`${page}/live`)).text())?.[1]);
  const streamUrl = `${page}/live/events?since=${since}`;
  const rec = await recorder(streamUrl);
  // The person whose turn just ended raises a hand again (not measured), keeping about ten in the queue.
  const order: number[] = [];
  const concertFigures = await measure('concert', concert, streamUrl, clients, async (i) => {
    const given = await post(`${page}/queue/next`, scene.facilitator);
    if (given.status !== 200 || !given.eventId) throw new Error(`give the floor: ${given.status}`);
    const again = i > 0 ? await post(`${page}/queue/raise`, scene.people[(i - 1) % scene.people.length]!.session) : null;
    order.push(given.eventId, ...(again?.eventId ? [again.eventId] : []));
    return { measured: given.eventId, extra: again?.eventId ?? null };
  });
  await sleep(200);
  rec.close();
  const frames = order.map((id) => rec.frames.get(id));
  if (frames.some((f) => !f)) throw new Error('the recorder missed a frame');
  const bytes = frames.reduce((n, f) => n + Buffer.byteLength(f!), 0);
  await concert.stop();

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-live-')), 'frames.json');
  fs.writeFileSync(file, JSON.stringify(frames));
  const raw = await startChild('bench/support/raw-sse.ts', [file], {}, { manyFiles: true });
  let k = 0;
  const rawFigures = await measure('raw node:http', raw, `${raw.url}/`, clients, async (i) => {
    const measuredIndex = k;
    await post(`${raw.url}/send?i=${k++}`);
    let extra: number | null = null;
    if (i > 0) {
      extra = Number(/^id: (\d+)$/m.exec(frames[k]!)![1]);
      await post(`${raw.url}/send?i=${k++}`);
    }
    return { measured: Number(/^id: (\d+)$/m.exec(frames[measuredIndex]!)![1]), extra };
  });
  await raw.stop();
  result = {
    bench: 'live',
    clients: CLIENTS,
    clientProcesses: WORKERS,
    calls: CALLS,
    averageFrameBytes: Math.round(bytes / frames.length),
    openFilesLimit: fdLimit,
    concert: concertFigures,
    raw: rawFigures,
    ratio: Number((concertFigures.p95Ms / rawFigures.p95Ms).toFixed(3)),
  };
} finally {
  await concert.stop();
  clients.stop();
}
console.log(JSON.stringify(result));
process.exit(0);
