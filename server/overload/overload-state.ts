import { AUTO_SWITCH, sameSwitch, type MaintenanceSwitch } from '../admin/maintenance-switch';
import { backlogCap, drainRate, estimatedWaitSeconds } from './admission';
import { effectiveMode } from './effective-mode';
import { initialLadderState, nextMode, type Cause, type LadderState } from './mode-ladder';
import { RUNG, type Mode } from './modes';
import type { Sample } from './signal-sampler';

/** A change of the effective mode, as the status API lists it. */
export interface ModeChange {
  /** ISO 8601. */
  at: string;
  from: Mode;
  to: Mode;
  /** The ladder's reason, or `admin_switch`. */
  reason: string;
}

/** Mode changes kept for the status API. */
const CHANGES_KEPT = 50;

/**
 * The numbers the gate reads on every request, kept up to date by the sampler (applySample) and the
 * switch follower (applySwitch). Reading them is a property access; all work happens on those two paths.
 */
export class OverloadState {
  /** What the gate acts on. */
  mode: Mode = 'normal';
  /** RUNG[mode], read per request. */
  rung = 0;
  ladder: LadderState;
  adminSwitch: MaintenanceSwitch = AUTO_SWITCH;
  redisUp = true;
  latest: Sample | null = null;
  /** Print jobs waiting, as last sampled. */
  waiting = 0;
  /** Print jobs the gate let through since the last sample (not yet in `waiting`). */
  admittedSinceSample = 0;
  /** Most waiting print jobs admission control lets in. */
  backlogCap: number;
  /** Jobs per second the queue drains at (measured or assumed); null when unknown. */
  rate: number | null = null;
  /**
   * An admin paused printing (BullMQ's global pause): jobs are still accepted up to the backlog cap,
   * but nobody can say when they start, so no wait is estimated.
   */
  printingPaused = false;
  readonly changes: ModeChange[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly clock: () => number,
    /** PRINT_MAX_WAIT_SECONDS. */
    private readonly maxWaitSeconds: number,
  ) {
    this.ladder = initialLadderState(clock());
    this.backlogCap = backlogCap(null, maxWaitSeconds);
  }

  /** Runs the ladder on a new sample. */
  applySample(sample: Sample): void {
    this.latest = sample;
    this.ladder = nextMode(this.ladder, sample.signals, sample.at);
    this.redisUp = sample.redisUp;
    if (sample.queue) {
      this.waiting = sample.queue.waiting;
      this.rate = drainRate(sample.queue.drainPerSecond, sample.queue.workers);
      this.backlogCap = backlogCap(this.rate, this.maxWaitSeconds);
      this.printingPaused = sample.queue.paused;
    }
    this.admittedSinceSample = 0;
    this.update();
  }

  /** Takes a new copy of the admin's switch (ignored when nothing changed). */
  applySwitch(adminSwitch: MaintenanceSwitch): void {
    if (sameSwitch(adminSwitch, this.adminSwitch)) return;
    this.adminSwitch = adminSwitch;
    this.update();
  }

  /** Why the gate is where it is: the admin's switch, or the ladder's signal. */
  cause(): Cause | { reason: 'admin_switch'; switch: MaintenanceSwitch } | null {
    if (this.adminSwitch.mode === 'on' || (this.adminSwitch.mode === 'off' && this.mode !== this.ladder.mode)) return { reason: 'admin_switch', switch: this.adminSwitch };
    return this.ladder.cause;
  }

  /** This process paused or resumed printing: known at once here, by the other processes at their next sample. */
  applyPaused(paused: boolean): void {
    if (paused === this.printingPaused) return;
    this.printingPaused = paused;
    this.update();
  }

  /** Seconds until a job at this place in the queue starts rendering; null when unknown (always while printing is paused). */
  estimatedWaitSeconds(position: number | null): number | null {
    return this.printingPaused ? null : estimatedWaitSeconds(position, this.rate);
  }

  /** Calls `listener` after every sample and every switch change (to rebuild precomputed answers). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(): void {
    const mode = effectiveMode(this.ladder, this.adminSwitch);
    const from = this.mode;
    if (mode !== from) {
      this.mode = mode;
      this.rung = RUNG[mode];
      this.changes.unshift({ at: new Date(this.clock()).toISOString(), from, to: mode, reason: this.cause()?.reason ?? 'calm' });
      this.changes.length = Math.min(this.changes.length, CHANGES_KEPT);
    }
    for (const listener of this.listeners) listener();
  }
}
