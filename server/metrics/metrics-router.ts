import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` inside the public app, for deployments that cannot give metrics a port of their
 * own. `guard` must refuse everyone but admins (the accounts or admin-token middleware); there is no
 * default, so the route cannot be mounted open by mistake. A separate METRICS_PORT
 * (common/node/metrics-server.ts) is the preferred way.
 */
export function metricsRouter(deps: { registry: Registry; guard: RequestHandler }): Router {
  const router = caseSensitiveRouter();
  router.get('/metrics', deps.guard, async (_req, res) => {
    const text = await deps.registry.metrics();
    res.set({ 'Content-Type': deps.registry.contentType, 'Cache-Control': 'no-store' }).send(text);
  });
  return router;
}
