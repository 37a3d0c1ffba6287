import { IN_FLIGHT_SHARE } from './route-kind';

export interface ConcurrencyLimitOptions {
  /** The largest limit and the starting one: MAX_IN_FLIGHT. */
  max: number;
  /** The smallest limit: below this, even a calm loop would turn away work it could do. */
  min?: number;
  /** Worst event-loop lag in a window above which the limit is cut, milliseconds. */
  targetLagMs?: number;
}

/** Smallest limit unless told: enough for a download and a print job to get through beside anonymous reads. */
export const DEFAULT_MIN_LIMIT = 16;
/**
 * Worst lag in a window above which the limit is cut, milliseconds. A request takes a few turns of the
 * loop (gate, rate-limit round trip, answer), so a loop that lags 10 ms already costs an admitted
 * request tens of milliseconds: the downloads target is 50 ms at p99.
 */
export const DEFAULT_TARGET_LAG_MS = 10;
/** Share kept when the loop lags just past the target: the cut of additive-increase, multiplicative-decrease. */
const DECREASE = 0.75;
/** Share kept when the loop lags far past it (twice the target or more): a flood is met within a few windows. */
const STEEPEST_DECREASE = 0.5;
/** Share added per calm window while the limit is in use, so recovery takes a second or two, not a minute. */
const INCREASE = 0.1;
/**
 * A window without lag grows the limit when this share of it was in use, or when the loop was mostly
 * idle: then the limit is not what holds requests back, and the next burst should find room.
 */
const IN_USE = 0.8;
/**
 * A lagging window cuts the limit only when the loop was busy for at least this share of it. A loop
 * that lags while mostly idle was paused (other processes took the cores, the heap was collected), and
 * a cut would only turn away the next burst. Requests in flight cannot tell the two apart: in a flood
 * they wait in the kernel's queues, not in the process (a saturated server had about 10 in flight).
 */
const BUSY_FOR_CUT = 0.5;

/**
 * How many requests this process lets into Express at once, learnt from its own event loop: the loop
 * lags when admitted work outruns the CPU this process gets (its own requests, or other processes on
 * the same cores), and every request in flight then waits longer. Each window (LoopLagMeter) the
 * limit is cut if the loop lagged past the target while it was busy at least half the window (by a
 * quarter, up to a half when it lagged twice the target or more), and grows by a tenth if it did not
 * lag while the limit was nearly full or the loop mostly idle: additive increase, multiplicative
 * decrease, as TCP does.
 * The gate compares requests in flight with `caps[priority]` (the limit times the priority's share),
 * so anonymous reads are turned away first, with an answer built in advance, before the lag reaches
 * the downloads. The per-request cost is one comparison and `noteInFlight`.
 */
export class ConcurrencyLimit {
  readonly max: number;
  readonly min: number;
  readonly targetLagMs: number;
  private current: number;
  private peak = 0;
  /** The cap of each priority (index = priority), recomputed when the limit changes. */
  caps: number[] = [];

  constructor(options: ConcurrencyLimitOptions) {
    this.max = options.max;
    this.min = Math.min(options.min ?? DEFAULT_MIN_LIMIT, options.max);
    this.targetLagMs = options.targetLagMs ?? DEFAULT_TARGET_LAG_MS;
    this.current = this.max;
    this.setCaps();
  }

  /** The limit now: requests of the top dynamic priority (downloads) let into Express at once. */
  get limit(): number {
    return this.current;
  }

  /** Called as a request is let through, with the count in flight including it. */
  noteInFlight(inFlight: number): void {
    if (inFlight > this.peak) this.peak = inFlight;
  }

  /**
   * One window's evidence: the worst event-loop lag seen in it, milliseconds, and the share of it the
   * loop was busy (event-loop utilisation, 0-1). Returns the new limit. Pure arithmetic on what was
   * noted, so tests drive it without a loop to load.
   */
  update(worstLagMs: number, utilization: number): number {
    const before = this.current;
    const peak = this.peak;
    this.peak = 0;
    if (worstLagMs > this.targetLagMs) {
      if (utilization >= BUSY_FOR_CUT) {
        const keep = Math.max(STEEPEST_DECREASE, Math.min(DECREASE, this.targetLagMs / worstLagMs));
        this.current = Math.max(this.min, Math.floor(this.current * keep));
      }
    } else if (peak >= this.current * IN_USE || utilization < BUSY_FOR_CUT) {
      this.current = Math.min(this.max, this.current + Math.max(1, Math.ceil(this.current * INCREASE)));
    }
    if (this.current !== before) this.setCaps();
    return this.current;
  }

  private setCaps(): void {
    this.caps = IN_FLIGHT_SHARE.map((share) => Math.max(1, Math.floor(this.current * share)));
  }
}
