import { z } from 'zod';

/**
 * What a worker process writes under `workerHeartbeatKey(id)` (common/queue/names.ts) every
 * WORKER_HEARTBEAT_MS. The key expires after `ttlMs`, so a worker that dies or loses Redis drops out of
 * the count by itself; the server reads these to count live workers.
 */
export const workerHeartbeatSchema = z.object({
  /** The worker's id: host name, process id and a random suffix. */
  id: z.string().min(1),
  pid: z.number().int().positive(),
  hostname: z.string(),
  /** When the process started, milliseconds since the epoch. */
  startedAt: z.number().int().positive(),
  /** When this heartbeat was written, milliseconds since the epoch. */
  at: z.number().int().positive(),
  /** How long the key lives, milliseconds (three heartbeat intervals). */
  ttlMs: z.number().int().positive(),
  /** Jobs the process renders at once at most. */
  concurrency: z.number().int().positive(),
  /** Jobs in hand right now. */
  active: z.number().int().min(0),
  /** Jobs completed since the process started. */
  completed: z.number().int().min(0),
  /** Times the watchdog has replaced the BullMQ worker and its connection since the process started. */
  recreations: z.number().int().min(0),
});
export type WorkerHeartbeat = z.output<typeof workerHeartbeatSchema>;
