import { effectiveMode } from '../../../server/overload/effective-mode';
import { REASONS } from '../../../server/overload/ladder-rules';
import type { LadderState } from '../../../server/overload/mode-ladder';

const ladder = (mode: LadderState['mode'], reason: string = REASONS.eventLoopDelay): LadderState => ({ mode, since: 0, cause: { reason: reason as never, signal: null, value: null, threshold: null } });

describe('the mode the gate acts on', () => {
  it('is maintenance whenever the admin switched it on', () => {
    expect(effectiveMode(ladder('normal'), { mode: 'on' })).toBe('maintenance');
  });

  it('is the ladder on auto', () => {
    for (const mode of ['normal', 'busy', 'degraded', 'maintenance'] as const) expect(effectiveMode(ladder(mode), { mode: 'auto' })).toBe(mode);
  });

  it('never goes past degraded for load when the admin switched maintenance off', () => {
    expect(effectiveMode(ladder('maintenance'), { mode: 'off' })).toBe('degraded');
    expect(effectiveMode(ladder('busy'), { mode: 'off' })).toBe('busy');
  });

  it('is maintenance while Redis is unreachable, even when switched off', () => {
    expect(effectiveMode(ladder('maintenance', REASONS.redisUnavailable), { mode: 'off' })).toBe('maintenance');
  });
});

describe('when the ladder is in maintenance with no recorded cause', () => {
  it('is degraded when the admin switched maintenance off', () => {
    expect(effectiveMode({ mode: 'maintenance', since: 0, cause: null }, { mode: 'off' })).toBe('degraded');
  });
});
