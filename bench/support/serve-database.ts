// Concert on a given DATABASE_URL (no demo), for benchmarks and fault tests
// that prepare the database themselves. Prints "READY <url>".
// CPU_PROFILE=<file> writes a CPU profile of the server when it stops.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../../src/config.ts';
import { start } from '../../src/main.ts';

const profile = process.env.CPU_PROFILE;
const session = profile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const running = await start(loadConfig({ ...process.env, PORT: process.env.PORT ?? '0', HOST: '127.0.0.1', CONCERT_LOG: 'quiet', CONCERT_SEED_DEMO: 'never' }));
console.log(`READY ${running.url.replace('localhost', '127.0.0.1')}`);
const stop = async () => {
  if (session && profile) {
    const { profile: p } = await session.post('Profiler.stop');
    fs.writeFileSync(profile, JSON.stringify(p));
  }
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
