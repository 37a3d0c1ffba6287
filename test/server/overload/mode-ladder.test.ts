import { LADDER_RULES, MIN_TIME_IN_MODE_MS, REASONS } from '../../../server/overload/ladder-rules';
import { initialLadderState, nextMode, type LadderState } from '../../../server/overload/mode-ladder';
import { CALM_SIGNALS, type Signals } from '../../../server/overload/signals';

const at = (signals: Partial<Signals>): Signals => ({ ...CALM_SIGNALS, ...signals });
const mark = (signal: keyof Signals, mode: 'busy' | 'degraded' | 'maintenance') => LADDER_RULES.find((r) => r.signal === signal)!.marks[mode]!;

/** Runs the ladder over a series of signals, one every `stepMs`, and returns every state. */
function run(series: Array<Partial<Signals>>, stepMs = 500, start: LadderState = initialLadderState(0)): LadderState[] {
  const states: LadderState[] = [];
  let state = start;
  series.forEach((s, i) => {
    state = nextMode(state, at(s), (i + 1) * stepMs);
    states.push(state);
  });
  return states;
}

describe('the mode ladder', () => {
  it('stays normal while every signal is calm', () => {
    expect(run([{}, {}, {}]).map((s) => s.mode)).toEqual(['normal', 'normal', 'normal']);
  });

  it('steps up at once when a signal reaches a high water mark, naming the signal, its value and the mark', () => {
    const delay = mark('eventLoopDelayMs', 'busy').enter;
    const [state] = run([{ eventLoopDelayMs: delay }]);
    expect(state).toEqual({ mode: 'busy', since: 500, cause: { reason: REASONS.eventLoopDelay, signal: 'eventLoopDelayMs', value: delay, threshold: delay } });
  });

  it('jumps straight to the highest rung any signal asks for', () => {
    const [state] = run([{ eventLoopDelayMs: mark('eventLoopDelayMs', 'maintenance').enter + 1 }]);
    expect(state!.mode).toBe('maintenance');
  });

  it('goes to maintenance when Redis is down, and names it', () => {
    const [state] = run([{ redisDown: 1 }]);
    expect(state).toMatchObject({ mode: 'maintenance', cause: { reason: REASONS.redisUnavailable } });
  });

  it('stays in a mode for its minimum time even when the load is gone at once', () => {
    const busy = mark('eventLoopUtilization', 'busy').enter;
    const steps = Math.floor(MIN_TIME_IN_MODE_MS.busy / 500);
    const states = run([{ eventLoopUtilization: busy }, ...Array.from({ length: steps + 1 }, () => ({}))]);
    expect(states.slice(0, steps).every((s) => s.mode === 'busy')).toBe(true);
    expect(states.at(-1)).toMatchObject({ mode: 'normal', cause: { reason: REASONS.calm } });
  });

  it('steps down past rungs nobody holds: from maintenance straight to busy when only a busy signal remains', () => {
    const start: LadderState = { mode: 'maintenance', since: 0, cause: null };
    const [state] = run([{ eventLoopUtilization: mark('eventLoopUtilization', 'busy').leave }], MIN_TIME_IN_MODE_MS.maintenance, start);
    expect(state).toMatchObject({ mode: 'busy', cause: { reason: REASONS.eventLoopUtilization, threshold: mark('eventLoopUtilization', 'busy').leave } });
  });

  it('holds a mode while the signal stays between its low and high water marks', () => {
    const { enter, leave } = mark('redisLatencyMs', 'degraded');
    const between = (enter + leave) / 2;
    const states = run([{ redisLatencyMs: enter }, ...Array.from({ length: 40 }, () => ({ redisLatencyMs: between }))]);
    expect(new Set(states.map((s) => s.mode))).toEqual(new Set(['degraded']));
  });

  describe('when the load hovers at a threshold', () => {
    it('does not flap: jitter around the high water mark changes the mode once', () => {
      const { enter } = mark('eventLoopDelayMs', 'busy');
      // 120 samples (a minute at 500 ms) alternating 5% above and 5% below the mark.
      const series = Array.from({ length: 120 }, (_, i) => ({ eventLoopDelayMs: enter * (i % 2 === 0 ? 1.05 : 0.95) }));
      const modes = run(series).map((s) => s.mode);
      expect(changes(modes)).toBe(1);
      expect(modes.at(-1)).toBe('busy');
    });

    it('does not flap: jitter around the low water mark after a spike changes the mode at most twice', () => {
      const { enter, leave } = mark('eventLoopDelayMs', 'degraded');
      const series = [{ eventLoopDelayMs: enter }, ...Array.from({ length: 120 }, (_, i) => ({ eventLoopDelayMs: leave * (i % 2 === 0 ? 1.05 : 0.95) }))];
      const modes = run(series).map((s) => s.mode);
      // Up to degraded, then at most one step down (to busy, whose marks the jitter holds).
      expect(changes(modes)).toBeLessThanOrEqual(2);
    });

    it('does not switch more often than the minimum time in mode allows, whatever the signal does', () => {
      const { enter, leave } = mark('eventLoopUtilization', 'busy');
      // A square wave that crosses both marks every sample: the worst case.
      const series = Array.from({ length: 200 }, (_, i) => ({ eventLoopUtilization: i % 2 === 0 ? enter : leave / 2 }));
      const states = run(series);
      const downs = states.filter((s, i) => i > 0 && s.mode === 'normal' && states[i - 1]!.mode === 'busy');
      expect(downs.length).toBeLessThanOrEqual((200 * 500) / MIN_TIME_IN_MODE_MS.busy);
    });
  });

  it('is pure: the same state, signals and time give the same answer, and the input is not changed', () => {
    const state: LadderState = { mode: 'busy', since: 0, cause: null };
    const frozen = JSON.stringify(state);
    const a = nextMode(state, at({ eventLoopDelayMs: 500 }), 1000);
    const b = nextMode(state, at({ eventLoopDelayMs: 500 }), 1000);
    expect(a).toEqual(b);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});

function changes(modes: string[]): number {
  return modes.filter((m, i) => i > 0 && m !== modes[i - 1]).length + (modes[0] !== 'normal' ? 1 : 0);
}
