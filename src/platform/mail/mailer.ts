import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../log.ts';

export type MailMessage = { to: string; subject: string; text: string; headers?: Record<string, string> };

export interface Mailer {
  /** 'smtp' delivers; 'outbox' writes .eml files and logs them, for a machine without mail. */
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, headers: m.headers });
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(dir: string, from: string, log: Logger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(m) {
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, headers: m.headers });
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`);
      fs.writeFileSync(file, info.message as Buffer);
      log.info(`Mail to ${m.to} ("${m.subject}") written to ${file}`);
    },
    close: () => {},
  };
}
