import { streamSSE } from 'hono/streaming';
import type { Ctx } from '../../../platform/http/context.ts';
import type { EventBus } from '../../../platform/events/bus.ts';
import { CONSENSUS_CHANNEL, consensusMessage } from '../commands/in-proposal.ts';

const KEEP_ALIVE_MS = 25_000;

/**
 * Server-sent events for one proposal: "changed" whenever a change to it
 * commits on any node (the bus carries ids only; the page fetches what
 * changed). Several changes in a burst become one event. Kept small on
 * purpose: the meetings work brings a shared SSE helper that replaces it.
 */
export function proposalEvents(c: Ctx, bus: EventBus, processId: number, proposalId: number): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const key = consensusMessage(processId, proposalId);
    let pending = false;
    let wake: (() => void) | null = null;
    const unsubscribe = bus.subscribe(CONSENSUS_CHANNEL, (message) => {
      if (message !== key) return;
      pending = true;
      wake?.();
    });
    stream.onAbort(() => wake?.());
    try {
      await stream.writeSSE({ event: 'ready', data: String(proposalId), retry: 5000 });
      while (!stream.aborted && !stream.closed) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEP_ALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (stream.aborted || stream.closed) break;
        if (pending) {
          pending = false;
          await stream.writeSSE({ event: 'changed', data: String(proposalId) });
        } else {
          await stream.write(': keep-alive\n\n');
        }
      }
    } finally {
      unsubscribe();
    }
  });
}
