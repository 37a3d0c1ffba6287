import { watchdogVerdict } from '../../worker/watchdog';

const LIMIT = 30_000;
const healthy = { lastRoundTripAt: 100_000, notRunningSince: null, idleWithBacklogSince: null };

describe('watchdogVerdict', () => {
  it('leaves a worker alone while Redis answers and it takes jobs', () => {
    expect(watchdogVerdict(healthy, 100_000 + LIMIT, LIMIT)).toBeNull();
  });

  it('replaces a worker with no successful Redis round trip for longer than the limit', () => {
    expect(watchdogVerdict(healthy, 100_000 + LIMIT + 1, LIMIT)).toBe('no successful Redis round trip for 30 s');
  });

  it('replaces a worker whose main loop has stopped for longer than the limit', () => {
    const state = { ...healthy, lastRoundTripAt: 140_000, notRunningSince: 100_000 };
    expect(watchdogVerdict(state, 140_000, LIMIT)).toBe('the BullMQ worker has not been running for 40 s');
    expect(watchdogVerdict(state, 120_000, LIMIT)).toBeNull();
  });

  it('replaces a worker that leaves jobs waiting while it has room, as a blocking connection that never wakes would', () => {
    const state = { ...healthy, lastRoundTripAt: 150_000, idleWithBacklogSince: 110_000 };
    expect(watchdogVerdict(state, 150_000, LIMIT)).toBe('jobs have been waiting for 40 s while this worker had a free slot and took none');
    expect(watchdogVerdict(state, 139_000, LIMIT)).toBeNull();
  });
});
