import type { Request, RequestHandler, Response } from 'express';
import { CLIENT_CLOSED_STATUS, OTHER_CLASS, STATIC_ROUTE, UNMATCHED_ROUTE } from '../../common/node/metric-names';
import type { ServerMetrics } from './server-metrics';

/** Names a request's traffic class: the overload engine's route kind (`routeKindOf`) in production. */
export type TrafficClassifier = (req: Request) => string;

/** Methods kept as they are in labels; anything else (a scanner's `PROPFIND`) is counted as OTHER. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** A traffic class must look like a word of code (`download`, `printJobSubmit`), never like data from the request. */
const CLASS = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/**
 * A classifier that needs nothing but the path, for apps without the overload engine (tests):
 * health checks, admin, downloads, print job submissions, other API calls, and pages.
 */
export const classifyByPath: TrafficClassifier = (req) => {
  const path = req.path;
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path.startsWith('/api/admin')) return 'admin';
  if (path.startsWith('/downloads/')) return 'download';
  if (path === '/api/print-jobs' && req.method === 'POST') return 'print';
  if (path.startsWith('/api/')) return 'api';
  return 'page';
};

/**
 * The route label of a request that has ended: the pattern of the route that answered it
 * (`/api/print-jobs/:id`), never the URL itself, so neither ids nor e-mail addresses nor a scanner's
 * made-up paths reach the metrics, and the number of series stays that of the routes in the code.
 */
export function routeLabel(req: Request, res: Response): string {
  const route = (req as { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}` || '/';
  if (route) return '(pattern)';
  return res.statusCode < 400 && (req.method === 'GET' || req.method === 'HEAD') ? STATIC_ROUTE : UNMATCHED_ROUTE;
}

/**
 * Records every request that reaches Express: count and duration by method, route pattern, status
 * and traffic class. Register it first, so requests turned away by later middleware count too.
 * (Requests an overload gate answers before Express runs are counted by the gate with `recordShed`.)
 */
export function httpMetricsMiddleware(deps: { metrics: ServerMetrics; classify?: TrafficClassifier }): RequestHandler {
  const classify = deps.classify ?? classifyByPath;
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    let done = false;
    const record = (closedEarly: boolean) => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const trafficClass = classify(req);
      deps.metrics.observeRequest(
        {
          method: METHODS.has(req.method) ? req.method : 'OTHER',
          route: routeLabel(req, res),
          status: closedEarly ? CLIENT_CLOSED_STATUS : String(res.statusCode),
          class: CLASS.test(trafficClass) ? trafficClass : OTHER_CLASS,
        },
        seconds,
      );
    };
    res.once('finish', () => record(false));
    res.once('close', () => record(!res.writableFinished));
    next();
  };
}
