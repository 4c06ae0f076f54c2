// A Concert server for benchmarks: embedded PostgreSQL in a temporary data
// folder, demo loaded, quiet. Prints "READY <url>".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { start } from '../../src/main.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-bench-'));
fs.chmodSync(dir, 0o755);
const running = await start(loadConfig({ CONCERT_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', CONCERT_LOG: 'quiet', DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10' }));
console.log(`READY ${running.url.replace('localhost', '127.0.0.1')}`);
const stop = async () => {
  await running.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
