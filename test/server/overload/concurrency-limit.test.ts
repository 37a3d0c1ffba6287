import { ConcurrencyLimit } from '../../../server/overload/concurrency-limit';
import { LoopLagMeter } from '../../../server/overload/loop-lag-meter';
import { IN_FLIGHT_SHARE } from '../../../server/overload/route-kind';

describe('ConcurrencyLimit', () => {
  it('starts at its ceiling, with each priority capped at its share', () => {
    const limit = new ConcurrencyLimit({ max: 200 });
    expect(limit.limit).toBe(200);
    expect(limit.caps).toEqual(IN_FLIGHT_SHARE.map((share) => Math.max(1, Math.floor(200 * share))));
    expect(limit.caps.at(-1)).toBe(Number.POSITIVE_INFINITY);
  });

  describe('when the loop lags past the target', () => {
    it('cuts the limit by a quarter each window when it lags a little, by half when it lags twice the target', () => {
      const limit = new ConcurrencyLimit({ max: 256, min: 16, targetLagMs: 10 });
      expect(limit.update(12)).toBe(192);
      expect(limit.update(15)).toBe(128);
      expect(limit.update(40)).toBe(64);
    });

    it('goes no lower than the floor', () => {
      const limit = new ConcurrencyLimit({ max: 256, min: 16, targetLagMs: 10 });
      for (let i = 0; i < 20; i++) limit.update(40);
      expect(limit.limit).toBe(16);
      expect(limit.caps[0]).toBe(8); // anonymous reads: half of it
    });

    it('cuts even when few requests are in flight (the cores are busy with other work)', () => {
      const limit = new ConcurrencyLimit({ max: 100, targetLagMs: 10 });
      limit.noteInFlight(2);
      expect(limit.update(11)).toBe(75);
    });
  });

  describe('when the loop keeps up', () => {
    it('grows by a tenth per window while the limit is nearly full, up to the ceiling', () => {
      const limit = new ConcurrencyLimit({ max: 100, min: 10, targetLagMs: 10 });
      for (let i = 0; i < 10; i++) limit.update(50);
      expect(limit.limit).toBe(10);
      limit.noteInFlight(9);
      expect(limit.update(1)).toBe(11);
      limit.noteInFlight(11);
      expect(limit.update(1)).toBe(13);
      for (let i = 0; i < 50; i++) {
        limit.noteInFlight(limit.limit);
        limit.update(0);
      }
      expect(limit.limit).toBe(100);
    });

    it('stays put while the limit is far from full: an idle window teaches nothing', () => {
      const limit = new ConcurrencyLimit({ max: 100, targetLagMs: 10 });
      limit.update(12);
      limit.noteInFlight(10);
      expect(limit.update(0)).toBe(75);
    });

    it('forgets the peak of a window once the window is over', () => {
      const limit = new ConcurrencyLimit({ max: 100, targetLagMs: 10 });
      limit.update(12); // 75
      limit.noteInFlight(75);
      expect(limit.update(0)).toBe(83);
      expect(limit.update(0)).toBe(83);
    });
  });

  it('never sets a floor above its ceiling', () => {
    const limit = new ConcurrencyLimit({ max: 4, min: 16 });
    expect(limit.update(100)).toBe(4);
  });
});

describe('LoopLagMeter', () => {
  it('reports the worst lag of each window, seeing a blocked loop', async () => {
    const meter = new LoopLagMeter();
    const windows: number[] = [];
    meter.start((lag) => windows.push(lag));
    try {
      await new Promise((r) => setTimeout(r, 150));
      const until = performance.now() + 60;
      while (performance.now() < until) {
        // Block the loop for 60 ms, as a burst of synchronous work would.
      }
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      meter.stop();
    }
    expect(windows.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...windows)).toBeGreaterThanOrEqual(40);
    expect(windows.every((w) => w >= 0)).toBe(true);
  });
});
