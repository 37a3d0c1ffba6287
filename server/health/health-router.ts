import { caseSensitiveRouter } from '../http/case-sensitive-router';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import { withTimeout } from '../../common/node/with-timeout';
import { asDatabaseError, DatabaseUnavailableError } from '../database/database-unavailable-error';
import type { Database } from '../database/schema';
import type { PrintQueue } from '../print-jobs/print-queue';
import type { StoreHealth } from './store-probe';

/** How long /readyz waits for Redis and for PostgreSQL before saying not ready, milliseconds. */
const READY_TIMEOUT_MS = 1000;

/** What /readyz says of one dependency: its round trip, or why it is not ready (a code, never a URL or a password). */
type Check = { ok: true; ms: number } | { ok: false; reason: string };

/** Runs `probe` within READY_TIMEOUT_MS and times it; a failure becomes `describe(err)`. */
async function check(probe: () => Promise<unknown>, describe: (err: unknown) => string): Promise<Check> {
  const started = performance.now();
  try {
    await withTimeout(probe(), READY_TIMEOUT_MS, 'timeout');
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, reason: describe(err) };
  }
}

/** Why PostgreSQL is not ready, by the driver's or server's code only: never its message (which may name the host or user). */
function databaseReason(err: unknown): string {
  const known = asDatabaseError(err);
  const code = known instanceof DatabaseUnavailableError ? known.code : err instanceof Error && err.message === 'timeout' ? 'timeout' : 'error';
  return `PostgreSQL is not reachable (${code})`;
}

/**
 * /healthz: the process answers (liveness: what a load balancer and a container health check ask, so a
 * server that cannot reach Redis or PostgreSQL stays in rotation and keeps serving finished PDFs and
 * share links). /readyz: Redis answers, the queue can be read and PostgreSQL answers `select 1`
 * (readiness: 503 naming what is not ready otherwise; for monitoring and a rolling deploy).
 * /api/service-status: what the browser client asks to learn whether Rosette is open. Express answers it
 * only when it is (200); in maintenance the gate answers it like any API read, with the 503 that carries
 * the admin's message and expected return (shed-answers.ts), and an unreachable server does not answer.
 * Nothing about anyone in it, so the service worker may see it, though it never keeps it.
 */
export function healthRouter(deps: { redis: Redis; queue: PrintQueue; db?: Kysely<Database>; storeHealth?: { readonly current: StoreHealth } }): Router {
  const router = caseSensitiveRouter();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/api/service-status', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'open' });
  });
  router.get('/readyz', async (_req, res) => {
    const db = deps.db;
    const [redis, database] = await Promise.all([
      check(() => Promise.all([deps.redis.ping(), deps.queue.waitingCount()]), () => 'Redis or the print queue is not reachable'),
      db ? check(() => sql`select 1`.execute(db), databaseReason) : Promise.resolve<Check>({ ok: true, ms: 0 }),
    ]);
    if (!redis.ok || !database.ok) {
      const reasons = [redis, database].flatMap((c) => (c.ok ? [] : [c.reason]));
      res.status(503).set({ 'Cache-Control': 'no-store', 'Retry-After': '5' }).json({ status: 'not ready', reason: reasons.join('; ') });
      return;
    }
    // A store that cannot be written is said, not made a 503: downloads and share links (reads) still work.
    const store = deps.storeHealth?.current;
    const storeNote = store && !store.writable ? { store: `cannot be written (${store.code}) since ${new Date(store.since).toISOString()}: new print jobs are refused, accepted ones wait` } : { store: 'writable' };
    res.set('Cache-Control', 'no-store').json({ status: 'ready', redisMs: redis.ms, databaseMs: database.ms, ...storeNote });
  });
  return router;
}
