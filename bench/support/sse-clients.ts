// SSE clients for the live benchmark, many per process, in processes of their
// own (forked by bench/live.ts). Plain sockets and a minimal parser: each
// client notes when it first sees each event id.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

type Msg = { cmd: 'connect'; url: string; count: number } | { cmd: 'ready' } | { cmd: 'count'; id: number } | { cmd: 'report'; sent: Record<string, number> } | { cmd: 'close' };

const now = () => performance.timeOrigin + performance.now();
let sockets: net.Socket[] = [];
let ready = 0;
let closing = false;
const seen = new Map<number, Float64Array>();
const send = (m: unknown) => process.send!(m);

function connect(url: string, count: number) {
  const u = new URL(url);
  const port = Number(u.port);
  const request = `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nAccept: text/event-stream\r\nAccept-Encoding: gzip\r\nConnection: keep-alive\r\n\r\n`;
  sockets = [];
  ready = 0;
  closing = false;
  seen.clear();
  let opened = 0;
  const greeted = new Uint8Array(count);
  const open = (i: number) => {
    const s = net.connect(port, u.hostname);
    s.setNoDelay(true);
    let rest = '';
    let hello = false;
    s.on('connect', () => s.write(request));
    // Like a browser's EventSource: a connection that fails or drops is opened again.
    s.on('close', () => {
      if (sockets[i] === s && !closing) setTimeout(() => open(i), 250 + Math.random() * 750);
    });
    s.on('data', (chunk: Buffer) => {
      const t = now();
      const text = rest + chunk.toString('latin1');
      if (!hello && text.includes('event: hello')) {
        hello = true;
        if (!greeted[i]) {
          greeted[i] = 1;
          if (++ready === count) send({ connected: ready });
        }
      }
      const re = /(?:^|\n)id: (\d+)\n/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const id = Number(m[1]);
        let times = seen.get(id);
        if (!times) seen.set(id, (times = new Float64Array(count)));
        if (times[i] === 0) times[i] = t;
      }
      rest = text.slice(Math.max(0, text.lastIndexOf('\n')));
    });
    s.on('error', () => {});
    sockets[i] = s;
  };
  // In batches, so the server's accept queue keeps up.
  const batch = () => {
    for (let n = 0; n < 100 && opened < count; n++) open(opened++);
    if (opened < count) setTimeout(batch, 25);
  };
  batch();
}

process.on('message', (m: Msg) => {
  switch (m.cmd) {
    case 'connect':
      connect(m.url, m.count);
      break;
    case 'count': {
      const times = seen.get(m.id);
      let n = 0;
      if (times) for (const t of times) if (t > 0) n++;
      send({ id: m.id, received: n });
      break;
    }
    case 'report': {
      const latencies: number[] = [];
      let missing = 0;
      for (const [id, t0] of Object.entries(m.sent)) {
        const times = seen.get(Number(id));
        for (let i = 0; i < sockets.length; i++) {
          const t = times?.[i] ?? 0;
          if (t > 0) latencies.push(t - t0);
          else missing++;
        }
      }
      send({ latencies, missing });
      break;
    }
    case 'ready':
      send({ ready });
      break;
    case 'close':
      closing = true;
      for (const s of sockets) s.destroy();
      sockets = [];
      send({ closed: true });
      break;
  }
});
send({ started: true });
