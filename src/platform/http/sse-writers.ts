import type { ServerResponse } from 'node:http';

/** One connected reader of a stream: where it is (cursor), whether it is caught up (live), how to write to it. */
export type Client = { cursor: number; live: boolean; closed: boolean; send(frame: Buffer): void; end(): void };

/** A client on a Node response, written to directly; one that stops reading is cut off, not buffered without end. */
export function nodeClient(res: ServerResponse, maxBuffered: number, onClose: (c: Client) => void): Client {
  const client: Client = {
    cursor: 0,
    live: false,
    closed: false,
    send(frame) {
      if (client.closed) return;
      // A reader this far behind is cut off; it resumes from the database when it reconnects.
      if (res.writableLength > maxBuffered) {
        res.destroy();
        return;
      }
      res.write(frame);
    },
    end() {
      if (!client.closed) res.end();
    },
  };
  res.once('close', () => {
    if (client.closed) return;
    client.closed = true;
    onClose(client);
  });
  return client;
}

/** A client as a ReadableStream (runtimes without a Node socket, tests through app.request). */
export function webClient(maxBuffered: number, onClose: (c: Client) => void): { client: Client; body: ReadableStream<Uint8Array> } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const finish = () => {
    if (client.closed) return;
    client.closed = true;
    onClose(client);
  };
  const client: Client = {
    cursor: 0,
    live: false,
    closed: false,
    send(frame) {
      if (client.closed) return;
      if ((controller.desiredSize ?? 0) <= 0) {
        controller.error(new Error('client too slow'));
        finish();
        return;
      }
      controller.enqueue(new Uint8Array(frame));
    },
    end() {
      if (client.closed) return;
      controller.close();
      finish();
    },
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel: finish,
    },
    { highWaterMark: maxBuffered, size: (chunk) => chunk.byteLength },
  );
  return { client, body };
}
