import { gzipSync } from 'node:zlib';
import { CHANGES_CHANNEL } from '../audit/audit-log.ts';
import type { EventBus } from '../events/bus.ts';

type Entry = { html: string; bytes: Buffer; gzip: Buffer | null; processId: number; storedAt: number };

export type CachedPage = { html: string; bytes: Buffer; gzip(): Buffer };

/**
 * Rendered public pages, for visitors who are not signed in. An entry is
 * dropped as soon as a change to its process commits (NOTIFY through the
 * bus, so every node hears it), and in any case after `ttlMs`. Nothing is
 * cached while the bus is not listening, since a change could go unheard.
 */
export class PageCache {
  private entries = new Map<string, Entry>();
  /** Counts every change heard, so a page rendered across a change is not stored. */
  private changes = 0;
  /** The bus connection the entries were stored under; a reconnect may have missed a change. */
  private epoch = 0;
  private unsubscribe: () => void;

  constructor(
    private bus: EventBus,
    private opts: { ttlMs: number; max: number; now?: () => number } = { ttlMs: 5000, max: 1000 },
  ) {
    this.unsubscribe = bus.subscribe(CHANGES_CHANNEL, (message) => this.changed(Number(message)));
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  private changed(processId: number) {
    this.changes++;
    for (const [k, e] of this.entries) if (e.processId === processId) this.entries.delete(k);
  }

  /** Call before loading the data and pass the result to `set`: a change in between prevents storing stale HTML. */
  generation(): number {
    return this.changes;
  }

  /** False (and everything forgotten) while changes could go unheard. */
  private trustworthy(): boolean {
    if (this.bus.isListening(CHANGES_CHANNEL) && this.bus.epoch() === this.epoch) return true;
    this.entries.clear();
    this.changes++;
    this.epoch = this.bus.isListening(CHANGES_CHANNEL) ? this.bus.epoch() : -1;
    return false;
  }

  get(key: string): CachedPage | undefined {
    if (!this.trustworthy()) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.storedAt > this.opts.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return {
      html: e.html,
      bytes: e.bytes,
      // Compressed once, on first demand, for every browser after.
      gzip: () => (e.gzip ??= gzipSync(e.html, { level: 6 })),
    };
  }

  set(key: string, processId: number, generation: number, html: string): void {
    if (!this.trustworthy() || this.changes !== generation) return;
    if (this.entries.size >= this.opts.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { html, bytes: Buffer.from(html, 'utf8'), gzip: null, processId, storedAt: this.now() });
  }

  close(): void {
    this.unsubscribe();
    this.entries.clear();
  }
}
