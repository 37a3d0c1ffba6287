import type { Server } from 'node:http';
import express from 'express';
import { METRIC, STATIC_ROUTE, UNMATCHED_ROUTE } from '../../../common/node/metric-names';
import { createMetricsRegistry } from '../../../common/node/metrics-registry';
import { startMetricsServer } from '../../../common/node/metrics-server';
import { createRenderMetrics } from '../../../common/node/render-metrics';
import { AppError } from '../../../server/http/app-error';
import { errorHandler, notFoundHandler } from '../../../server/http/error-middleware';
import { httpMetricsMiddleware } from '../../../server/metrics/http-metrics-middleware';
import { metricsRouter } from '../../../server/metrics/metrics-router';
import { createServerMetrics, PROBE_TIMEOUT_MS, type ServerMetricsProbes } from '../../../server/metrics/server-metrics';
import pino from 'pino';
import { parsePrometheusText, sampleValue } from '../../support/prometheus-text';

const ID = 'a3f0c2d4e5b6a7980112233445566778';
const EMAIL = 'gwen.jones@example.cymru';

/** A small app with the metrics middleware in front of routes shaped like Rosette's. */
async function startApp(probes: ServerMetricsProbes = {}) {
  const registry = createMetricsRegistry({ processMetrics: false });
  const metrics = createServerMetrics(registry, probes);
  const app = express();
  app.use(httpMetricsMiddleware({ metrics }));
  app.get('/api/print-jobs/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  app.get('/api/accounts/:email/invite', () => {
    throw new AppError(404, 'not_found', 'no such account');
  });
  const api = express.Router();
  api.get('/designs/:designId', (_req, res) => {
    res.json({});
  });
  app.use('/api/v2', api);
  app.get('/downloads/:name', (_req, res) => {
    res.status(200).end('pdf');
  });
  app.use(express.static(__dirname, { index: false }));
  app.use(notFoundHandler);
  app.use(errorHandler(pino({ level: 'silent' })));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base,
    metrics,
    scrape: async () => {
      const text = await registry.metrics();
      return { text, samples: parsePrometheusText(text) };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('server metrics', () => {
  describe('when requests are answered', () => {
    let app: Awaited<ReturnType<typeof startApp>>;
    beforeAll(async () => {
      app = await startApp();
      await fetch(`${app.base}/api/print-jobs/${ID}?email=${encodeURIComponent(EMAIL)}`);
      await fetch(`${app.base}/api/print-jobs/another-${ID}`);
      await fetch(`${app.base}/api/accounts/${encodeURIComponent(EMAIL)}/invite`);
      await fetch(`${app.base}/api/v2/designs/${ID}`);
      await fetch(`${app.base}/downloads/${ID}.pdf`);
      await fetch(`${app.base}/server-metrics.test.ts`);
      await fetch(`${app.base}/wp-login.php?user=${encodeURIComponent(EMAIL)}`);
      await fetch(`${app.base}/api/print-jobs/${ID}`, { method: 'PROPFIND' });
    });
    afterAll(async () => {
      await app.close();
    });

    it('scrapes as valid Prometheus text', async () => {
      const { samples } = await app.scrape();
      expect(samples.length).toBeGreaterThan(10);
    });

    it('counts requests by route pattern, status and class', async () => {
      const { samples } = await app.scrape();
      expect(sampleValue(samples, METRIC.httpRequests, { method: 'GET', route: '/api/print-jobs/:id', status: '200', class: 'api' })).toBe(2);
      expect(sampleValue(samples, METRIC.httpRequests, { route: '/api/accounts/:email/invite', status: '404' })).toBe(1);
      expect(sampleValue(samples, METRIC.httpRequests, { route: '/api/v2/designs/:designId', status: '200' })).toBe(1);
      expect(sampleValue(samples, METRIC.httpRequests, { route: '/downloads/:name', class: 'download' })).toBe(1);
      expect(sampleValue(samples, METRIC.httpRequests, { route: STATIC_ROUTE, status: '200', class: 'page' })).toBe(1);
      expect(sampleValue(samples, METRIC.httpRequests, { route: UNMATCHED_ROUTE, status: '404' })).toBe(1);
      expect(sampleValue(samples, METRIC.httpRequests, { method: 'OTHER', route: UNMATCHED_ROUTE })).toBe(1);
      expect(sampleValue(samples, `${METRIC.httpDuration}_count`, { route: '/api/print-jobs/:id', class: 'api' })).toBe(2);
    });

    it('moves the counter with every further request', async () => {
      const label = { method: 'GET', route: '/api/print-jobs/:id', status: '200' };
      const before = sampleValue((await app.scrape()).samples, METRIC.httpRequests, label)!;
      await Promise.all(Array.from({ length: 5 }, (_, i) => fetch(`${app.base}/api/print-jobs/job-${i}`)));
      expect(sampleValue((await app.scrape()).samples, METRIC.httpRequests, label)).toBe(before + 5);
    });

    it('never puts ids, e-mail addresses or made-up paths into a label value', async () => {
      const { text, samples } = await app.scrape();
      expect(text).not.toContain(ID);
      expect(text).not.toContain('gwen');
      expect(text).not.toContain('@');
      expect(text).not.toContain('wp-login');
      expect(text).not.toContain('server-metrics.test.ts');
      const routes = new Set(samples.filter((s) => s.name === METRIC.httpRequests).map((s) => s.labels.route));
      expect([...routes].sort()).toEqual([STATIC_ROUTE, UNMATCHED_ROUTE, '/api/accounts/:email/invite', '/api/print-jobs/:id', '/api/v2/designs/:designId', '/downloads/:name'].sort());
    });

    it('counts shed and rate-limited requests by reason', async () => {
      app.metrics.recordShed('anonymous', 'event-loop-delay');
      app.metrics.recordShed('anonymous', 'event-loop-delay');
      app.metrics.recordRateLimited('print', 'print-jobs');
      const { samples } = await app.scrape();
      expect(sampleValue(samples, METRIC.shed, { class: 'anonymous', reason: 'event-loop-delay' })).toBe(2);
      expect(sampleValue(samples, METRIC.rateLimited, { class: 'print', limiter: 'print-jobs' })).toBe(1);
    });
  });

  describe('when a classifier names the traffic class', () => {
    it('keeps names of code and counts anything else as "other"', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      const metrics = createServerMetrics(registry);
      const app = express();
      app.use(httpMetricsMiddleware({ metrics, classify: (req) => (req.path === '/a' ? 'printJobSubmit' : String(req.query.who)) }));
      app.get(['/a', '/b'], (_req, res) => {
        res.end();
      });
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      await fetch(`${base}/a`);
      await fetch(`${base}/b?who=${encodeURIComponent(EMAIL)}`);
      await new Promise((resolve) => server.close(resolve));
      const classes = parsePrometheusText(await registry.metrics())
        .filter((s) => s.name === METRIC.httpRequests)
        .map((s) => s.labels.class)
        .sort();
      expect(classes).toEqual(['other', 'printJobSubmit']);
    });
  });

  describe('when a request is cut off by its client', () => {
    it('counts it with status 499', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      const metrics = createServerMetrics(registry);
      const app = express();
      app.use(httpMetricsMiddleware({ metrics }));
      let answered!: () => void;
      const reached = new Promise<void>((r) => (answered = r));
      app.get('/slow/:id', (_req, res) => {
        answered();
        setTimeout(() => res.end('late'), 300);
      });
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      const abort = new AbortController();
      const request = fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/slow/1`, { signal: abort.signal }).catch(() => null);
      await reached;
      abort.abort();
      await request;
      await new Promise((r) => setTimeout(r, 400));
      const samples = parsePrometheusText(await registry.metrics());
      expect(sampleValue(samples, METRIC.httpRequests, { route: '/slow/:id', status: '499' })).toBe(1);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
  });

  describe('when Prometheus scrapes', () => {
    it('reads queue depth, live workers and the mode', async () => {
      const now = 1_700_000_000_000;
      const beat = (id: string, at: number, active: number) => ({ id, pid: 1, hostname: 'h', startedAt: now - 60_000, at, ttlMs: 15_000, concurrency: 2, active, completed: 0, recreations: 0 });
      const registry = createMetricsRegistry({ processMetrics: false });
      createServerMetrics(registry, {
        jobCounts: async () => ({ waiting: 12, active: 3, failed: 1, delayed: 2 }),
        workerHeartbeats: async () => [beat('w1', now - 1000, 2), beat('w2', now - 4000, 1)],
        mode: { modes: ['normal', 'busy', 'degraded', 'maintenance'], current: () => 'busy' },
        now: () => now,
      });
      const samples = parsePrometheusText(await registry.metrics());
      expect(sampleValue(samples, METRIC.queueJobs, { state: 'waiting' })).toBe(12);
      expect(sampleValue(samples, METRIC.queueJobs, { state: 'active' })).toBe(3);
      expect(sampleValue(samples, METRIC.queueJobs, { state: 'failed' })).toBe(1);
      expect(sampleValue(samples, METRIC.queueJobs, { state: 'delayed' })).toBe(2);
      expect(sampleValue(samples, METRIC.workersLive)).toBe(2);
      expect(sampleValue(samples, METRIC.workerSlots)).toBe(4);
      expect(sampleValue(samples, METRIC.workerJobsActive)).toBe(3);
      expect(sampleValue(samples, METRIC.workerHeartbeatAge)).toBe(4);
      expect(sampleValue(samples, METRIC.mode, { mode: 'busy' })).toBe(1);
      expect(sampleValue(samples, METRIC.mode, { mode: 'normal' })).toBe(0);
      expect(sampleValue(samples, METRIC.probeUp, { probe: 'queue' })).toBe(1);
      expect(sampleValue(samples, METRIC.probeUp, { probe: 'workers' })).toBe(1);
    });

    it('asks Redis for the workers once per scrape, not once per gauge', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      const heartbeats = jest.fn(async () => []);
      createServerMetrics(registry, { workerHeartbeats: heartbeats });
      await registry.metrics();
      expect(heartbeats).toHaveBeenCalledTimes(1);
    });

    it('answers within the probe timeout when Redis hangs, with the figures unknown', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      createServerMetrics(registry, {
        jobCounts: () => new Promise(() => undefined),
        workerHeartbeats: async () => {
          throw new Error('Connection is closed.');
        },
      });
      // A fake clock: the scrape is answered exactly when the probe's timeout fires, not before and not never.
      jest.useFakeTimers();
      let text: string;
      try {
        let answered = false;
        const scrape = registry.metrics().then((t) => {
          answered = true;
          return t;
        });
        await jest.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS - 1);
        expect(answered).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(answered).toBe(true);
        text = await scrape;
      } finally {
        jest.useRealTimers();
      }
      const samples = parsePrometheusText(text);
      expect(sampleValue(samples, METRIC.queueJobs, { state: 'waiting' })).toBeNaN();
      expect(sampleValue(samples, METRIC.workersLive)).toBeNaN();
      expect(sampleValue(samples, METRIC.probeUp, { probe: 'queue' })).toBe(0);
      expect(sampleValue(samples, METRIC.probeUp, { probe: 'workers' })).toBe(0);
    });

    it('includes the process figures (memory, event-loop delay) when asked', async () => {
      const registry = createMetricsRegistry();
      const samples = parsePrometheusText(await registry.metrics());
      expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
    });
  });

  describe('the worker render metrics', () => {
    it('observe render time for drawn PDFs and count every outcome', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      const render = createRenderMetrics(registry);
      render.completed({ renderMs: 120 });
      render.completed({ renderMs: 30 });
      render.completed({ renderMs: 0 });
      render.failed('design');
      render.failed('error');
      const samples = parsePrometheusText(await registry.metrics());
      expect(sampleValue(samples, `${METRIC.renderDuration}_count`)).toBe(2);
      expect(sampleValue(samples, `${METRIC.renderDuration}_sum`)).toBeCloseTo(0.15);
      expect(sampleValue(samples, `${METRIC.renderDuration}_bucket`, { le: '0.05' })).toBe(1);
      expect(sampleValue(samples, METRIC.renderJobs, { outcome: 'rendered' })).toBe(2);
      expect(sampleValue(samples, METRIC.renderJobs, { outcome: 'reused' })).toBe(1);
      expect(sampleValue(samples, METRIC.renderJobs, { outcome: 'failed-design' })).toBe(1);
      expect(sampleValue(samples, METRIC.renderJobs, { outcome: 'failed-error' })).toBe(1);
    });
  });

  describe('the metrics port', () => {
    it('serves /metrics and /healthz on loopback, and nothing else', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      createServerMetrics(registry).recordShed('anonymous', 'queue-backlog');
      const server = await startMetricsServer({ registry, host: '127.0.0.1', port: 0 });
      try {
        const base = `http://127.0.0.1:${server.port}`;
        const res = await fetch(`${base}/metrics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
        expect(sampleValue(parsePrometheusText(await res.text()), METRIC.shed, { reason: 'queue-backlog' })).toBe(1);
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        expect((await fetch(`${base}/`)).status).toBe(404);
        expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
      } finally {
        await server.close();
      }
    });

    it('rejects when the port is taken, so the caller can run on without it', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      const first = await startMetricsServer({ registry, host: '127.0.0.1', port: 0 });
      try {
        await expect(startMetricsServer({ registry, host: '127.0.0.1', port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      } finally {
        await first.close();
      }
    });
  });

  describe('the guarded /metrics route in the app', () => {
    it('answers only when the guard lets the request through', async () => {
      const registry = createMetricsRegistry({ processMetrics: false });
      const app = express();
      app.use(
        metricsRouter({
          registry,
          guard: (req, _res, next) => next(req.headers.authorization === 'Bearer admin' ? undefined : new AppError(403, 'forbidden', 'admins only')),
        }),
      );
      app.use(errorHandler(pino({ level: 'silent' })));
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/metrics`;
      try {
        expect((await fetch(url)).status).toBe(403);
        const ok = await fetch(url, { headers: { Authorization: 'Bearer admin' } });
        expect(ok.status).toBe(200);
        expect(ok.headers.get('cache-control')).toBe('no-store');
        parsePrometheusText(await ok.text());
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
});
