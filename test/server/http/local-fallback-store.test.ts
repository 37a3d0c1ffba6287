import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { LocalFallbackStore } from '../../../server/http/local-fallback-store';

/** The shared store as a frozen Redis leaves it: every count is asked for, none is ever answered. */
class FrozenStore implements Store {
  asked = 0;
  prefix = 'rl:downloads:';
  increment(): Promise<ClientRateLimitInfo> {
    this.asked += 1;
    return new Promise(() => undefined);
  }
  decrement = () => undefined;
  resetKey = () => undefined;
}

/** The shared store as a healthy Redis: it counts. */
class CountingStore implements Store {
  hits = new Map<string, number>();
  increment(key: string): ClientRateLimitInfo {
    const totalHits = (this.hits.get(key) ?? 0) + 1;
    this.hits.set(key, totalHits);
    return { totalHits, resetTime: new Date(Date.now() + 60_000) };
  }
  decrement = () => undefined;
  resetKey = () => undefined;
}

const options = { windowMs: 60_000 } as Options;

describe('counting downloads when Redis cannot answer', () => {
  it('counts in memory instead of waiting for a frozen Redis, and stops asking it for a while', async () => {
    const frozen = new FrozenStore();
    let now = 1_000_000;
    const fallbacks: string[] = [];
    const store = new LocalFallbackStore(frozen, { redisUp: () => true, now: () => now, onFallback: (why) => fallbacks.push(why) });
    store.init(options);
    const first = await store.increment('203.0.113.7');
    expect(first.totalHits).toBe(1);
    expect(fallbacks).toEqual(['slow']);
    // (MemoryStore hands back its own record, so each count is read at once.)
    const second = (await store.increment('203.0.113.7')).totalHits;
    const third = (await store.increment('203.0.113.7')).totalHits;
    expect([second, third]).toEqual([2, 3]);
    // Counted locally without asking the frozen Redis again.
    expect(frozen.asked).toBe(1);
    now += 5001;
    await store.increment('203.0.113.7');
    expect(frozen.asked).toBe(2);
    store.shutdown();
  });

  it('counts in memory at once while the ladder knows Redis is down', async () => {
    const frozen = new FrozenStore();
    const store = new LocalFallbackStore(frozen, { redisUp: () => false });
    store.init(options);
    expect((await store.increment('198.51.100.1')).totalHits).toBe(1);
    expect(frozen.asked).toBe(0);
    store.shutdown();
  });

  it('counts in Redis, shared by every server, while Redis answers', async () => {
    const shared = new CountingStore();
    const store = new LocalFallbackStore(shared, { redisUp: () => true });
    store.init(options);
    await store.increment('192.0.2.9');
    expect((await store.increment('192.0.2.9')).totalHits).toBe(2);
    expect(shared.hits.get('192.0.2.9')).toBe(2);
    store.shutdown();
  });
});
