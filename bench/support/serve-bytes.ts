// The limit: bare node:http answering the same bytes with the same content type.
import fs from 'node:fs';
import http from 'node:http';

const [file, type] = process.argv.slice(2);
const body = fs.readFileSync(file!);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': type!, 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`READY http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
