import { Counter, Histogram, type Registry } from 'prom-client';
import { METRIC, RENDER_OUTCOMES, type RenderOutcome } from './metric-names';

/** Render time buckets, seconds: a leaflet draws in tens of milliseconds, a heavy poster in seconds. */
const RENDER_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** What a worker process counts about the jobs it finishes. */
export interface RenderMetrics {
  /** A job finished: `renderMs` 0 means its PDF was already stored and nothing was drawn. */
  completed(result: { renderMs: number }): void;
  /** A job attempt failed: `design` when the design is at fault (not retried), `error` otherwise. */
  failed(cause: 'design' | 'error'): void;
}

/**
 * The worker's own metrics, served by its metrics server (common/node/metrics-server.ts). Render
 * durations are measured where the work happens, so a histogram summed over every worker's scrape
 * (`sum by (le) (rate(rosette_render_duration_seconds_bucket[5m]))`) gives true percentiles.
 */
export function createRenderMetrics(registry: Registry): RenderMetrics {
  const duration = new Histogram({ name: METRIC.renderDuration, help: 'Seconds one PDF took to lay out and draw.', buckets: RENDER_BUCKETS, registers: [registry] });
  const jobs = new Counter({ name: METRIC.renderJobs, help: 'Print job attempts this worker process finished, by outcome (a job retried after an error counts each failed attempt).', labelNames: ['outcome'], registers: [registry] });
  // Zero every outcome up front, so rate() sees a series from the start.
  for (const outcome of RENDER_OUTCOMES) jobs.inc({ outcome }, 0);
  const count = (outcome: RenderOutcome) => jobs.inc({ outcome });
  return {
    completed(result) {
      if (result.renderMs > 0) {
        duration.observe(result.renderMs / 1000);
        count('rendered');
      } else {
        count('reused');
      }
    },
    failed(cause) {
      count(cause === 'design' ? 'failed-design' : 'failed-error');
    },
  };
}
