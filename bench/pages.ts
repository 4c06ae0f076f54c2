// `npm run bench -- pages`: the demo process page under load (autocannon,
// 100 connections, 10 s), against bare node:http answering the same bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startChild } from './support/processes.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PAGE = '/en/p/iot-security';

type Figures = { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number };

async function load(url: string): Promise<Figures> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

const concert = await startChild('bench/support/serve-concert.ts', []);
let result;
try {
  const res = await fetch(concert.url + PAGE);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`demo page answered ${res.status}`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bytes-')), 'page.html');
  fs.writeFileSync(file, bytes);
  console.log(`# page ${PAGE}: ${bytes.length} bytes; ${CONNECTIONS} connections, ${DURATION} s each; ${os.cpus().length} cores`);
  const concertFigures = await load(concert.url + PAGE);
  console.log(`# concert: ${JSON.stringify(concertFigures)}`);
  await concert.stop();
  const bare = await startChild('bench/support/serve-bytes.ts', [file, res.headers.get('content-type') ?? 'text/html']);
  const bareFigures = await load(bare.url + '/');
  console.log(`# bare node:http: ${JSON.stringify(bareFigures)}`);
  await bare.stop();
  result = {
    bench: 'pages',
    page: PAGE,
    bytes: bytes.length,
    connections: CONNECTIONS,
    durationS: DURATION,
    concert: concertFigures,
    bare: bareFigures,
    ratio: Number((concertFigures.requestsPerSecond / bareFigures.requestsPerSecond).toFixed(3)),
  };
} finally {
  await concert.stop();
}
console.log(JSON.stringify(result));
