import { caseSensitiveRouter } from '../http/case-sensitive-router';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { withTimeout } from '../../common/node/with-timeout';
import type { PrintQueue } from '../print-jobs/print-queue';
import type { StoreHealth } from './store-probe';

/** How long /readyz waits for Redis before saying not ready, milliseconds. */
const READY_TIMEOUT_MS = 1000;

/**
 * /healthz: the process answers. /readyz: Redis answers and the queue can be read.
 * /api/service-status: what the browser client asks to learn whether Rosette is open. Express answers it
 * only when it is (200); in maintenance the gate answers it like any API read, with the 503 that carries
 * the admin's message and expected return (shed-answers.ts), and an unreachable server does not answer.
 * Nothing about anyone in it, so the service worker may see it, though it never keeps it.
 */
export function healthRouter(deps: { redis: Redis; queue: PrintQueue; storeHealth?: { readonly current: StoreHealth } }): Router {
  const router = caseSensitiveRouter();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/api/service-status', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'open' });
  });
  router.get('/readyz', async (_req, res) => {
    const started = Date.now();
    try {
      await withTimeout(Promise.all([deps.redis.ping(), deps.queue.waitingCount()]), READY_TIMEOUT_MS, 'timeout');
      // A store that cannot be written is said, not made a 503: downloads and share links (reads) still work,
      // and a proxy taking every server out of rotation would stop them too.
      const store = deps.storeHealth?.current;
      const storeNote = store && !store.writable ? { store: `cannot be written (${store.code}) since ${new Date(store.since).toISOString()}: new print jobs are refused, accepted ones wait` } : { store: 'writable' };
      res.set('Cache-Control', 'no-store').json({ status: 'ready', redisMs: Date.now() - started, ...storeNote });
    } catch {
      res.status(503).set({ 'Cache-Control': 'no-store', 'Retry-After': '5' }).json({ status: 'not ready', reason: 'Redis or the print queue is not reachable' });
    }
  });
  return router;
}

