import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventBus } from '../../src/platform/events/bus.ts';
import { PageCache } from '../../src/platform/http/page-cache.ts';

// A narrow unit test: a hand-driven bus stands in for LISTEN/NOTIFY (the real one is tested over HTTP).
function handBus() {
  let listening = true;
  let epoch = 1;
  let handler: (m: string) => void = () => {};
  const bus: EventBus = {
    publish: async () => {},
    subscribe: (_c, h) => ((handler = h), () => {}),
    isListening: () => listening,
    epoch: () => epoch,
    close: async () => {},
  };
  return { bus, notify: (m: string) => handler(m), drop: () => (listening = false), reconnect: () => ((listening = true), epoch++) };
}

describe('page cache', () => {
  it('stores, serves, and forgets a process’s pages when it changes', () => {
    const h = handBus();
    const cache = new PageCache(h.bus, { ttlMs: 5000, max: 10 });
    cache.get('warm-up');
    const g = cache.generation();
    cache.set('/en/p/a', 1, g, '<p>a</p>');
    assert.equal(cache.get('/en/p/a')?.html, '<p>a</p>');
    h.notify('2');
    assert.ok(cache.get('/en/p/a'), 'another process changing leaves it');
    h.notify('1');
    assert.equal(cache.get('/en/p/a'), undefined);
  });
  it('does not store a page rendered across a change', () => {
    const h = handBus();
    const cache = new PageCache(h.bus, { ttlMs: 5000, max: 10 });
    cache.get('warm-up');
    const g = cache.generation();
    h.notify('1');
    cache.set('/en/p/a', 1, g, 'stale');
    assert.equal(cache.get('/en/p/a'), undefined);
  });
  it('forgets everything when the bus stops listening or reconnects (a change may have been missed)', () => {
    const h = handBus();
    const cache = new PageCache(h.bus, { ttlMs: 5000, max: 10 });
    cache.get('warm-up');
    cache.set('/en/p/a', 1, cache.generation(), 'x');
    h.drop();
    assert.equal(cache.get('/en/p/a'), undefined);
    h.reconnect();
    cache.get('warm-up');
    cache.set('/en/p/a', 1, cache.generation(), 'y');
    h.reconnect();
    assert.equal(cache.get('/en/p/a'), undefined);
  });
  it('expires entries and keeps at most `max`', () => {
    const h = handBus();
    let now = 0;
    const cache = new PageCache(h.bus, { ttlMs: 100, max: 2, now: () => now });
    cache.get('warm-up');
    const g = cache.generation();
    cache.set('a', 1, g, 'a');
    cache.set('b', 1, g, 'b');
    cache.set('c', 1, g, 'c');
    assert.equal(cache.get('a'), undefined);
    assert.ok(cache.get('c'));
    now = 101;
    assert.equal(cache.get('c'), undefined);
  });
});
