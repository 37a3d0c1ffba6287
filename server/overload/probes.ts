/** The event loop since the previous reading. */
export interface EventLoopReading {
  /** Mean delay of the loop's timers beyond the monitor's resolution, milliseconds. */
  delayMs: number;
  /** Share of the time the loop was busy, 0-1. */
  utilization: number;
}

export interface MemoryReading {
  heapUsedBytes: number;
  /** V8's heap size limit, bytes. */
  heapLimitBytes: number;
  rssBytes: number;
}

export interface RedisReading {
  up: boolean;
  /** PING round trip, milliseconds; null when Redis did not answer. */
  latencyMs: number | null;
}

export interface DatabaseReading {
  up: boolean;
  /** `select 1` round trip, milliseconds; null when PostgreSQL did not answer. */
  latencyMs: number | null;
}

export interface QueueReading {
  /** Jobs waiting or delayed (retries): the backlog. */
  waiting: number;
  /** Jobs being rendered. */
  active: number;
  /** Jobs completed or failed so far (a counter). */
  finished: number;
  /** Worker processes connected to the queue; null when it cannot be told (CLIENT LIST refused). */
  workers: number | null;
  /** An admin paused printing (BullMQ's global pause): nothing drains, by decision rather than overload. Absent reads as not paused. */
  paused?: boolean;
}

/**
 * Everything the sampler measures, behind one interface so tests can feed made-up readings instead
 * of loading the event loop (process-probes.ts and redis-probes.ts are the real ones).
 */
export interface OverloadProbes {
  eventLoop(): EventLoopReading;
  memory(): MemoryReading;
  redis(): Promise<RedisReading>;
  /** Read only while Redis is up. */
  queue(): Promise<QueueReading>;
  /** PostgreSQL (database-probe.ts); read as up and instant when absent. */
  database?(): Promise<DatabaseReading>;
}
