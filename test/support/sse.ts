// A minimal Server-Sent Events reader for tests: over app.request() (a
// ReadableStream) or over a real socket (node:http), same parsing.
import http from 'node:http';

export type SseEvent = { id: string | null; event: string; data: string };

export class SseReader {
  events: SseEvent[] = [];
  comments = 0;
  private buffer = '';
  private waiters: Array<() => void> = [];
  closed = false;

  feed(text: string) {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | null = null;
      let event = 'message';
      const data: string[] = [];
      let any = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments++;
          continue;
        }
        const i = line.indexOf(':');
        const field = i === -1 ? line : line.slice(0, i);
        const value = i === -1 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else continue;
        any = true;
      }
      if (any && (data.length || id)) this.events.push({ id, event, data: data.join('\n') });
    }
    for (const w of this.waiters.splice(0)) w();
  }

  end() {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until an event matching `pred` has arrived (or fails after `ms`). */
  async waitFor(pred: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.events.find(pred);
      if (hit) return hit;
      if (this.closed) throw new Error(`stream closed; events: ${this.events.map((e) => `${e.id}:${e.event}`).join(' ')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; events so far: ${this.events.map((e) => `${e.id}:${e.event}`).join(' ')}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  ofKind(kind: string): SseEvent[] {
    return this.events.filter((e) => e.event === kind);
  }
}

/** Reads a Response body (app.request) as an event stream until closed. */
export function readResponse(res: Response): { reader: SseReader; close(): Promise<void> } {
  const reader = new SseReader();
  const r = res.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await r.read();
        if (done) break;
        reader.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      /* cancelled */
    }
    reader.end();
  })();
  return { reader, close: () => r.cancel().catch(() => {}) };
}

/** Opens an event stream over a real HTTP connection. */
export function openHttp(url: string, headers: Record<string, string> = {}): Promise<{ reader: SseReader; status: number; headers: http.IncomingHttpHeaders; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const reader = new SseReader();
      res.setEncoding('utf8');
      res.on('data', (d: string) => reader.feed(d));
      res.on('end', () => reader.end());
      res.on('error', () => reader.end());
      resolve({ reader, status: res.statusCode ?? 0, headers: res.headers, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}
