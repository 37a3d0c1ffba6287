import { AUTO_SWITCH } from '../../../server/admin/maintenance-switch';
import { MIN_BACKLOG_CAP } from '../../../server/overload/admission';
import { ASSUMED_JOBS_PER_WORKER_PER_SECOND } from '../../../server/overload/drain-meter';
import { LADDER_RULES } from '../../../server/overload/ladder-rules';
import { OverloadState } from '../../../server/overload/overload-state';
import type { Sample } from '../../../server/overload/signal-sampler';
import { CALM_SIGNALS, type Signals } from '../../../server/overload/signals';

const T0 = Date.parse('2026-12-05T10:00:00Z');
const maintenanceDelay = LADDER_RULES.find((r) => r.signal === 'eventLoopDelayMs')!.marks.maintenance!.enter;
const busyDelay = LADDER_RULES.find((r) => r.signal === 'eventLoopDelayMs')!.marks.busy!.enter;

function sample(at: number, signals: Partial<Signals> = {}, queue: Sample['queue'] = null, redisUp = true): Sample {
  return { at, signals: { ...CALM_SIGNALS, ...signals }, redisUp, queue, memory: { heapUsedBytes: 1, rssBytes: 1 } };
}
const queue = (waiting: number, drainPerSecond: number | null, workers: number | null = 1, paused = false): NonNullable<Sample['queue']> => ({ waiting, active: 0, workers, drainPerSecond, paused });
const on = { ...AUTO_SWITCH, mode: 'on' as const, message: 'Back soon', reason: 'printer', setBy: 'account:1', setAt: '2026-12-05T10:00:00Z' };
const off = { ...AUTO_SWITCH, mode: 'off' as const, reason: 'keep it up', setBy: 'account:1', setAt: '2026-12-05T10:00:00Z' };

describe('the overload state', () => {
  let now: number;
  let state: OverloadState;
  beforeEach(() => {
    now = T0;
    state = new OverloadState(() => now, 300);
  });

  it('starts in normal mode, rung 0, with the smallest backlog cap and no rate known', () => {
    expect(state).toMatchObject({ mode: 'normal', rung: 0, redisUp: true, waiting: 0, admittedSinceSample: 0, rate: null, printingPaused: false, latest: null });
    expect(state.backlogCap).toBe(MIN_BACKLOG_CAP);
    expect(state.changes).toEqual([]);
    expect(state.cause()).toBeNull();
  });

  describe('on a sample', () => {
    it('takes the queue’s figures: waiting, the drain rate, a backlog cap of that many seconds of work, the pause', () => {
      state.admittedSinceSample = 4;
      const s = sample(now, {}, queue(12, 2, 1, true));
      state.applySample(s);
      expect(state.latest).toBe(s);
      expect(state).toMatchObject({ waiting: 12, rate: 2, backlogCap: 600, printingPaused: true, admittedSinceSample: 0 });
    });

    it('assumes a rate from the workers when none was measured', () => {
      state.applySample(sample(now, {}, queue(0, null, 3)));
      expect(state.rate).toBe(3 * ASSUMED_JOBS_PER_WORKER_PER_SECOND);
    });

    it('keeps the last queue figures when the sample has none (Redis down)', () => {
      state.applySample(sample(now, {}, queue(12, 2)));
      state.applySample(sample(now + 500, { redisDown: 1 }, null, false));
      expect(state).toMatchObject({ waiting: 12, rate: 2, backlogCap: 600, redisUp: false });
    });

    it('climbs the ladder and records the change, newest first, with its reason and time', () => {
      state.applySample(sample(now, { eventLoopDelayMs: busyDelay * 2 }));
      expect(state).toMatchObject({ mode: 'busy', rung: 1 });
      now += 1000;
      state.applySample(sample(now, { eventLoopDelayMs: maintenanceDelay * 2 }));
      expect(state).toMatchObject({ mode: 'maintenance', rung: 3 });
      expect(state.changes).toEqual([
        { at: '2026-12-05T10:00:01.000Z', from: 'busy', to: 'maintenance', reason: 'event_loop_delay' },
        { at: '2026-12-05T10:00:00.000Z', from: 'normal', to: 'busy', reason: 'event_loop_delay' },
      ]);
    });

    it('records a step down to calm as "calm"', () => {
      state.applySample(sample(now, { eventLoopDelayMs: busyDelay * 2 }));
      now += 60_000;
      state.applySample(sample(now));
      expect(state.mode).toBe('normal');
      expect(state.changes[0]).toMatchObject({ from: 'busy', to: 'normal', reason: 'calm' });
    });

    it('keeps the last 50 changes only', () => {
      for (let i = 0; i < 60; i++) {
        now += 60_000;
        state.applySample(sample(now, { eventLoopDelayMs: i % 2 === 0 ? busyDelay * 2 : 0 }));
      }
      expect(state.changes).toHaveLength(50);
      expect(state.changes[0]!.at).toBe(new Date(now).toISOString());
    });

    it('tells every listener, even when the mode stays the same', () => {
      const heard: string[] = [];
      state.onChange(() => heard.push(state.mode));
      state.applySample(sample(now));
      state.applySample(sample(now + 500));
      expect(heard).toEqual(['normal', 'normal']);
    });
  });

  describe('the admin’s switch', () => {
    it('puts the site in maintenance at once, whatever the ladder says, and names itself the cause', () => {
      state.applySwitch(on);
      expect(state).toMatchObject({ mode: 'maintenance', rung: 3 });
      expect(state.cause()).toEqual({ reason: 'admin_switch', switch: on });
      expect(state.changes[0]).toMatchObject({ from: 'normal', to: 'maintenance', reason: 'admin_switch' });
    });

    it('is ignored when it says nothing new (no listener called)', () => {
      const heard = jest.fn();
      state.onChange(heard);
      state.applySwitch({ ...AUTO_SWITCH });
      expect(heard).not.toHaveBeenCalled();
      state.applySwitch(on);
      state.applySwitch({ ...on });
      expect(heard).toHaveBeenCalledTimes(1);
    });

    it('when off, holds the site at degraded under load and names the switch as the cause', () => {
      state.applySwitch(off);
      expect(state.cause()).toBeNull(); // calm: the ladder is where the switch leaves it
      state.applySample(sample(now, { eventLoopDelayMs: maintenanceDelay * 2 }));
      expect(state.mode).toBe('degraded');
      expect(state.cause()).toEqual({ reason: 'admin_switch', switch: off });
    });

    it('when off and the ladder agrees with the mode, gives the ladder’s cause', () => {
      state.applySwitch(off);
      state.applySample(sample(now, { eventLoopDelayMs: busyDelay * 2 }));
      expect(state.mode).toBe('busy');
      expect(state.cause()).toMatchObject({ reason: 'event_loop_delay', signal: 'eventLoopDelayMs' });
    });
  });

  describe('a pause of printing', () => {
    it('is taken at once, tells the listeners, and makes the wait unknown', () => {
      state.applySample(sample(now, {}, queue(0, 2)));
      expect(state.estimatedWaitSeconds(5)).toBe(3);
      const heard = jest.fn();
      state.onChange(heard);
      state.applyPaused(false);
      expect(heard).not.toHaveBeenCalled();
      state.applyPaused(true);
      expect(heard).toHaveBeenCalledTimes(1);
      expect(state.estimatedWaitSeconds(5)).toBeNull();
      state.applyPaused(true);
      expect(heard).toHaveBeenCalledTimes(1);
      state.applyPaused(false);
      expect(state.estimatedWaitSeconds(4)).toBe(2);
    });
  });

  it('stops telling a listener that unsubscribed', () => {
    const heard = jest.fn();
    const unsubscribe = state.onChange(heard);
    state.applySample(sample(now));
    unsubscribe();
    state.applySample(sample(now + 500));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
