import { IN_FLIGHT_SHARE } from './route-kind';

export interface ConcurrencyLimitOptions {
  /** The largest limit and the starting one: MAX_IN_FLIGHT. */
  max: number;
  /** The smallest limit: below this, even a calm loop would turn away work it could do. */
  min?: number;
  /** Worst event-loop lag in a window above which the limit may be cut, milliseconds. */
  targetLagMs?: number;
  /**
   * Latency goal of an admitted request, milliseconds from the gate letting it in to its answer
   * (its sojourn). A window whose quickest answer took longer has a standing queue.
   */
  sojournGoalMs?: number;
}

/** Smallest limit unless told: enough for a download and a print job to get through beside anonymous reads. */
export const DEFAULT_MIN_LIMIT = 16;
/**
 * Worst lag in a window above which the limit may be cut, milliseconds. A request takes a few turns of
 * the loop (gate, rate-limit round trip, answer), so a loop that lags 10 ms already costs an admitted
 * request tens of milliseconds: the downloads target is 50 ms at p99.
 */
export const DEFAULT_TARGET_LAG_MS = 10;
/**
 * Latency goal of an admitted request unless told, milliseconds (gate to answer): the downloads' p99
 * target. When even the quickest request of a window took longer, requests are waiting behind each
 * other in the process, and downloads, which share its loop, wait too. Measured with
 * `npm run bench:neighbour` (a calm 10-connection client beside `stress-ng --cpu 4` at load 14 to 17 on
 * 2 cores): a goal of 25 ms still shed 9 to 38 % of the calm client's reads, 50 ms none.
 */
export const DEFAULT_SOJOURN_GOAL_MS = 50;
/** Share kept when the loop lags just past the target: the cut of additive-increase, multiplicative-decrease. */
const DECREASE = 0.75;
/** Share kept when the loop lags far past it (twice the target or more): a flood is met within a few windows. */
const STEEPEST_DECREASE = 0.5;
/** Share added per calm window while the limit is in use, so recovery takes a second or two, not a minute. */
const INCREASE = 0.1;
/**
 * A window without a standing queue grows the limit when this share of it was in use, when the gate
 * turned a request away for want of a place, or when the loop was mostly idle: then the limit is what
 * holds requests back, or soon may be.
 */
const IN_USE = 0.8;
/**
 * A window cuts the limit only when the loop was busy for at least this share of it. A loop that lags
 * while mostly idle was paused (other processes took the cores, the heap was collected), and a cut
 * would only turn away the next burst.
 */
const BUSY_FOR_CUT = 0.5;

/** What admitted requests experienced in one window, noted by the gate as each one is answered. */
interface SojournWindow {
  /** Requests answered (or closed) in the window. */
  answered: number;
  /** The quickest of their sojourns, milliseconds (Infinity when none was answered). */
  quickestMs: number;
}

/**
 * How many requests this process lets into Express at once, learnt from its own event loop and from
 * how long admitted requests actually wait. Each window (LoopLagMeter, 100 ms) the limit is cut only
 * when both say the process is overrun:
 * - the loop lagged past the target while it was busy at least half the window, and
 * - admitted requests queued: even the quickest answer of the window took longer than the latency
 *   goal (CoDel's test for a standing queue: a queue that drains at least once in a window is a burst,
 *   not a backlog), or nothing was answered in the whole window while requests were in flight.
 * The cut is by a quarter, up to a half when the loop lagged twice the target or more. A neighbour that
 * takes the cores makes the loop lag, but as long as some request of every window is still answered
 * within the goal, the limit is not what makes the wait and a cut would only shed a load the server
 * still answers in time: so a busy machine never pushes the limit down to its floor by itself.
 * The limit grows by a tenth in a window without a standing queue (or without lag) in which it was
 * nearly full, a request was turned away for want of a place, or the loop was mostly idle: additive
 * increase, multiplicative decrease, as TCP does.
 * The gate compares requests in flight with `caps[priority]` (the limit times the priority's share),
 * so anonymous reads are turned away first, with an answer built in advance, before the queue reaches
 * the downloads. The per-request cost is a comparison, `noteInFlight`, and `noteAnswered` with one
 * subtraction done by the gate.
 */
export class ConcurrencyLimit {
  readonly max: number;
  readonly min: number;
  readonly targetLagMs: number;
  readonly sojournGoalMs: number;
  private current: number;
  private peak = 0;
  private refused = 0;
  private window: SojournWindow = { answered: 0, quickestMs: Number.POSITIVE_INFINITY };
  /** Requests in flight when the current window began (as the last update was told). */
  private inFlightAtStart = 0;
  /** The cap of each priority (index = priority), recomputed when the limit changes. */
  caps: number[] = [];

  constructor(options: ConcurrencyLimitOptions) {
    this.max = options.max;
    this.min = Math.min(options.min ?? DEFAULT_MIN_LIMIT, options.max);
    this.targetLagMs = options.targetLagMs ?? DEFAULT_TARGET_LAG_MS;
    this.sojournGoalMs = options.sojournGoalMs ?? DEFAULT_SOJOURN_GOAL_MS;
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

  /** Called as an admitted request is answered or closed, with its sojourn: milliseconds since the gate let it in. */
  noteAnswered(sojournMs: number): void {
    const w = this.window;
    w.answered += 1;
    if (sojournMs < w.quickestMs) w.quickestMs = sojournMs;
  }

  /** Called when the gate turns a request away for want of a place under its priority's cap. */
  noteRefused(): void {
    this.refused += 1;
  }

  /**
   * One window's evidence: the worst event-loop lag seen in it, milliseconds, the share of it the loop
   * was busy (event-loop utilisation, 0-1), and the requests in flight at its end; with what the gate
   * noted during the window. Returns the new limit. Pure arithmetic on what was noted, so tests drive
   * it without a loop to load.
   */
  update(worstLagMs: number, utilization: number, inFlightNow = 0): number {
    const before = this.current;
    const { peak, refused } = this;
    const { answered, quickestMs } = this.window;
    const inFlightAtStart = this.inFlightAtStart;
    this.peak = 0;
    this.refused = 0;
    this.window = { answered: 0, quickestMs: Number.POSITIVE_INFINITY };
    this.inFlightAtStart = inFlightNow;

    const lagging = worstLagMs > this.targetLagMs;
    // Nothing answered for a whole window (longer than the goal) while requests were in flight: each of
    // those has waited past the goal, the same evidence as a slow quickest answer.
    const queueing = answered > 0 ? quickestMs > this.sojournGoalMs : inFlightAtStart > 0;
    const answeredInTime = answered > 0 && !queueing;
    if (lagging && queueing) {
      if (utilization >= BUSY_FOR_CUT) {
        const keep = Math.max(STEEPEST_DECREASE, Math.min(DECREASE, this.targetLagMs / worstLagMs));
        this.current = Math.max(this.min, Math.floor(this.current * keep));
      }
    } else if ((!lagging || answeredInTime) && (peak >= this.current * IN_USE || refused > 0 || utilization < BUSY_FOR_CUT)) {
      this.current = Math.min(this.max, this.current + Math.max(1, Math.ceil(this.current * INCREASE)));
    }
    if (this.current !== before) this.setCaps();
    return this.current;
  }

  private setCaps(): void {
    this.caps = IN_FLIGHT_SHARE.map((share) => Math.max(1, Math.floor(this.current * share)));
  }
}
