// The limit: a bare node:http Server-Sent Events broadcaster. GET opens a
// stream (same headers, same greeting as Concert); POST /send?i=K writes the
// K-th recorded frame, the very bytes Concert sent, to every open stream.
import fs from 'node:fs';
import http from 'node:http';

const frames = (JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as string[]).map((f) => Buffer.from(f));
const clients = new Set<http.ServerResponse>();
const headers = { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no', 'X-Content-Type-Options': 'nosniff' };

const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    const i = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('i'));
    const frame = frames[i];
    if (frame) for (const c of clients) c.write(frame);
    res.writeHead(frame ? 204 : 404).end();
    return;
  }
  res.writeHead(200, headers);
  res.socket?.setNoDelay(true);
  res.write(`retry: 2000\n\nevent: hello\ndata: {"now":${Date.now()}}\n\n`);
  clients.add(res);
  res.on('close', () => clients.delete(res));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`READY http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  for (const c of clients) c.destroy();
  server.close(() => process.exit(0));
});
