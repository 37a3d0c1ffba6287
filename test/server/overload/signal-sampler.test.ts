import { LADDER_RULES } from '../../../server/overload/ladder-rules';
import { OverloadState } from '../../../server/overload/overload-state';
import type { OverloadProbes, QueueReading } from '../../../server/overload/probes';
import { SignalSampler, type Sample } from '../../../server/overload/signal-sampler';
import { waitFor } from '../../support/wait-for';

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

  describe('PostgreSQL', () => {
    it('reads as up and instant when the process has no database probe', async () => {
      const { step } = fakes();
      expect((await step()).signals).toMatchObject({ databaseDown: 0, databaseLatencyMs: 0 });
    });

    it('says down at once when the probe says so or throws, and keeps the smoothed latency meanwhile', async () => {
      let answer: () => Promise<{ up: boolean; latencyMs: number | null }> = async () => ({ up: true, latencyMs: 40 });
      const probes: OverloadProbes = {
        eventLoop: () => ({ delayMs: 0, utilization: 0 }),
        memory: () => ({ heapUsedBytes: 1, heapLimitBytes: 10, rssBytes: 1 }),
        redis: async () => ({ up: true, latencyMs: 1 }),
        queue: async () => ({ waiting: 0, active: 0, finished: 0, workers: 1 }),
        database: () => answer(),
      };
      let now = 0;
      const sampler = new SignalSampler({ probes, clock: () => now, rssLimitBytes: 100, onSample: () => undefined, tauMs: 1000 });
      await sampler.sampleOnce();
      now += 1000;
      const up = await sampler.sampleOnce();
      // One time constant: 1 - 1/e of the way from 0 to 40.
      expect(up.signals.databaseLatencyMs).toBeCloseTo(40 * (1 - Math.exp(-1)), 5);
      expect(up.signals.databaseDown).toBe(0);
      answer = async () => ({ up: false, latencyMs: null });
      now += 1000;
      const down = await sampler.sampleOnce();
      expect(down.signals.databaseDown).toBe(1);
      expect(down.signals.databaseLatencyMs).toBe(up.signals.databaseLatencyMs);
      answer = () => Promise.reject(new Error('connection refused'));
      now += 1000;
      expect((await sampler.sampleOnce()).signals.databaseDown).toBe(1);
    });
  });

  describe('the backlog in seconds', () => {
    const backlog = async (waiting: number, finishedPerStep: number, workers = 1) => {
      const { readings, step } = fakes();
      let finished = 0;
      readings.queue = { waiting, active: 1, finished, workers };
      await step();
      let last: Sample | undefined;
      for (let i = 0; i < 6; i++) {
        finished += finishedPerStep;
        readings.queue = { waiting, active: 1, finished, workers };
        last = await step(1000);
      }
      return last!;
    };

    it('is the waiting jobs over the measured drain rate', async () => {
      const sample = await backlog(20, 2);
      // Smoothed from the assumed 1 job per second per worker towards the 2 measured.
      expect(sample.queue!.drainPerSecond).toBeGreaterThan(1);
      expect(sample.queue!.drainPerSecond).toBeLessThan(2);
      expect(sample.signals.backlogSeconds).toBeCloseTo(20 / sample.queue!.drainPerSecond!, 5);
    });

    it('is 0 when nothing waits', async () => {
      expect((await backlog(0, 2)).signals.backlogSeconds).toBe(0);
    });

    it('is 0 before any rate was measured: no evidence of a slow queue', async () => {
      const { readings, step } = fakes();
      readings.queue = { waiting: 50, active: 0, finished: 0, workers: 1 };
      const sample = await step();
      expect(sample.queue!.drainPerSecond).toBeNull();
      expect(sample.signals.backlogSeconds).toBe(0);
    });

    it('is a day, not infinity, when the queue drains nothing at all', async () => {
      const sample = await backlog(20, 0, 0); // no worker: nothing assumed, nothing measured
      expect(sample.queue!.drainPerSecond).toBe(0);
      expect(sample.signals.backlogSeconds).toBe(86_400);
    });
  });

  describe('on its timer', () => {
    it('samples every interval until stopped, and starting twice starts one timer', async () => {
      const seen: Sample[] = [];
      let now = 0;
      const probes: OverloadProbes = {
        eventLoop: () => ({ delayMs: 0, utilization: 0 }),
        memory: () => ({ heapUsedBytes: 1, heapLimitBytes: 10, rssBytes: 1 }),
        redis: async () => ({ up: true, latencyMs: 1 }),
        queue: async () => ({ waiting: 0, active: 0, finished: 0, workers: 1 }),
      };
      const sampler = new SignalSampler({ probes, clock: () => (now += 1), rssLimitBytes: 100, onSample: (s) => seen.push(s), intervalMs: 5 });
      sampler.start();
      sampler.start();
      await waitFor('three samples', () => seen.length >= 3);
      sampler.stop();
      const stoppedAt = seen.length;
      await new Promise((r) => setTimeout(r, 30));
      expect(seen.length).toBe(stoppedAt);
      // Samples come one at a time: the clock is read once per sample, so their times are distinct and rising.
      expect(seen.map((s) => s.at)).toEqual([...seen.map((s) => s.at)].sort((a, b) => a - b));
    });

    it('does not start a sample while the previous one is still waiting on Redis', async () => {
      let pings = 0;
      let answerPing: (() => void) | null = null;
      const probes: OverloadProbes = {
        eventLoop: () => ({ delayMs: 0, utilization: 0 }),
        memory: () => ({ heapUsedBytes: 1, heapLimitBytes: 10, rssBytes: 1 }),
        redis: () => {
          pings += 1;
          return new Promise((resolve) => (answerPing = () => resolve({ up: true, latencyMs: 1 })));
        },
        queue: async () => ({ waiting: 0, active: 0, finished: 0, workers: 1 }),
      };
      const seen: Sample[] = [];
      const sampler = new SignalSampler({ probes, clock: () => 0, rssLimitBytes: 100, onSample: (s) => seen.push(s), intervalMs: 2 });
      sampler.start();
      await waitFor('the first PING', () => pings === 1);
      // Many intervals pass while the PING hangs: no second one is sent.
      await new Promise((r) => setTimeout(r, 40));
      expect(pings).toBe(1);
      answerPing!();
      await waitFor('the next PING after the answer', () => pings >= 2);
      sampler.stop();
      answerPing!();
      expect(seen.length).toBeGreaterThanOrEqual(1);
    });
  });
});

describe('the signal sampler, sample by sample', () => {
  /** Probes whose readings the test sets, counting the queue reads, and a clock the test moves. */
  function rig(options: { tauMs?: number } = {}) {
    const readings = { delayMs: 0, utilization: 0, redisUp: true, latencyMs: 0 as number | null, queue: { waiting: 0, active: 0, finished: 0, workers: 1 } as QueueReading, queueFails: false };
    let queueReads = 0;
    let now = 5_000;
    const probes: OverloadProbes = {
      eventLoop: () => ({ delayMs: readings.delayMs, utilization: readings.utilization }),
      memory: () => ({ heapUsedBytes: 300, heapLimitBytes: 1000, rssBytes: 700 }),
      redis: async () => ({ up: readings.redisUp, latencyMs: readings.latencyMs }),
      queue: async () => {
        queueReads += 1;
        if (readings.queueFails) throw new Error('queue read failed');
        return { ...readings.queue };
      },
    };
    const sampler = new SignalSampler({ probes, clock: () => now, rssLimitBytes: 1000, onSample: () => undefined, ...options });
    return { readings, sampler, queueReads: () => queueReads, after: (ms: number) => ((now += ms), sampler.sampleOnce()), now: () => now };
  }

  it('gives the first sample no weight: its readings (start-up work) leave the smoothed signals calm', async () => {
    const { readings, sampler } = rig();
    Object.assign(readings, { delayMs: 400, utilization: 1, latencyMs: 300 });
    expect((await sampler.sampleOnce()).signals).toMatchObject({ eventLoopDelayMs: 0, eventLoopUtilization: 0, redisLatencyMs: 0 });
  });

  it('moves the event loop and Redis readings 63 % of the way in one 2 s time constant, by default', async () => {
    const { readings, sampler, after } = rig();
    await sampler.sampleOnce();
    Object.assign(readings, { delayMs: 100, utilization: 0.5, latencyMs: 40 });
    const { signals } = await after(2000);
    const share = 1 - Math.exp(-1);
    expect(signals.eventLoopDelayMs).toBeCloseTo(100 * share, 9);
    expect(signals.eventLoopUtilization).toBeCloseTo(0.5 * share, 9);
    expect(signals.redisLatencyMs).toBeCloseTo(40 * share, 9);
  });

  it('smooths with the time constant it is given', async () => {
    const { readings, sampler, after } = rig({ tauMs: 500 });
    await sampler.sampleOnce();
    readings.delayMs = 100;
    expect((await after(500)).signals.eventLoopDelayMs).toBeCloseTo(100 * (1 - Math.exp(-1)), 9);
  });

  it('keeps the smoothed Redis latency while Redis does not answer, and does not read the queue then', async () => {
    const { readings, sampler, queueReads, after } = rig();
    await sampler.sampleOnce();
    readings.latencyMs = 40;
    const up = await after(2000);
    expect(queueReads()).toBe(2);
    Object.assign(readings, { redisUp: false, latencyMs: null });
    const down = await after(2000);
    expect(queueReads()).toBe(2);
    expect(down.redisUp).toBe(false);
    expect(down.signals.redisLatencyMs).toBe(up.signals.redisLatencyMs);
  });

  it('keeps the last queue reading when reading the queue fails', async () => {
    const { readings, sampler, after } = rig();
    readings.queue = { waiting: 4, active: 1, finished: 9, workers: 2 };
    await sampler.sampleOnce();
    readings.queueFails = true;
    const sample = await after(500);
    expect(sample.redisUp).toBe(true);
    expect(sample.queue).toEqual({ waiting: 4, active: 1, workers: 2, drainPerSecond: null, paused: false });
  });

  it('has no queue and no backlog before the first reading', async () => {
    const { readings, sampler } = rig();
    readings.queueFails = true;
    const sample = await sampler.sampleOnce();
    expect(sample.queue).toBeNull();
    expect(sample.signals).toMatchObject({ backlogSeconds: 0, noWorkers: 0 });
  });

  it('says when printing is paused, and does not count a paused queue as draining nothing', async () => {
    const { readings, sampler, after } = rig();
    readings.queue = { waiting: 10, active: 0, finished: 0, workers: 1, paused: true };
    await sampler.sampleOnce();
    const sample = await after(1000);
    expect(sample.queue).toMatchObject({ paused: true, drainPerSecond: null });
    expect(sample.signals.backlogSeconds).toBe(0);
  });

  it('counts an unknown number of workers (CLIENT LIST refused) as no evidence of none', async () => {
    const { readings, sampler } = rig();
    readings.queue = { waiting: 0, active: 0, finished: 0, workers: null };
    const sample = await sampler.sampleOnce();
    expect(sample.queue!.workers).toBeNull();
    expect(sample.signals.noWorkers).toBe(0);
  });

  it('reports when it sampled, and the raw memory figures beside their ratios', async () => {
    const { sampler, now } = rig();
    const sample = await sampler.sampleOnce();
    expect(sample.at).toBe(now());
    expect(sample.memory).toEqual({ heapUsedBytes: 300, rssBytes: 700 });
    expect(sample.signals).toMatchObject({ heapUsedRatio: 0.3, rssRatio: 0.7, redisDown: 0, databaseDown: 0 });
  });

  it('measures the backlog from the rate measured while there was work, capped at a day', async () => {
    const { readings, sampler, after } = rig();
    // One worker, so the rate starts from the assumed 1 job a second; then 0.5 jobs a second are measured.
    readings.queue = { waiting: 30, active: 1, finished: 0, workers: 1 };
    await sampler.sampleOnce();
    readings.queue = { waiting: 30, active: 1, finished: 1, workers: 1 };
    const sample = await after(2000);
    const rate = 1 + (1 - Math.exp(-2000 / 10_000)) * (0.5 - 1);
    expect(sample.queue!.drainPerSecond).toBeCloseTo(rate, 9);
    expect(sample.signals.backlogSeconds).toBeCloseTo(30 / rate, 9);
  });
});

describe('the signal sampler’s timer', () => {
  afterEach(() => jest.useRealTimers());

  const quietProbes = (): OverloadProbes => ({
    eventLoop: () => ({ delayMs: 0, utilization: 0 }),
    memory: () => ({ heapUsedBytes: 1, heapLimitBytes: 10, rssBytes: 1 }),
    redis: async () => ({ up: true, latencyMs: 1 }),
    queue: async () => ({ waiting: 0, active: 0, finished: 0, workers: 1 }),
  });

  it('samples every 500 ms by default, on a timer that does not keep the process alive', async () => {
    jest.useFakeTimers();
    const seen: Sample[] = [];
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    const sampler = new SignalSampler({ probes: quietProbes(), clock: () => Date.now(), rssLimitBytes: 100, onSample: (s) => seen.push(s) });
    sampler.start();
    const timer = setIntervalSpy.mock.results[0]!.value as NodeJS.Timeout;
    setIntervalSpy.mockRestore();
    expect(timer.hasRef()).toBe(false);
    await jest.advanceTimersByTimeAsync(499);
    expect(seen).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(seen).toHaveLength(3);
    sampler.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(seen).toHaveLength(3);
  });

  it('keeps sampling after a probe throws', async () => {
    jest.useFakeTimers();
    let calls = 0;
    const probes = quietProbes();
    const seen: Sample[] = [];
    const sampler = new SignalSampler({
      probes: { ...probes, redis: async () => ((calls += 1), calls === 1 ? Promise.reject(new Error('socket closed')) : probes.redis()) },
      clock: () => Date.now(),
      rssLimitBytes: 100,
      onSample: (s) => seen.push(s),
      intervalMs: 100,
    });
    sampler.start();
    await jest.advanceTimersByTimeAsync(300);
    sampler.stop();
    expect(calls).toBe(3);
    expect(seen).toHaveLength(2);
  });

  it('can be stopped before it was started, and started again after a stop', async () => {
    jest.useFakeTimers();
    const seen: Sample[] = [];
    const sampler = new SignalSampler({ probes: quietProbes(), clock: () => Date.now(), rssLimitBytes: 100, onSample: (s) => seen.push(s), intervalMs: 100 });
    sampler.stop();
    sampler.start();
    sampler.stop();
    sampler.start();
    await jest.advanceTimersByTimeAsync(100);
    sampler.stop();
    expect(seen).toHaveLength(1);
  });
});
