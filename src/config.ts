import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env. Everything else receives a Config.

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CONCERT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Concert <concert@localhost>'),
  TRUST_PROXY: bool.default(false),
  CONCERT_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  CONCERT_LOG: z.enum(['info', 'quiet']).default('info'),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CHROMIUM_PATH: z.string().min(1).optional(),
  // Public comments: submissions per hour from one address and for one email address.
  COMMENT_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  COMMENT_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  seedDemo: 'auto' | 'never';
  quiet: boolean;
  maxBodyBytes: number;
  dbPoolSize: number;
  /** The system Chromium, for PDFs of published documents; null when there is none (no PDF links then). */
  chromiumPath: string | null;
  /** Public comments accepted per hour from one client address and for one email address. */
  commentLimits: { perIp: number; perEmail: number; windowSeconds: number };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.CONCERT_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.CONCERT_SEED_DEMO,
    quiet: e.CONCERT_LOG === 'quiet',
    maxBodyBytes: e.MAX_BODY_BYTES,
    dbPoolSize: e.DB_POOL_SIZE,
    chromiumPath: findChromium(e.CHROMIUM_PATH),
    commentLimits: { perIp: e.COMMENT_LIMIT_PER_IP, perEmail: e.COMMENT_LIMIT_PER_EMAIL, windowSeconds: 3600 },
  };
}

function findChromium(configured: string | undefined): string | null {
  const candidates = configured ? [configured] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** The URL people use to reach this server, for links in mail and the console. */
export function publicUrlOf(config: Config, boundPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  return `http://${host}:${boundPort}`;
}
