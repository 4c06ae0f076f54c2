import { ServerResponse } from 'node:http';
import { nodeClient, webClient, type Client } from './sse-writers.ts';
// Made when this module loads, with the platform's own Response: the Node adapter then leaves the socket to us.
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Clock } from '../../kernel/clock.ts';
import type { Db } from '../database/connect.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../log.ts';
import type { Ctx } from './context.ts';
import { checkStream, LIVE_CHANNEL, lastLiveEventId, liveEventsAfter, type LiveEvent } from '../live/event-log.ts';

/**
 * Server-Sent Events for live streams (a meeting's room, a sense of the room…),
 * built for thousands of clients per node:
 *
 * - every event is first stored in PostgreSQL (live_events, appendLiveEvent),
 *   so a client that reconnects with Last-Event-ID, or reaches another node,
 *   or a node that restarts, misses nothing;
 * - a commit announces "<stream> <id>" by NOTIFY; each node reads a new event
 *   from the database once, frames it once, and writes the same bytes to all
 *   its clients of that stream;
 * - clients catching up from an older id share their reads;
 * - a heartbeat comment keeps proxies from closing idle streams;
 * - a client that does not read (its buffer passes maxBufferedBytes) is
 *   disconnected rather than buffered without end: it reconnects and resumes
 *   from the database;
 * - a client that goes away is forgotten at once, and a stream nobody follows
 *   on this node is dropped.
 */
export type LiveHubOptions = {
  heartbeatMs: number;
  retryMs: number;
  maxBufferedBytes: number;
  maxClients: number;
  pageSize: number;
  /** How often to check that notifications arrive; while they may not, streams are read on this beat. */
  watchMs: number;
};

const DEFAULTS: LiveHubOptions = { heartbeatMs: 20_000, retryMs: 2_000, maxBufferedBytes: 512 * 1024, maxClients: 50_000, pageSize: 500, watchMs: 2_000 };

type Stream = {
  name: string;
  clients: Set<Client>;
  head: number;
  ready: Promise<void>;
  reading: boolean;
  again: boolean;
  frames: Map<number, Buffer>;
};

const HEARTBEAT = Buffer.from(':\n\n');
const MAX_FRAMES_KEPT = 256;

const SSE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // Never cached, never compressed or buffered on the way.
  'Cache-Control': 'no-store, no-transform',
  'X-Accel-Buffering': 'no',
  'X-Content-Type-Options': 'nosniff',
};

/** The id a client resumes from: the Last-Event-ID header (reconnects) before `since` (the id the page was rendered at). */
export function resumeFrom(lastEventIdHeader: string | undefined, since: string | undefined): number | null {
  for (const v of [lastEventIdHeader, since]) if (v !== undefined && /^\d{1,15}$/.test(v.trim())) return Number(v.trim());
  return null;
}

export class LiveHub {
  private streams = new Map<string, Stream>();
  private catchups = new Map<string, Promise<LiveEvent[]>>();
  private count = 0;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe: () => void;
  private wasListening = false;
  private epoch = -1;
  private closed = false;
  private opts: LiveHubOptions;

  constructor(
    private deps: { db: Db; bus: EventBus; clock: Clock; log: Pick<Logger, 'error'> },
    opts: Partial<LiveHubOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
    this.unsubscribe = deps.bus.subscribe(LIVE_CHANNEL, (message) => {
      const space = message.lastIndexOf(' ');
      const s = this.streams.get(message.slice(0, space));
      if (s && Number(message.slice(space + 1)) > s.head) void this.read(s);
    });
    const heartbeat = setInterval(() => {
      for (const s of this.streams.values()) for (const c of s.clients) c.send(HEARTBEAT);
    }, this.opts.heartbeatMs);
    // A notification can be lost while the bus reconnects: read every stream until it is back,
    // and once more after a reconnection that came and went between two checks (a new epoch).
    const watch = setInterval(() => {
      const listening = deps.bus.isListening(LIVE_CHANNEL);
      const epoch = deps.bus.epoch();
      if (!listening || !this.wasListening || epoch !== this.epoch) for (const s of this.streams.values()) void this.read(s);
      this.wasListening = listening;
      this.epoch = epoch;
    }, this.opts.watchMs);
    heartbeat.unref();
    watch.unref();
    this.timers.push(heartbeat, watch);
  }

  /** Clients connected to this node, in all streams. */
  clientCount(): number {
    return this.count;
  }

  streamCount(): number {
    return this.streams.size;
  }

  /**
   * Answers a request with the event stream `stream`, from the event after
   * `resumeId` (see resumeFrom); null means from now on. On Node the response
   * is written directly to the socket; elsewhere (tests through app.request)
   * it is a ReadableStream.
   */
  respond(c: Ctx, stream: string, resumeId: number | null): Response {
    checkStream(stream);
    if (this.closed || this.count >= this.opts.maxClients) return c.body(null, 503, { 'Retry-After': '5', 'Cache-Control': 'no-store' });
    const hello = Buffer.from(`retry: ${this.opts.retryMs}\n\nevent: hello\ndata: {"now":${this.deps.clock.now().getTime()}}\n\n`);
    const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
    const leave = (client: Client) => this.leave(stream, client);
    let response: Response;
    let client: Client;
    if (outgoing instanceof ServerResponse) {
      client = nodeClient(outgoing, this.opts.maxBufferedBytes, leave);
      outgoing.writeHead(200, SSE_HEADERS);
      outgoing.socket?.setNoDelay(true);
      outgoing.write(hello);
      // Tells the Node adapter that this response is already being written.
      response = RESPONSE_ALREADY_SENT;
    } else {
      const made = webClient(this.opts.maxBufferedBytes, leave);
      client = made.client;
      client.send(hello);
      response = new Response(made.body, { headers: SSE_HEADERS });
    }
    this.count++;
    void this.join(stream, client, resumeId).catch((e) => {
      this.deps.log.error(`live stream ${stream}`, e);
      client.end();
    });
    return response;
  }

  /** Reads a stream now rather than waiting for its notification (after a commit on this node). */
  poke(stream: string): void {
    const s = this.streams.get(stream);
    if (s) void this.read(s);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.unsubscribe();
    for (const s of [...this.streams.values()]) for (const c of [...s.clients]) c.end();
    this.streams.clear();
  }

  private streamFor(name: string): Stream {
    let s = this.streams.get(name);
    if (!s) {
      const created: Stream = { name, clients: new Set(), head: 0, ready: Promise.resolve(), reading: false, again: false, frames: new Map() };
      created.ready = lastLiveEventId(this.deps.db, name).then((head) => {
        created.head = Math.max(created.head, head);
      });
      this.streams.set(name, (s = created));
    }
    return s;
  }

  private async join(name: string, client: Client, resumeId: number | null): Promise<void> {
    const s = this.streamFor(name);
    s.clients.add(client);
    await s.ready;
    if (client.closed) return;
    client.cursor = resumeId ?? s.head;
    // Catch up from the database until level with what this node has fanned out; then live.
    while (!client.closed && client.cursor < s.head) {
      const events = await this.eventsAfter(s, client.cursor);
      if (client.closed) return;
      if (events.length === 0) break;
      for (const e of events) {
        if (e.id <= client.cursor) continue;
        client.send(this.frame(s, e));
        client.cursor = e.id;
      }
    }
    client.live = true;
  }

  /** Clients resuming from the same id share one query. */
  private eventsAfter(s: Stream, after: number): Promise<LiveEvent[]> {
    const key = `${s.name} ${after}`;
    let p = this.catchups.get(key);
    if (!p) {
      p = liveEventsAfter(this.deps.db, s.name, after, this.opts.pageSize).finally(() => this.catchups.delete(key));
      this.catchups.set(key, p);
    }
    return p;
  }

  private frame(s: Stream, e: LiveEvent): Buffer {
    let f = s.frames.get(e.id);
    if (!f) {
      f = Buffer.from(`id: ${e.id}\nevent: ${e.kind}\ndata: ${e.data}\n\n`);
      s.frames.set(e.id, f);
      if (s.frames.size > MAX_FRAMES_KEPT) s.frames.delete(s.frames.keys().next().value!);
    }
    return f;
  }

  /** Reads what is new in a stream once, and writes it to every live client of this node. */
  private async read(s: Stream): Promise<void> {
    if (s.reading) {
      s.again = true;
      return;
    }
    s.reading = true;
    try {
      await s.ready;
      do {
        s.again = false;
        const events = await liveEventsAfter(this.deps.db, s.name, s.head, this.opts.pageSize);
        for (const e of events) {
          const f = this.frame(s, e);
          for (const c of s.clients) {
            if (c.live && c.cursor < e.id) {
              c.cursor = e.id;
              c.send(f);
            }
          }
          if (e.id > s.head) s.head = e.id;
        }
        if (events.length === this.opts.pageSize) s.again = true;
      } while (s.again && this.streams.get(s.name) === s);
    } catch (e) {
      // The watch timer reads again if notifications stop; meanwhile say why.
      this.deps.log.error(`reading live stream ${s.name}`, e);
    } finally {
      s.reading = false;
    }
  }

  private leave(name: string, client: Client): void {
    const s = this.streams.get(name);
    this.count--;
    if (!s) return;
    s.clients.delete(client);
    if (s.clients.size === 0) this.streams.delete(name);
  }
}
