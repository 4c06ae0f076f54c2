import { randomBytes } from 'node:crypto';

// Random bytes drawn from the operating system a few kilobytes at a time and
// handed out in small pieces (as node's own randomUUID does): one system call
// per few hundred receipts instead of one each, which a submission flood feels.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let at = 0;

/** `n` cryptographically strong random bytes, each handed out once. */
export function randomPieces(n: number): Buffer {
  if (n > POOL_BYTES / 4) return randomBytes(n);
  if (at + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  const out = Buffer.from(pool.subarray(at, at + n));
  pool.fill(0, at, at + n);
  at += n;
  return out;
}
