import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { start, type Running } from '../../src/main.ts';
import { freshDatabase, type FreshDb } from './db.ts';
import { linkIn, startSmtpSink, type SmtpSink } from './smtp.ts';
import { findChromium } from './chromium.ts';

// Browser journeys drive the system Chromium against a real Concert server
// (real HTTP, real PostgreSQL, real SMTP) and check every page with axe.

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export type Server = { url: string; smtp: SmtpSink; running: Running; db: FreshDb; stop(): Promise<void> };

export async function startServer(opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<Server> {
  const [db, smtp] = await Promise.all([freshDatabase({ demo: opts.demo ?? true }), startSmtpSink()]);
  const config = loadConfig({ DATABASE_URL: db.url, SMTP_URL: smtp.url, PORT: '0', HOST: '127.0.0.1', CONCERT_SEED_DEMO: 'never', CONCERT_LOG: 'quiet', ...opts.env });
  const running = await start(config);
  return {
    url: running.url,
    smtp,
    running,
    db,
    async stop() {
      await running.stop();
      await smtp.close();
      await db.drop();
    },
  };
}

export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}

export type Journey = { page: Page; context: BrowserContext; js: boolean; locale: 'en' | 'fr'; server: Server; browser: Browser; visited: string[] };

export async function newJourney(browser: Browser, server: Server, opts: { js: boolean; locale: 'en' | 'fr'; width?: number }): Promise<Journey> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.js,
    locale: opts.locale === 'fr' ? 'fr-CA' : 'en-CA',
    viewport: { width: opts.width ?? 1024, height: 800 },
  });
  const page = await context.newPage();
  return { page, context, js: opts.js, locale: opts.locale, server, browser, visited: [] };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Zero axe violations on the page as it is now. Axe needs JavaScript; for a
 * no-JavaScript journey the same HTML is checked in a scripting page.
 */
export async function assertAccessible(j: Journey, label = j.page.url()): Promise<void> {
  let target = j.page;
  let scratch: BrowserContext | null = null;
  if (!j.js) {
    const html = await j.page.content();
    const url = j.page.url();
    scratch = await j.browser.newContext({ viewport: j.page.viewportSize() ?? undefined });
    target = await scratch.newPage();
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await target.goto(url);
  }
  try {
    const r = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
    const found = r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
    assert.deepEqual(found, [], `axe violations on ${label}`);
  } finally {
    await scratch?.close();
  }
}

/** No horizontal scrolling: the page reflows at the current width (320 px, 200 % zoom). */
export async function assertReflows(page: Page): Promise<void> {
  const { scroll, client } = await page
    .evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
    .catch(() => ({ scroll: 0, client: 0 }));
  assert.ok(scroll <= client + 1, `page is ${scroll}px wide in a ${client}px viewport`);
}

/** Go to a path, expect a page (not an error), check it. */
export async function visit(j: Journey, path: string): Promise<void> {
  const res = await j.page.goto(j.server.url + path);
  assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
  await check(j);
}

/** Checks the current page: language set, other-language link present, accessible. */
export async function check(j: Journey): Promise<void> {
  const lang = await j.page.getAttribute('html', 'lang');
  assert.ok(lang === 'en' || lang === 'fr', `html lang is ${lang}`);
  assert.equal(await j.page.locator(`a[hreflang="${lang === 'en' ? 'fr' : 'en'}"]`).count(), 1, 'one link to the other language');
  await assertAccessible(j);
  j.visited.push(new URL(j.page.url()).pathname);
}

/** Submits the form the button belongs to and waits for the next page. */
export async function submit(j: Journey, buttonName: string | RegExp): Promise<void> {
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('button', { name: buttonName }).click()]);
}

/** The whole magic-link sign-in as a person does it, mailbox included; new accounts name themselves. */
export async function signIn(j: Journey, email: string, name: string): Promise<void> {
  const m =
    j.locale === 'fr'
      ? { link: 'Se connecter', send: 'M’envoyer un lien de connexion', confirm: 'Se connecter', email: 'Adresse courriel', name: 'Votre nom', go: 'Continuer' }
      : { link: 'Sign in', send: 'Send me a sign-in link', confirm: 'Sign in', email: 'Email address', name: 'Your name', go: 'Continue' };
  await Promise.all([j.page.waitForNavigation(), j.page.getByRole('link', { name: m.link, exact: true }).click()]);
  await check(j);
  await j.page.getByLabel(m.email).fill(email);
  await submit(j, m.send);
  await check(j);
  const link = linkIn(await j.server.smtp.next(email));
  await j.page.goto(link.replace(/^https?:\/\/[^/]+/, j.server.url));
  await check(j);
  await submit(j, m.confirm);
  if (new URL(j.page.url()).searchParams.get('welcome') === '1') {
    await check(j);
    await j.page.getByLabel(m.name).fill(name);
    await submit(j, m.go);
  }
  await check(j);
}

/**
 * A journey file's demo server and browser: started before its tests (in
 * parallel), handed over through `use`, and stopped after them.
 */
export function useDemoServer(use: (server: Server, browser: Browser) => void): void {
  let server: Server | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launch()]);
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}
