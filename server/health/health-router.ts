import { Router } from 'express';
import type { Redis } from 'ioredis';
import { withTimeout } from '../../common/node/with-timeout';
import type { PrintQueue } from '../print-jobs/print-queue';

/** How long /readyz waits for Redis before saying not ready, milliseconds. */
const READY_TIMEOUT_MS = 1000;

/** /healthz: the process answers. /readyz: Redis answers and the queue can be read. */
export function healthRouter(deps: { redis: Redis; queue: PrintQueue }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const started = Date.now();
    try {
      await withTimeout(Promise.all([deps.redis.ping(), deps.queue.waitingCount()]), READY_TIMEOUT_MS, 'timeout');
      res.set('Cache-Control', 'no-store').json({ status: 'ready', redisMs: Date.now() - started });
    } catch {
      res.status(503).set({ 'Cache-Control': 'no-store', 'Retry-After': '5' }).json({ status: 'not ready', reason: 'Redis or the print queue is not reachable' });
    }
  });
  return router;
}

