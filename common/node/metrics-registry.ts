import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A Prometheus registry of one process's own (never prom-client's global one, so tests and several
 * apps in one process do not share counters). With `processMetrics`, it also carries prom-client's
 * standard process and Node figures under their usual names: CPU, resident memory, heap, event-loop
 * delay (`nodejs_eventloop_lag_p99_seconds`), garbage collection.
 */
export function createMetricsRegistry(options: { processMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}
