import { DrainMeter } from '../../../server/overload/drain-meter';
import { OverloadState } from '../../../server/overload/overload-state';

describe('the drain meter while printing is paused', () => {
  it('keeps the rate measured before the pause, and measures again from the resume', () => {
    const meter = new DrainMeter();
    meter.update(0, 10, 1, 0);
    meter.update(10, 10, 1, 10_000); // 1 job/s
    const before = meter.perSecond()!;
    expect(before).toBeGreaterThan(0.5);
    // Paused for a minute with jobs waiting and none finishing: not a slow queue, a stopped one.
    for (let t = 10_500; t <= 70_000; t += 500) meter.update(10, 50, 1, t, true);
    expect(meter.perSecond()).toBe(before);
    // Resumed: the first interval counts from the resume, not from before the pause.
    meter.update(12, 48, 1, 71_000);
    expect(meter.perSecond()!).toBeGreaterThan(before);
  });
});

describe('the overload state while printing is paused', () => {
  it('estimates no wait (nobody can say when the queue starts again), and estimates again once resumed', () => {
    const state = new OverloadState(() => 0, 300);
    state.rate = 2;
    expect(state.estimatedWaitSeconds(10)).toBe(5);
    state.applyPaused(true);
    expect(state.estimatedWaitSeconds(10)).toBeNull();
    state.applyPaused(false);
    expect(state.estimatedWaitSeconds(10)).toBe(5);
  });
});
