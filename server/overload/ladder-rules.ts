import type { Mode } from './modes';
import type { SignalName } from './signals';

/** Why a mode was entered or is held: stable codes that the status API shows and tests assert on. */
export const REASONS = {
  eventLoopDelay: 'event_loop_delay',
  eventLoopUtilization: 'event_loop_utilization',
  heapUsed: 'heap_used',
  rss: 'rss',
  redisUnavailable: 'redis_unavailable',
  redisLatency: 'redis_latency',
  databaseUnavailable: 'database_unavailable',
  databaseLatency: 'database_latency',
  printBacklog: 'print_backlog',
  noWorkers: 'no_workers',
  /** The load went away: the ladder stepped down. */
  calm: 'calm',
} as const;

export type Reason = (typeof REASONS)[keyof typeof REASONS];

/** Enter a rung when the signal reaches `enter`; stay on it while the signal is at least `leave`. */
export interface WaterMarks {
  enter: number;
  leave: number;
}

/** One row of the rule table: a signal and its marks for each rung it can raise the ladder to. */
export interface LadderRule {
  signal: SignalName;
  reason: Reason;
  marks: Partial<Record<Exclude<Mode, 'normal'>, WaterMarks>>;
}

/**
 * The rule table (docs/overload.md, "Under overload", shows the same). Rows are in order of importance: when two
 * signals ask for the same rung, the first names the reason.
 *
 * | signal                 | busy enter/leave | degraded enter/leave | maintenance enter/leave |
 * | redisDown              |                  |                      | 1 / 1 (down / answering) |
 * | eventLoopDelayMs       | 40 / 20          | 150 / 75             | 1000 / 500               |
 * | heapUsedRatio          | 0.70 / 0.60      | 0.85 / 0.75          | 0.95 / 0.88              |
 * | rssRatio               | 0.70 / 0.60      | 0.85 / 0.75          | 0.95 / 0.88              |
 * | redisLatencyMs         | 50 / 20          | 250 / 100            |                          |
 * | databaseDown           | 1 / 1            |                      |                          |
 * | databaseLatencyMs      | 100 / 50         | 500 / 250            |                          |
 * | eventLoopUtilization   | 0.90 / 0.70      |                      |                          |
 * | backlogSeconds         | 60 / 30          |                      |                          |
 * | noWorkers              | 1 / 1            |                      |                          |
 *
 * PostgreSQL down goes no further than busy: downloads and share links (from their cache) need no
 * database, and what does gets a 503 of its own (DatabaseUnavailableError), so maintenance would stop
 * more than the outage does.
 * Utilisation alone never goes past busy: a loop that is busy but not late keeps up (shed answers are
 * cheap). The print backlog past PRINT_MAX_WAIT_SECONDS is refused per request by admission control
 * (admission.ts), which needs no ladder rung for it.
 */
export const LADDER_RULES: readonly LadderRule[] = [
  { signal: 'redisDown', reason: REASONS.redisUnavailable, marks: { maintenance: { enter: 1, leave: 1 } } },
  {
    signal: 'eventLoopDelayMs',
    reason: REASONS.eventLoopDelay,
    marks: { busy: { enter: 40, leave: 20 }, degraded: { enter: 150, leave: 75 }, maintenance: { enter: 1000, leave: 500 } },
  },
  {
    signal: 'heapUsedRatio',
    reason: REASONS.heapUsed,
    marks: { busy: { enter: 0.7, leave: 0.6 }, degraded: { enter: 0.85, leave: 0.75 }, maintenance: { enter: 0.95, leave: 0.88 } },
  },
  {
    signal: 'rssRatio',
    reason: REASONS.rss,
    marks: { busy: { enter: 0.7, leave: 0.6 }, degraded: { enter: 0.85, leave: 0.75 }, maintenance: { enter: 0.95, leave: 0.88 } },
  },
  { signal: 'redisLatencyMs', reason: REASONS.redisLatency, marks: { busy: { enter: 50, leave: 20 }, degraded: { enter: 250, leave: 100 } } },
  { signal: 'databaseDown', reason: REASONS.databaseUnavailable, marks: { busy: { enter: 1, leave: 1 } } },
  { signal: 'databaseLatencyMs', reason: REASONS.databaseLatency, marks: { busy: { enter: 100, leave: 50 }, degraded: { enter: 500, leave: 250 } } },
  { signal: 'eventLoopUtilization', reason: REASONS.eventLoopUtilization, marks: { busy: { enter: 0.9, leave: 0.7 } } },
  { signal: 'backlogSeconds', reason: REASONS.printBacklog, marks: { busy: { enter: 60, leave: 30 } } },
  { signal: 'noWorkers', reason: REASONS.noWorkers, marks: { busy: { enter: 1, leave: 1 } } },
];

/**
 * Least time in a mode before the ladder may step down from it, milliseconds. Stepping up is never
 * delayed. With the smoothing (a time constant of 2 s) this keeps a load that hovers at a mark from
 * switching more than once every few seconds, and still returns to normal within about 10 s of calm.
 */
export const MIN_TIME_IN_MODE_MS: Record<Exclude<Mode, 'normal'>, number> = { busy: 2000, degraded: 3000, maintenance: 3000 };
