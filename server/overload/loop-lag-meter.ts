import { performance } from 'node:perf_hooks';

/** Something that reports the event loop's worst lag once per window (tests give their own). */
export interface LoopLagSource {
  /**
   * Calls `onWindow` with the worst lag of each window, milliseconds, and the share of the window the
   * loop was busy (event-loop utilisation, 0-1), until stop().
   */
  start(onWindow: (worstLagMs: number, utilization: number) => void): void;
  stop(): void;
}

/** How often the meter's timer asks to run, milliseconds. */
const TICK_MS = 10;
/** Length of a window, milliseconds: short, so a flood is met within a few tenths of a second. */
export const LAG_WINDOW_MS = 100;

/**
 * Measures how late the event loop runs a timer that asks for every 10 ms, and reports the worst
 * lateness of each 100 ms window, with the window's event-loop utilisation. Unlike the sampler's 500 ms averages, the worst case of a short
 * window sees a queue of requests building up while it builds. The timer is unref()'d.
 */
export class LoopLagMeter implements LoopLagSource {
  private timer: NodeJS.Timeout | null = null;

  start(onWindow: (worstLagMs: number, utilization: number) => void): void {
    if (this.timer) return;
    let last = performance.now();
    let windowStart = last;
    let worst = 0;
    let elu = performance.eventLoopUtilization();
    this.timer = setInterval(() => {
      const t = performance.now();
      const lag = t - last - TICK_MS;
      last = t;
      if (lag > worst) worst = lag;
      if (t - windowStart >= LAG_WINDOW_MS) {
        const now = performance.eventLoopUtilization();
        onWindow(Math.max(0, worst), performance.eventLoopUtilization(now, elu).utilization);
        elu = now;
        worst = 0;
        windowStart = t;
      }
    }, TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
