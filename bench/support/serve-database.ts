// Concert on a given DATABASE_URL (no demo), for benchmarks and fault tests
// that prepare the database themselves. Prints "READY <url>".
import { loadConfig } from '../../src/config.ts';
import { start } from '../../src/main.ts';

const running = await start(loadConfig({ ...process.env, PORT: process.env.PORT ?? '0', HOST: '127.0.0.1', CONCERT_LOG: 'quiet', CONCERT_SEED_DEMO: 'never' }));
console.log(`READY ${running.url.replace('localhost', '127.0.0.1')}`);
const stop = async () => {
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
