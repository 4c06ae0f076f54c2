// Comment submissions over a real socket: bodies of declared length are read
// straight from the socket, chunked bodies are counted as they stream in, and
// both limits answer 413 in the visitor's language.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { openPeriodFixture, submission, type OpenPeriod } from '../../bench/support/intake-fixture.ts';
import { startServer, type Server } from '../support/browser.ts';

let server: Server;
let fixture: OpenPeriod;
let csrf: { cookie: string; token: string };

before(async () => {
  server = await startServer({ demo: false });
  fixture = await openPeriodFixture(server.db.db);
  const res = await fetch(`${server.url}/fr/sign-in`);
  const token = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('concert_csrf='))!
    .split(';')[0]!
    .split('=')[1]!;
  csrf = { cookie: `concert_csrf=${token}`, token };
});
after(() => server.stop());

type Answer = { status: number; text: string };

/** A raw POST: `chunks` are written one by one; without a Content-Length Node sends them chunked. */
function post(path: string, chunks: (string | Buffer)[], headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: 'POST', agent: false, headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    // The server may answer and close before the whole body is sent (a 413 on a declared length).
    const closedEarly = (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e));
    req.on('error', closedEarly);
    req.on('socket', (s) => s.on('error', closedEarly));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const json = { 'content-type': 'application/json', accept: 'application/json' };

describe('comment submissions over a real socket', () => {
  it('a JSON comment with a declared length gets its receipt; the same comment sent chunked too', async () => {
    const body = JSON.stringify(submission(1, 'sock'));
    const declared = await post(`${fixture.path}/comment`, [body], { ...json, 'content-length': String(Buffer.byteLength(body)), 'idempotency-key': 'socket-key-0001' });
    assert.equal(declared.status, 201, declared.text);
    assert.match(JSON.parse(declared.text).receipt, /^[A-Z0-9x]{4}-/);
    const half = Math.floor(body.length / 2);
    const chunked = await post(`${fixture.path}/comment`, [body.slice(0, half), body.slice(half).replace('sock', 'sock2')], { ...json, 'idempotency-key': 'socket-key-0002' });
    assert.equal(chunked.status, 201, chunked.text);
    const rows = await server.db.db.selectFrom('publicComments').select('idempotencyKey').where('periodId', '=', fixture.periodId).execute();
    assert.deepEqual(rows.map((r) => r.idempotencyKey).sort(), ['socket-key-0001', 'socket-key-0002']);
  });

  it('a chunked body over the limit is refused with 413 in French, and nothing is stored', async () => {
    const piece = Buffer.alloc(256 * 1024, 'x');
    const signIn = await post(
      '/fr/sign-in',
      Array.from({ length: 6 }, () => piece),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    assert.equal(signIn.status, 413);
    assert.match(signIn.text, /Trop de données/);
    const path = fixture.path.replace(/^\/en\//, '/fr/');
    const comment = await post(
      `${path}/comment`,
      Array.from({ length: 240 }, () => piece),
      { 'content-type': 'multipart/form-data; boundary=x' },
    );
    assert.equal(comment.status, 413);
    assert.match(comment.text, /au plus 5 fichiers PDF de 10 Mo/);
    const stored = await server.db.db.selectFrom('publicComments').select('id').where('periodId', '=', fixture.periodId).execute();
    assert.equal(stored.length, 2);
  });

  it('a declared length over the limit is refused before the body is read', async () => {
    const res = await post('/en/sign-in', ['email=a'], { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(5 * 1024 * 1024) });
    assert.equal(res.status, 413);
    assert.match(res.text, /Too much data/);
  });
});
