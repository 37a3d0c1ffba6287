import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Resolution of the event-loop delay monitor, milliseconds (every reading includes it, so it is subtracted). */
const RESOLUTION_MS = 10;

/** One process's event loop and memory over one interval. */
export interface VitalsReading {
  /** Event-loop delay p99 over the interval, milliseconds. */
  loopDelayP99Ms: number;
  /** Share of the interval the event loop was busy, 0-1. */
  loopUtilization: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/**
 * The event loop and memory of this process for the telemetry points; each read() covers the time
 * since the previous one. Its own delay monitor, so the overload sampler's readings (which reset on
 * their own timer) are left alone.
 */
export function processVitals(): { read(): VitalsReading; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
  return {
    read() {
      const elu = performance.eventLoopUtilization();
      const loopUtilization = performance.eventLoopUtilization(elu, lastElu).utilization;
      lastElu = elu;
      // No timer fired when the loop was blocked for the whole interval: then the longest delay is all there is.
      const p99 = (histogram.count > 0 ? histogram.percentile(99) : histogram.max) / 1e6;
      histogram.reset();
      const { rss, heapUsed } = process.memoryUsage();
      return {
        loopDelayP99Ms: Math.max(0, (Number.isFinite(p99) ? p99 : 0) - RESOLUTION_MS),
        loopUtilization: Math.min(1, Math.max(0, Number.isFinite(loopUtilization) ? loopUtilization : 0)),
        rssBytes: rss,
        heapUsedBytes: heapUsed,
      };
    },
    stop() {
      histogram.disable();
    },
  };
}
