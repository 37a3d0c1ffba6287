import type { Logger } from 'pino';
import type { PrintQueue } from './print-queue';
import { recordStatusOf, type PrintRecordMirror } from './print-record-mirror';
import type { PrintRecordStore } from './print-record-store';

/** How often every server checks the unfinished print records against the queue, milliseconds. */
export const PRINT_RECORD_CATCH_UP_MS = 60_000;
/** Records read from PostgreSQL at a time. */
const PAGE = 200;

/** What one pass did. */
export interface CatchUpPass {
  /** Unfinished records looked at. */
  checked: number;
  /** Records brought up to the queue's state (done, failed, active ...). */
  updated: number;
  /** Records whose job the queue no longer holds, now `unknown`. */
  unknown: number;
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
 * A pass stops at the first error (Redis or PostgreSQL away) and the next one starts again; every
 * server runs one, and every write is idempotent.
 */
export class PrintRecordCatchUp {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<CatchUpPass | null> | null = null;

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
    const done: CatchUpPass = { checked: 0, updated: 0, unknown: 0 };
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
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err), ...done }, 'print record catch-up stopped; the next pass tries again');
      return null;
    }
    if (done.updated > 0 || done.unknown > 0) logger.info(done, 'print records caught up with the queue');
    return done;
  }
}
