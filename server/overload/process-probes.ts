import v8 from 'node:v8';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { EventLoopReading, MemoryReading } from './probes';

/** Resolution of the event-loop delay monitor, milliseconds (its readings include it, so it is subtracted). */
const RESOLUTION_MS = 10;

/** The event loop and memory of this process. Each eventLoop() reading covers the time since the previous one. */
export function processProbes(): { eventLoop(): EventLoopReading; memory(): MemoryReading; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
  const heapLimitBytes = v8.getHeapStatistics().heap_size_limit;
  return {
    eventLoop() {
      const elu = performance.eventLoopUtilization();
      const utilization = performance.eventLoopUtilization(elu, lastElu).utilization;
      lastElu = elu;
      // No timer fired at all when the loop was blocked for the whole interval: then the mean is NaN.
      const mean = histogram.count > 0 ? histogram.mean / 1e6 : histogram.max / 1e6;
      histogram.reset();
      return { delayMs: Math.max(0, (Number.isFinite(mean) ? mean : 0) - RESOLUTION_MS), utilization };
    },
    memory() {
      const { heapUsed, rss } = process.memoryUsage();
      return { heapUsedBytes: heapUsed, heapLimitBytes, rssBytes: rss };
    },
    stop() {
      histogram.disable();
    },
  };
}
