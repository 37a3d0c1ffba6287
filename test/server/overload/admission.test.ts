import { backlogCap, drainRate, estimatedWaitSeconds, MIN_BACKLOG_CAP, retryAfterFullQueue } from '../../../server/overload/admission';

describe('admission control of print jobs', () => {
  it('caps the backlog at what drains in the longest wait, but never below the floor', () => {
    expect(backlogCap(2, 300)).toBe(600);
    expect(backlogCap(0.1, 300)).toBe(MIN_BACKLOG_CAP);
    expect(backlogCap(null, 300)).toBe(MIN_BACKLOG_CAP);
  });

  it('uses the measured rate, else assumes one from the live workers', () => {
    expect(drainRate(3.5, 1)).toBe(3.5);
    expect(drainRate(null, 2)).toBe(2);
    expect(drainRate(null, 0)).toBeNull();
    expect(drainRate(null, null)).toBeNull();
  });

  it('tells a refused campaigner to come back when the backlog will be under the cap again', () => {
    expect(retryAfterFullQueue(700, 600, 2)).toBe(51);
    expect(retryAfterFullQueue(600, 600, 2)).toBe(5); // at least 5 s
    expect(retryAfterFullQueue(10_000_000, 600, 0.001)).toBe(3600); // at most an hour
    expect(retryAfterFullQueue(700, 600, null)).toBe(60);
  });

  it('estimates the wait from the place in the queue', () => {
    expect(estimatedWaitSeconds(10, 4)).toBe(3);
    expect(estimatedWaitSeconds(null, 4)).toBeNull();
    expect(estimatedWaitSeconds(10, null)).toBeNull();
  });
});

describe('when the drain rate is zero or negative (a clock step, a bad reading)', () => {
  it('tells a refused campaigner to come back in a minute and estimates no wait', () => {
    expect(retryAfterFullQueue(700, 600, 0)).toBe(60);
    expect(retryAfterFullQueue(700, 600, -1)).toBe(60);
    expect(estimatedWaitSeconds(10, 0)).toBeNull();
    expect(estimatedWaitSeconds(10, -1)).toBeNull();
  });

  it('assumes one job per second per live worker when nothing was measured', () => {
    expect(drainRate(null, 3)).toBe(3);
  });
});
