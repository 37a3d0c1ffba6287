import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { withTimeout } from '../common/node/with-timeout';
import { workerHeartbeatKey } from '../common/queue/names';
import type { WorkerHeartbeat } from '../common/queue/worker-heartbeat';
import { watchdogVerdict, type WatchdogState } from './watchdog';

/** How long closing steps that need Redis may take before they are given up, milliseconds. */
const CLOSE_STEP_TIMEOUT_MS = 2000;

export interface WorkerSupervisorDeps {
  /** This process's worker id (also the BullMQ worker name and the heartbeat key's suffix). */
  workerId: string;
  hostname: string;
  /** When the process started, milliseconds since the epoch. */
  startedAt: number;
  concurrency: number;
  /** Heartbeat interval, milliseconds; the key lives three times as long. */
  heartbeatMs: number;
  /** Replace the worker after this long stuck, milliseconds. */
  watchdogMs: number;
  /** A new Redis connection for BullMQ (maxRetriesPerRequest: null). */
  connect: () => Redis;
  /** A new BullMQ worker on that connection, its listeners attached, running. */
  createWorker: (connection: Redis) => Worker;
  /** Jobs in hand right now and completed since start, for the heartbeat. */
  load: () => { active: number; completed: number };
  logger: Logger;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/**
 * Owns the BullMQ worker and its Redis connection. Every heartbeatMs it writes the heartbeat key (the
 * round trip doubles as the watchdog's probe) and reads the length of the wait list; when the watchdog
 * finds the worker stuck for watchdogMs, it throws the worker and its connection away without waiting
 * for Redis, and makes new ones. Jobs the old worker held stay locked until their lock expires; then
 * BullMQ's stalled-job check hands them to a worker again, and the content-addressed PDF makes the
 * second pass a no-op when the first one got as far as storing it.
 */
export class WorkerSupervisor {
  private connection: Redis;
  private worker: Worker;
  private state: WatchdogState;
  private timer: NodeJS.Timeout | null = null;
  private beatInFlight = false;
  private replacing: Promise<void> | null = null;
  private closing = false;
  private recreations = 0;

  constructor(private readonly deps: WorkerSupervisorDeps) {
    this.connection = deps.connect();
    this.worker = this.makeWorker(this.connection);
    this.state = { lastRoundTripAt: deps.now(), notRunningSince: null, idleWithBacklogSince: null };
  }

  /** Starts the heartbeat and the watchdog (on an unref'd timer) and writes the first heartbeat. */
  start(): void {
    this.timer = setInterval(() => this.tick(), this.deps.heartbeatMs);
    this.timer.unref();
    this.tick();
  }

  /** Times the worker was replaced since start. */
  get recreationCount(): number {
    return this.recreations;
  }

  /** Stops taking jobs, waits for the jobs in hand, removes the heartbeat and closes the connection. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    await this.replacing;
    await this.worker.close();
    await withTimeout(this.connection.del(workerHeartbeatKey(this.deps.workerId)), CLOSE_STEP_TIMEOUT_MS).catch(() => undefined);
    await withTimeout(this.connection.quit(), CLOSE_STEP_TIMEOUT_MS).catch(() => undefined);
    this.connection.disconnect();
  }

  /**
   * For a close() that cannot finish (Redis frozen or gone): drops the connection, so the commands
   * stuck on it fail at once, and stops the worker without waiting for its jobs, whose locks then run
   * out and hand them to another worker. Does not wait for anything.
   */
  disconnect(): void {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    this.connection.disconnect();
    this.worker.close(true).catch(() => undefined);
  }

  private tick(): void {
    if (this.closing || this.replacing) return;
    const now = this.deps.now();
    const running = this.worker.isRunning();
    this.state.notRunningSince = running ? null : (this.state.notRunningSince ?? now);
    const verdict = watchdogVerdict(this.state, now, this.deps.watchdogMs);
    if (verdict) {
      this.replacing = this.replace(verdict).finally(() => (this.replacing = null));
      return;
    }
    if (!this.beatInFlight) void this.beat();
  }

  /** Writes the heartbeat and reads the backlog in one round trip. */
  private async beat(): Promise<void> {
    this.beatInFlight = true;
    const connection = this.connection;
    const { active, completed } = this.deps.load();
    const ttlMs = 3 * this.deps.heartbeatMs;
    const beat: WorkerHeartbeat = {
      id: this.deps.workerId,
      pid: process.pid,
      hostname: this.deps.hostname,
      startedAt: this.deps.startedAt,
      at: this.deps.now(),
      ttlMs,
      concurrency: this.deps.concurrency,
      active,
      completed,
      recreations: this.recreations,
    };
    try {
      const replies = await connection
        .multi()
        .set(workerHeartbeatKey(this.deps.workerId), JSON.stringify(beat), 'PX', ttlMs)
        .llen(this.worker.toKey('wait'))
        .exec();
      if (connection !== this.connection || !replies || replies.some(([err]) => err)) return;
      const now = this.deps.now();
      this.state.lastRoundTripAt = now;
      const waiting = Number(replies[1]![1]);
      const idleWithBacklog = waiting > 0 && this.deps.load().active < this.deps.concurrency;
      this.state.idleWithBacklogSince = idleWithBacklog ? (this.state.idleWithBacklogSince ?? now) : null;
    } catch {
      // The watchdog notices when this goes on for too long.
    } finally {
      this.beatInFlight = false;
    }
  }

  private async replace(reason: string): Promise<void> {
    this.recreations += 1;
    this.deps.logger.warn({ reason, recreations: this.recreations }, 'watchdog: the BullMQ worker is stuck; replacing it and its Redis connection');
    const oldWorker = this.worker;
    const oldConnection = this.connection;
    // Drop the connection first: commands stuck on it fail at once, so the forced close cannot hang on them.
    oldConnection.disconnect();
    await withTimeout(oldWorker.close(true), CLOSE_STEP_TIMEOUT_MS).catch((err: Error) => this.deps.logger.warn({ err: err.message }, 'watchdog: the old worker did not close cleanly'));
    if (this.closing) return;
    this.connection = this.deps.connect();
    this.worker = this.makeWorker(this.connection);
    this.state = { lastRoundTripAt: this.deps.now(), notRunningSince: null, idleWithBacklogSince: null };
    this.deps.logger.info({ recreations: this.recreations }, 'watchdog: new BullMQ worker started');
  }

  private makeWorker(connection: Redis): Worker {
    const worker = this.deps.createWorker(connection);
    worker.on('active', () => {
      if (worker === this.worker) this.state.idleWithBacklogSince = null;
    });
    return worker;
  }
}
