import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from '../database/connect.ts';

/**
 * Cross-node notifications. Messages are small (ids, not payloads); receivers
 * load what changed from the database. One node uses the in-process bus;
 * several nodes on one database use PostgreSQL LISTEN/NOTIFY.
 */
export interface EventBus {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): () => void;
  /**
   * Whether notifications on `channel` are arriving now. While false (not yet
   * listening, or reconnecting after a dropped connection) messages may be
   * lost, so anything that relies on them (caches) must not trust itself.
   */
  isListening(channel: string): boolean;
  /** Counts listening connections made so far: a change means messages may have been missed in between. */
  epoch(): number;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z][a-z0-9_]{0,62}$/;
const MAX_MESSAGE = 7900; // NOTIFY payloads must stay under 8000 bytes

function check(channel: string, message?: string) {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
  if (message !== undefined && Buffer.byteLength(message) > MAX_MESSAGE) throw new Error('bus message too large');
}

class Handlers {
  private map = new Map<string, Set<(m: string) => void>>();
  add(channel: string, h: (m: string) => void): { first: boolean; remove: () => boolean } {
    let set = this.map.get(channel);
    const first = !set;
    if (!set) this.map.set(channel, (set = new Set()));
    set.add(h);
    return {
      first,
      remove: () => {
        set!.delete(h);
        if (set!.size === 0) {
          this.map.delete(channel);
          return true;
        }
        return false;
      },
    };
  }
  emit(channel: string, message: string) {
    for (const h of this.map.get(channel) ?? []) {
      try {
        h(message);
      } catch {
        /* one failing receiver must not stop the others */
      }
    }
  }
}

export function inProcessBus(): EventBus {
  const handlers = new Handlers();
  return {
    async publish(channel, message) {
      check(channel, message);
      queueMicrotask(() => handlers.emit(channel, message));
    },
    subscribe(channel, handler) {
      check(channel);
      return handlers.add(channel, handler).remove;
    },
    isListening: () => true,
    epoch: () => 1,
    async close() {},
  };
}

/** LISTEN/NOTIFY on one dedicated connection, reconnecting with back-off. */
export function postgresBus(url: string, onError: (e: unknown) => void = () => {}): EventBus {
  const handlers = new Handlers();
  const listening = new Set<string>();
  const notifier = new pg.Pool({ connectionString: url, max: 2 });
  notifier.on('error', () => {});
  let client: pg.Client | null = null;
  // Channels whose LISTEN is in force on the current connection.
  const active = new Set<string>();
  let connections = 0;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  const connectListener = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      for (let delay = 100; ; delay = Math.min(delay * 2, 5000)) {
        const c = new pg.Client({ connectionString: url });
        try {
          await c.connect();
          c.on('notification', (n) => handlers.emit(n.channel, n.payload ?? ''));
          c.on('error', (e) => {
            onError(e);
            if (client === c) {
              client = null;
              active.clear();
              connecting = null;
              if (!closed) void connectListener();
            }
          });
          for (const ch of listening) {
            await c.query(`LISTEN ${ch}`);
            active.add(ch);
          }
          client = c;
          connections++;
          return c;
        } catch (e) {
          onError(e);
          await c.end().catch(() => {});
          if (closed) throw e;
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    })());

  return {
    async publish(channel, message) {
      check(channel, message);
      await notifier.query('SELECT pg_notify($1, $2)', [channel, message]);
    },
    subscribe(channel, handler) {
      check(channel);
      const { first, remove } = handlers.add(channel, handler);
      if (first) {
        listening.add(channel);
        void connectListener()
          .then(async (c) => {
            await c.query(`LISTEN ${channel}`);
            if (client === c && listening.has(channel)) active.add(channel);
          })
          .catch(onError);
      }
      return () => {
        if (remove()) {
          listening.delete(channel);
          active.delete(channel);
          if (client) void client.query(`UNLISTEN ${channel}`).catch(() => {});
        }
      };
    },
    isListening: (channel) => active.has(channel),
    epoch: () => connections,
    async close() {
      closed = true;
      active.clear();
      await client?.end().catch(() => {});
      await notifier.end().catch(() => {});
    },
  };
}

/**
 * Announces `message` on `channel` when the caller's transaction commits, and
 * not at all when it rolls back (NOTIFY is transactional). Use it from inside
 * a command's transaction: a command composed into a larger one (the seed,
 * the sense of the room) then announces only what really committed.
 */
export async function announceOnCommit(trx: Db, channel: string, message: string): Promise<void> {
  check(channel, message);
  await sql`SELECT pg_notify(${channel}, ${message})`.execute(trx);
}
