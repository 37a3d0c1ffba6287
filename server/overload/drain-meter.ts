import { ewma } from './ewma';

/** Render rate assumed per live worker before any has been measured, jobs per second. */
export const ASSUMED_JOBS_PER_WORKER_PER_SECOND = 1;
/** Time constant of the drain rate's smoothing, milliseconds: slow, since renders come in bursts. */
const DRAIN_TAU_MS = 10_000;

/**
 * The rate the print queue drains at, from the count of finished jobs (completed + failed) over time.
 * Only intervals in which there was work count: an idle queue says nothing about how fast it drains,
 * and neither does a paused one (an admin stopped printing): the rate measured before the pause is
 * kept, so the backlog cap and the wait estimates are right again the moment printing resumes.
 */
export class DrainMeter {
  private last: { finished: number; at: number } | null = null;
  private rate: number | null = null;

  /**
   * @param finished Jobs completed or failed so far (a counter; a drop, when old jobs are removed, counts as 0).
   * @param pending Jobs waiting or being rendered now.
   * @param workers Live worker processes.
   * @param now Milliseconds.
   * @param paused Printing is paused by an admin: the interval is not measured.
   */
  update(finished: number, pending: number, workers: number, now: number, paused = false): void {
    const last = this.last;
    this.last = { finished, at: now };
    if (!last || now <= last.at || paused) return;
    const done = Math.max(0, finished - last.finished);
    if (pending === 0 && done === 0) return;
    const perSecond = (done * 1000) / (now - last.at);
    const seed = this.rate ?? workers * ASSUMED_JOBS_PER_WORKER_PER_SECOND;
    this.rate = ewma(seed, perSecond, now - last.at, DRAIN_TAU_MS);
  }

  /** Jobs per second; null until the queue has had work while measured. */
  perSecond(): number | null {
    return this.rate;
  }
}
