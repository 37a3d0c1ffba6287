/** Something that reports the event loop's worst lag once per window (tests give their own). */
export interface LoopLagSource {
  /** Calls `onWindow` with the worst lag of each window, milliseconds, until stop(). */
  start(onWindow: (worstLagMs: number) => void): void;
  stop(): void;
}

/** How often the meter's timer asks to run, milliseconds. */
const TICK_MS = 10;
/** Length of a window, milliseconds: short, so a flood is met within a few tenths of a second. */
export const LAG_WINDOW_MS = 100;

/**
 * Measures how late the event loop runs a timer that asks for every 10 ms, and reports the worst
 * lateness of each 100 ms window. Unlike the sampler's 500 ms averages, the worst case of a short
 * window sees a queue of requests building up while it builds. The timer is unref()'d.
 */
export class LoopLagMeter implements LoopLagSource {
  private timer: NodeJS.Timeout | null = null;

  start(onWindow: (worstLagMs: number) => void): void {
    if (this.timer) return;
    let last = performance.now();
    let windowStart = last;
    let worst = 0;
    this.timer = setInterval(() => {
      const t = performance.now();
      const lag = t - last - TICK_MS;
      last = t;
      if (lag > worst) worst = lag;
      if (t - windowStart >= LAG_WINDOW_MS) {
        onWindow(Math.max(0, worst));
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
