/**
 * What the sampler measured, smoothed. Every value grows with trouble, so one rule shape (enter at a
 * high mark, leave below a low mark) fits them all. (A type, not an interface, so it passes as the
 * status contract's plain record of numbers.)
 */
export type Signals = {
  /** Event-loop delay beyond the monitor's resolution, mean over the last interval, smoothed; milliseconds. */
  eventLoopDelayMs: number;
  /** Share of the last interval the event loop was busy, smoothed; 0-1. */
  eventLoopUtilization: number;
  /** V8 heap used over the heap size limit; 0-1. */
  heapUsedRatio: number;
  /** Resident set size over RSS_LIMIT_MB; 0-1, more when over. */
  rssRatio: number;
  /** 1 when Redis did not answer the last PING in time (or the connection is down), else 0. */
  redisDown: number;
  /** Redis PING round trip, smoothed; milliseconds. */
  redisLatencyMs: number;
  /** 1 when PostgreSQL did not answer the last `select 1` in time, else 0. */
  databaseDown: number;
  /** PostgreSQL `select 1` round trip, smoothed; milliseconds. */
  databaseLatencyMs: number;
  /** How long the waiting print jobs take to drain at the measured rate; seconds. */
  backlogSeconds: number;
  /** 1 when no worker process is connected to the print queue, else 0. */
  noWorkers: number;
};

export type SignalName = keyof Signals;

/** Signals of an idle, healthy process: where a fresh process starts. */
export const CALM_SIGNALS: Signals = {
  eventLoopDelayMs: 0,
  eventLoopUtilization: 0,
  heapUsedRatio: 0,
  rssRatio: 0,
  redisDown: 0,
  redisLatencyMs: 0,
  databaseDown: 0,
  databaseLatencyMs: 0,
  backlogSeconds: 0,
  noWorkers: 0,
};
