/** What the watchdog knows about the BullMQ worker it guards. Times are milliseconds since the epoch. */
export interface WatchdogState {
  /** The last Redis round trip that succeeded, or when the current worker was made if later. */
  lastRoundTripAt: number;
  /** Since when the BullMQ worker's main loop has not been running, or null while it runs. */
  notRunningSince: number | null;
  /** Since when jobs have been waiting while this worker had a free slot and took none, or null. */
  idleWithBacklogSince: number | null;
}

/**
 * Whether the BullMQ worker is stuck and must be replaced, and why: no successful Redis round trip for
 * `limitMs` (a dead or half-open connection), a main loop that stopped, or jobs waiting for `limitMs`
 * while this worker had room and took none (a blocking connection that never wakes up). Null when healthy.
 */
export function watchdogVerdict(state: WatchdogState, now: number, limitMs: number): string | null {
  const seconds = (since: number) => `${Math.round((now - since) / 100) / 10} s`;
  if (now - state.lastRoundTripAt > limitMs) return `no successful Redis round trip for ${seconds(state.lastRoundTripAt)}`;
  if (state.notRunningSince !== null && now - state.notRunningSince > limitMs) return `the BullMQ worker has not been running for ${seconds(state.notRunningSince)}`;
  if (state.idleWithBacklogSince !== null && now - state.idleWithBacklogSince > limitMs) {
    return `jobs have been waiting for ${seconds(state.idleWithBacklogSince)} while this worker had a free slot and took none`;
  }
  return null;
}
