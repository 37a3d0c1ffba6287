import type { Logger } from 'pino';
import type { PrintQueue } from './print-queue';
import { recordStatusOf, type PrintRecordMirror } from './print-record-mirror';
import type { PrintRecordStore } from './print-record-store';

/** How often every server checks the unfinished print records against the queue, milliseconds. */
export const PRINT_RECORD_CATCH_UP_MS = 60_000;
/** Records read from PostgreSQL at a time, and the newest jobs of each queue state a pass looks for records of. */
const PAGE = 200;
/** Job ids read from the queue at a time when it is looked through whole. */
const DEEP_PAGE = 1000;
/** The queue's states whose jobs should each have a print record. */
const JOB_STATES = ['active', 'waiting', 'prioritized', 'delayed', 'completed', 'failed'] as const;

/** What one pass did. */
export interface CatchUpPass {
  /** Unfinished records looked at. */
  checked: number;
  /** Records brought up to the queue's state (done, failed, active ...). */
  updated: number;
  /** Records whose job the queue no longer holds, now `unknown`. */
  unknown: number;
  /** Jobs of the queue that had no record at all (every event of theirs missed), now recorded. */
  added: number;
}

/**
 * Print records follow the queue's events (print-record-mirror.ts), which reach only the servers
 * running when they happen: a job that finishes while no server runs, or while PostgreSQL is away, would
 * stay `waiting` in the history for ever. At start-up and then every PRINT_RECORD_CATCH_UP_MS (an
 * unref'd timer) this reads the records still waiting or active and asks the queue about each:
 * - a job in another state is mirrored again (its result: pages, PDF);
 * - a job the queue no longer holds (removed by an admin, dropped by its clean-up after KEEP_SECONDS,
 *   or lost with Redis) becomes `unknown`: no event said how it ended, and saying `failed` or `done`
 *   would be a guess. A later event of the same job (Redis restored) still writes its real state.
 * It also looks for jobs that have no record at all (their first event came while PostgreSQL was
 * away, or no server saw it) and writes one: among the newest PAGE jobs of each queue state at every
 * pass, and through the whole queue at start-up and after the mirror lost a write to a PostgreSQL
 * outage (the queue keeps up to 60,000 finished jobs: too many to read every minute).
 * A pass stops at the first error (Redis or PostgreSQL away) and the next one starts again; every
 * server runs one, and every write is idempotent.
 */
export class PrintRecordCatchUp {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<CatchUpPass | null> | null = null;
  /** The mirror's count of lost writes when the queue was last looked through whole; null: not yet. */
  private deepScannedAt: number | null = null;

  constructor(
    private readonly deps: { queue: PrintQueue; records: PrintRecordStore; mirror: PrintRecordMirror; logger: Logger; intervalMs?: number },
  ) {}

  /** One pass over every unfinished record; null when it stopped at an error. Passes never overlap. */
  runOnce(): Promise<CatchUpPass | null> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  start(): void {
    if (this.timer) return;
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.deps.intervalMs ?? PRINT_RECORD_CATCH_UP_MS);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async pass(): Promise<CatchUpPass | null> {
    const { queue, records, mirror, logger } = this.deps;
    const done: CatchUpPass = { checked: 0, updated: 0, unknown: 0, added: 0 };
    const lostWrites = mirror.notWritten;
    try {
      let after: { createdAt: number; id: string } | undefined;
      for (;;) {
        const page = await records.unfinished(PAGE, after);
        for (const record of page) {
          done.checked += 1;
          const job = await queue.queue.getJob(record.id);
          const status = job ? recordStatusOf(await job.getState()) : null;
          if (status === record.status) continue;
          // Mirrored again even when the queue has just dropped it: mirror() re-reads the job and says so.
          const outcome = status === null ? 'not-in-queue' : await mirror.mirror(record.id);
          if (outcome === 'written') done.updated += 1;
          else if (outcome === 'not-in-queue' && (await records.markUnknown(record.id))) done.unknown += 1;
        }
        if (page.length < PAGE) break;
        const last = page[page.length - 1]!;
        after = { createdAt: last.createdAt, id: last.id };
      }
      const deep = this.deepScannedAt !== lostWrites;
      done.added = await this.recordUnrecorded(deep);
      if (deep) this.deepScannedAt = lostWrites;
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err), ...done }, 'print record catch-up stopped; the next pass tries again');
      return null;
    }
    if (done.updated > 0 || done.unknown > 0 || done.added > 0) logger.info(done, 'print records caught up with the queue');
    return done;
  }

  /** Writes a record for each job of the queue that has none: the newest of each state, or (deep) all. @returns how many. */
  private async recordUnrecorded(deep: boolean): Promise<number> {
    const { queue, records, mirror } = this.deps;
    const size = deep ? DEEP_PAGE : PAGE;
    let added = 0;
    for (const state of JOB_STATES) {
      for (let start = 0; ; start += size) {
        const ids = await queue.queue.getRanges([state], start, start + size - 1);
        for (const id of await records.withoutRecord(ids)) {
          if ((await mirror.mirror(id)) === 'written') added += 1;
        }
        if (!deep || ids.length < size) break;
      }
    }
    return added;
  }
}
