import v8 from 'node:v8';
import { processProbes } from '../../../server/overload/process-probes';

/** Holds this process's event loop for `ms`, as a burst of synchronous work would. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const tick = () => new Promise((r) => setTimeout(r, 25));

/**
 * The reading of an interval in which the loop was blocked for 200 ms. Tried again (up to five times)
 * should the delay monitor's own timer not have fired in the interval, or the scheduler have stretched the idle part past the blocked one, as on a busy machine may happen.
 */
async function blockedReading(probes: ReturnType<typeof processProbes>) {
  let reading = { delayMs: 0, utilization: 0 };
  for (let i = 0; i < 5 && (reading.delayMs === 0 || reading.utilization <= 0.5); i++) {
    await tick();
    probes.eventLoop(); // start a fresh interval
    block(200);
    await tick();
    reading = probes.eventLoop();
  }
  return reading;
}

describe('the process probes', () => {
  it('see a blocked event loop: a delay past the monitor’s resolution, and the loop busy', async () => {
    const probes = processProbes();
    try {
      const reading = await blockedReading(probes);
      expect(reading.delayMs).toBeGreaterThan(0);
      expect(reading.utilization).toBeGreaterThan(0.5);
      expect(reading.utilization).toBeLessThanOrEqual(1);
    } finally {
      probes.stop();
    }
  });

  it('read each interval afresh: the delay of a blocked interval is not carried into the next', async () => {
    const probes = processProbes();
    try {
      const blocked = await blockedReading(probes);
      expect(blocked.delayMs).toBeGreaterThan(0);
      // Idle intervals, until the loop is read as calm: each reading covers only the time since the last.
      let calm = probes.eventLoop();
      for (let i = 0; i < 40 && calm.delayMs >= blocked.delayMs; i++) {
        await tick();
        calm = probes.eventLoop();
      }
      expect(calm.delayMs).toBeLessThan(blocked.delayMs);
      expect(calm.delayMs).toBeGreaterThanOrEqual(0);
    } finally {
      probes.stop();
    }
  });

  it('read memory against V8’s heap limit', () => {
    const probes = processProbes();
    try {
      const memory = probes.memory();
      expect(memory.heapLimitBytes).toBe(v8.getHeapStatistics().heap_size_limit);
      expect(memory.heapUsedBytes).toBeGreaterThan(0);
      expect(memory.heapUsedBytes).toBeLessThan(memory.heapLimitBytes);
      expect(memory.rssBytes).toBeGreaterThan(memory.heapUsedBytes / 2);
    } finally {
      probes.stop();
    }
  });
});
