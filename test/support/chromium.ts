import fs from 'node:fs';

/** The system Chromium: CHROMIUM_PATH, else /usr/bin/chromium. No browser download is possible here. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}
