import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../http/app-error';
import { parseWith } from '../http/parse-with';
import { isRedisUnavailable } from '../http/redis-unavailable';
import type { TelemetryStore } from './telemetry-store';

/** The query of GET /api/admin/telemetry. */
const telemetryQuerySchema = z.object({
  /** Milliseconds since the epoch; the whole window when left out. */
  since: z.coerce.number({ error: 'must be a time in milliseconds since the epoch' }).int('must be a whole number of milliseconds').min(0, 'must not be negative').optional(),
});

/**
 * GET /api/admin/telemetry?since=<ms>: the live figures of every server and worker process, merged
 * into time buckets (common/api/admin-telemetry.ts), for the admin console's charts. The same guard
 * as GET /api/admin/status (a signed-in admin, or the read-only ADMIN_TOKEN). The figures live in
 * Redis: while it cannot be read the answer is 503 `telemetry_unavailable`, and the status still works.
 */
export function telemetryRouter(deps: { guard: RequestHandler; store: TelemetryStore; now: () => number }): Router {
  const router = caseSensitiveRouter();
  router.get('/api/admin/telemetry', deps.guard, async (req, res) => {
    const { since } = parseWith(telemetryQuerySchema, req.query);
    const now = deps.now();
    let body;
    try {
      body = await deps.store.read(since ?? 0, now);
    } catch (err) {
      if (!isRedisUnavailable(err)) throw err;
      throw new AppError(503, 'telemetry_unavailable', 'the live figures are kept in Redis, which cannot be read just now; the status above still comes from this server', [], { 'Retry-After': '5' });
    }
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
