import { MIN_TIME_IN_MODE_MS, REASONS } from '../../../server/overload/ladder-rules';
import { initialLadderState, nextMode, type LadderState } from '../../../server/overload/mode-ladder';
import type { Mode } from '../../../server/overload/modes';
import { CALM_SIGNALS, type Signals } from '../../../server/overload/signals';

/** The mode a fresh (normal) ladder steps up to when one signal has this value. */
const modeAt = (signal: keyof Signals, value: number) => nextMode(initialLadderState(0), { ...CALM_SIGNALS, [signal]: value }, 1).mode;
/** The mode a ladder that has been in `mode` for a minute steps to when one signal has this value. */
const modeFrom = (mode: Mode, signal: keyof Signals, value: number) => {
  const start: LadderState = { mode, since: 0, cause: null };
  return nextMode(start, { ...CALM_SIGNALS, [signal]: value }, 60_000).mode;
};

/**
 * The rule table of docs/overload.md ("Under overload"), written out again here so that a change to a mark
 * in ladder-rules.ts shows as a failing row: [signal, rung, enter, leave].
 */
const TABLE: Array<[keyof Signals, Exclude<Mode, 'normal'>, number, number]> = [
  ['redisDown', 'maintenance', 1, 1],
  ['eventLoopDelayMs', 'busy', 40, 20],
  ['eventLoopDelayMs', 'degraded', 150, 75],
  ['eventLoopDelayMs', 'maintenance', 1000, 500],
  ['heapUsedRatio', 'busy', 0.7, 0.6],
  ['heapUsedRatio', 'degraded', 0.85, 0.75],
  ['heapUsedRatio', 'maintenance', 0.95, 0.88],
  ['rssRatio', 'busy', 0.7, 0.6],
  ['rssRatio', 'degraded', 0.85, 0.75],
  ['rssRatio', 'maintenance', 0.95, 0.88],
  ['redisLatencyMs', 'busy', 50, 20],
  ['redisLatencyMs', 'degraded', 250, 100],
  ['databaseDown', 'busy', 1, 1],
  ['databaseLatencyMs', 'busy', 100, 50],
  ['databaseLatencyMs', 'degraded', 500, 250],
  ['eventLoopUtilization', 'busy', 0.9, 0.7],
  ['backlogSeconds', 'busy', 60, 30],
  ['noWorkers', 'busy', 1, 1],
];
/** The rung a signal just under `rung`'s enter mark raises the ladder to: its next rung down in the table, or normal. */
const below = (signal: keyof Signals, rung: Mode): Mode => {
  const order: Mode[] = ['normal', 'busy', 'degraded', 'maintenance'];
  const lower = TABLE.filter(([s, r]) => s === signal && order.indexOf(r) < order.indexOf(rung)).map(([, r]) => r);
  return lower.at(-1) ?? 'normal';
};

describe('the ladder rule table', () => {
  describe.each(TABLE)('%s for %s', (signal, rung, enter, leave) => {
    it(`enters at ${enter} and not just below`, () => {
      expect(modeAt(signal, enter)).toBe(rung);
      expect(modeAt(signal, enter - 0.001)).toBe(below(signal, rung));
    });

    it(`holds the rung at ${leave} and leaves it just below`, () => {
      expect(modeFrom(rung, signal, leave)).toBe(rung);
      expect(modeFrom(rung, signal, leave - 0.001)).not.toBe(rung);
    });
  });

  it('lets no signal but those listed raise the ladder past busy', () => {
    expect(modeAt('eventLoopUtilization', 1)).toBe('busy');
    expect(modeAt('backlogSeconds', 100_000)).toBe('busy');
    expect(modeAt('noWorkers', 1)).toBe('busy');
    expect(modeAt('redisLatencyMs', 100_000)).toBe('degraded');
  });

  it('names each signal’s reason with its stable code', () => {
    const reasonAt = (signal: keyof Signals, value: number) => nextMode(initialLadderState(0), { ...CALM_SIGNALS, [signal]: value }, 1).cause?.reason;
    expect([
      reasonAt('redisDown', 1),
      reasonAt('eventLoopDelayMs', 40),
      reasonAt('heapUsedRatio', 0.7),
      reasonAt('rssRatio', 0.7),
      reasonAt('redisLatencyMs', 50),
      reasonAt('eventLoopUtilization', 0.9),
      reasonAt('backlogSeconds', 60),
      reasonAt('noWorkers', 1),
    ]).toEqual(['redis_unavailable', 'event_loop_delay', 'heap_used', 'rss', 'redis_latency', 'event_loop_utilization', 'print_backlog', 'no_workers']);
    expect(REASONS.calm).toBe('calm');
  });

  it('names the more important signal when two ask for the same rung: event-loop delay before heap', () => {
    const state = nextMode(initialLadderState(0), { ...CALM_SIGNALS, heapUsedRatio: 0.7, eventLoopDelayMs: 40 }, 1);
    expect(state.cause?.reason).toBe('event_loop_delay');
  });

  it('keeps busy for 2 s, degraded and maintenance for 3 s, before stepping down', () => {
    expect(MIN_TIME_IN_MODE_MS).toEqual({ busy: 2000, degraded: 3000, maintenance: 3000 });
    const calmAt = (mode: Mode, now: number) => nextMode({ mode, since: 0, cause: null }, CALM_SIGNALS, now).mode;
    expect([calmAt('busy', 1999), calmAt('busy', 2000)]).toEqual(['busy', 'normal']);
    expect([calmAt('degraded', 2999), calmAt('degraded', 3000)]).toEqual(['degraded', 'normal']);
    expect([calmAt('maintenance', 2999), calmAt('maintenance', 3000)]).toEqual(['maintenance', 'normal']);
  });
});

describe('when a signal holds the current rung', () => {
  const busySince0: LadderState = { mode: 'busy', since: 0, cause: null };

  it('keeps the time the rung was entered, however long ago', () => {
    expect(nextMode(busySince0, { ...CALM_SIGNALS, eventLoopDelayMs: 30 }, 60_000)).toMatchObject({ mode: 'busy', since: 0 });
  });

  it('names the signal that holds it, with the leave mark, or the enter mark when the signal is over that', () => {
    expect(nextMode(busySince0, { ...CALM_SIGNALS, eventLoopDelayMs: 30 }, 60_000).cause).toEqual({ reason: 'event_loop_delay', signal: 'eventLoopDelayMs', value: 30, threshold: 20 });
    expect(nextMode(busySince0, { ...CALM_SIGNALS, eventLoopDelayMs: 45 }, 60_000).cause).toEqual({ reason: 'event_loop_delay', signal: 'eventLoopDelayMs', value: 45, threshold: 40 });
  });
});

describe('the calm signals a fresh process starts from', () => {
  it('are all zero', () => {
    expect(CALM_SIGNALS).toEqual({ eventLoopDelayMs: 0, eventLoopUtilization: 0, heapUsedRatio: 0, rssRatio: 0, redisDown: 0, redisLatencyMs: 0, databaseDown: 0, databaseLatencyMs: 0, backlogSeconds: 0, noWorkers: 0 });
  });
});
