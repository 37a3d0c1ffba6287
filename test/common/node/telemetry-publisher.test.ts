import type { Redis } from 'ioredis';
import { TelemetryPublisher } from '../../../common/node/telemetry-publisher';
import type { TelemetryPoint } from '../../../common/queue/telemetry-point';

const point = { kind: 'worker', id: 'worker-x', at: 1 } as unknown as TelemetryPoint;

function fakeRedis(status: string, exec: () => Promise<unknown>) {
  const calls: string[] = [];
  const chain: Record<string, unknown> = {};
  for (const name of ['lpush', 'ltrim', 'pexpire', 'zadd', 'zremrangebyscore']) chain[name] = (...args: unknown[]) => (calls.push(`${name} ${String(args[0])}`), chain);
  chain.exec = exec;
  return { redis: { status, multi: () => chain } as unknown as Redis, calls };
}

describe('publishing telemetry points', () => {
  const logger = { debug: jest.fn() };

  it('writes the point, trims the list to the window and notes the process in the set of publishers', async () => {
    const { redis, calls } = fakeRedis('ready', async () => [[null, 1]]);
    const collect = jest.fn(async () => point);
    let now = 10_000;
    const publisher = new TelemetryPublisher({ redis, processId: 'worker-x', collect, logger, now: () => now, intervalMs: 2000, windowMs: 600_000 });
    now += 2000;
    expect(await publisher.publishOnce()).toBe(true);
    expect(collect).toHaveBeenCalledWith(2000);
    expect(calls).toEqual([
      'lpush rosette:telemetry:points:worker-x',
      'ltrim rosette:telemetry:points:worker-x',
      'pexpire rosette:telemetry:points:worker-x',
      'zadd rosette:telemetry:processes',
      'zremrangebyscore rosette:telemetry:processes',
      'pexpire rosette:telemetry:processes',
    ]);
  });

  it('skips the point, without throwing, while Redis is not connected, but still takes it (so the next covers one interval)', async () => {
    const exec = jest.fn(async () => [[null, 1]]);
    const { redis } = fakeRedis('reconnecting', exec);
    const collect = jest.fn(async () => point);
    const publisher = new TelemetryPublisher({ redis, processId: 'worker-x', collect, logger });
    expect(await publisher.publishOnce()).toBe(false);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(exec).not.toHaveBeenCalled();
  });

  it('skips the point when the write fails or collecting it throws', async () => {
    const failing = fakeRedis('ready', () => Promise.reject(new Error('Connection is closed.')));
    expect(await new TelemetryPublisher({ redis: failing.redis, processId: 'w', collect: async () => point, logger }).publishOnce()).toBe(false);
    const ok = fakeRedis('ready', async () => [[null, 1]]);
    expect(await new TelemetryPublisher({ redis: ok.redis, processId: 'w', collect: () => Promise.reject(new Error('boom')), logger }).publishOnce()).toBe(false);
  });

  it('runs on a timer that does not keep the process alive, and stops', async () => {
    const { redis } = fakeRedis('ready', async () => [[null, 1]]);
    const publisher = new TelemetryPublisher({ redis, processId: 'w', collect: async () => point, logger, intervalMs: 20 });
    publisher.start();
    const timer = (publisher as unknown as { timer: NodeJS.Timeout }).timer;
    expect(timer.hasRef()).toBe(false);
    await publisher.stop();
  });
});
