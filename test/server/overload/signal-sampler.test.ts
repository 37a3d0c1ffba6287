import { LADDER_RULES } from '../../../server/overload/ladder-rules';
import { OverloadState } from '../../../server/overload/overload-state';
import type { OverloadProbes, QueueReading } from '../../../server/overload/probes';
import { SignalSampler, type Sample } from '../../../server/overload/signal-sampler';

/** Probes that say whatever the test sets, and a clock the test moves. */
function fakes() {
  const readings = { delayMs: 0, utilization: 0, heapUsed: 10, rss: 100, redisUp: true, latencyMs: 1, queue: { waiting: 0, active: 0, finished: 0, workers: 1 } as QueueReading };
  let now = 1_000_000;
  const probes: OverloadProbes = {
    eventLoop: () => ({ delayMs: readings.delayMs, utilization: readings.utilization }),
    memory: () => ({ heapUsedBytes: readings.heapUsed, heapLimitBytes: 1000, rssBytes: readings.rss }),
    redis: async () => ({ up: readings.redisUp, latencyMs: readings.redisUp ? readings.latencyMs : null }),
    queue: async () => ({ ...readings.queue }),
  };
  const samples: Sample[] = [];
  const state = new OverloadState(() => now, 300);
  const sampler = new SignalSampler({ probes, clock: () => now, rssLimitBytes: 1000, onSample: (s) => (samples.push(s), state.applySample(s)) });
  /** One sample `ms` after the previous one. */
  const step = async (ms = 500) => {
    now += ms;
    return sampler.sampleOnce();
  };
  return { readings, samples, state, step, advance: (ms: number) => (now += ms) };
}

const busyDelay = LADDER_RULES.find((r) => r.signal === 'eventLoopDelayMs')!.marks.busy!;

describe('the signal sampler', () => {
  it('smooths a single spike so one slow moment does not change the mode', async () => {
    const { readings, state, step } = fakes();
    await step();
    readings.delayMs = busyDelay.enter * 3;
    await step();
    readings.delayMs = 0;
    await step();
    expect(state.mode).toBe('normal');
  });

  it('follows a sustained rise within a few seconds', async () => {
    const { readings, state, step } = fakes();
    await step();
    readings.delayMs = busyDelay.enter * 2;
    for (let i = 0; i < 8 && state.mode === 'normal'; i++) await step();
    expect(state.mode).toBe('busy');
    expect(state.cause()).toMatchObject({ reason: 'event_loop_delay', signal: 'eventLoopDelayMs', threshold: busyDelay.enter });
  });

  it('reads memory against the heap limit and RSS_LIMIT_MB', async () => {
    const { readings, step } = fakes();
    readings.heapUsed = 900;
    readings.rss = 500;
    const sample = await step();
    expect(sample.signals).toMatchObject({ heapUsedRatio: 0.9, rssRatio: 0.5 });
  });

  it('reports Redis down at once (no smoothing) and keeps the last queue reading meanwhile', async () => {
    const { readings, state, step } = fakes();
    readings.queue = { waiting: 7, active: 1, finished: 0, workers: 2 };
    await step();
    readings.redisUp = false;
    const sample = await step();
    expect(sample.signals.redisDown).toBe(1);
    expect(sample.queue).toMatchObject({ waiting: 7, workers: 2 });
    expect(state.mode).toBe('maintenance');
    readings.redisUp = true;
    await step(3000);
    expect(state.mode).toBe('normal');
  });

  it('measures the drain rate while there is work, and ignores idle time', async () => {
    const { readings, state, step } = fakes();
    readings.queue = { waiting: 100, active: 2, finished: 0, workers: 1 };
    await step();
    for (let i = 1; i <= 40; i++) {
      readings.queue = { waiting: 100, active: 2, finished: i * 2, workers: 1 }; // 2 jobs per 500 ms = 4/s
      await step();
    }
    expect(state.rate).toBeGreaterThan(3.5);
    expect(state.rate).toBeLessThan(4.5);
    const measured = state.rate;
    readings.queue = { waiting: 0, active: 0, finished: 80, workers: 1 };
    for (let i = 0; i < 20; i++) await step();
    expect(state.rate).toBe(measured);
  });

  it('says busy when no worker is connected, and why', async () => {
    const { readings, state, step } = fakes();
    readings.queue = { waiting: 0, active: 0, finished: 0, workers: 0 };
    await step();
    expect(state.mode).toBe('busy');
    expect(state.cause()).toMatchObject({ reason: 'no_workers' });
  });

  describe('when the load hovers at a threshold', () => {
    it('changes mode once, not every sample, over a minute of noisy load at the high water mark', async () => {
      const { readings, state, step } = fakes();
      let seed = 42;
      const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.4; // +-20%
      for (let i = 0; i < 120; i++) {
        readings.delayMs = busyDelay.enter * (1 + noise());
        await step();
      }
      expect(state.changes.length).toBeLessThanOrEqual(1);
    });
  });
});
