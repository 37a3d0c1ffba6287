import { LADDER_RULES, MIN_TIME_IN_MODE_MS, REASONS, type LadderRule, type Reason } from './ladder-rules';
import { MODES, RUNG, type Mode } from './modes';
import type { SignalName, Signals } from './signals';

/** Why the ladder is where it is: the signal, its value, and the mark it crossed or still holds. */
export interface Cause {
  reason: Reason;
  /** Null for the step down to calm. */
  signal: SignalName | null;
  value: number | null;
  /** The mark that was crossed (`enter`) or is still held (`leave`). */
  threshold: number | null;
}

export interface LadderState {
  mode: Mode;
  /** When this mode was entered, milliseconds (of the injected clock). */
  since: number;
  cause: Cause | null;
}

export function initialLadderState(now: number): LadderState {
  return { mode: 'normal', since: now, cause: null };
}

/**
 * The ladder's next state: pure, so tests drive it with made-up signals and times.
 * - Up: to the highest rung whose `enter` mark any signal reaches, at once.
 * - Stay: while any signal holds the current rung's `leave` mark, or for the minimum time in mode.
 * - Down: otherwise, to the highest rung still held (possibly normal), skipping rungs nobody holds.
 */
export function nextMode(
  state: LadderState,
  signals: Signals,
  now: number,
  rules: readonly LadderRule[] = LADDER_RULES,
  minTimeInMode: Record<Exclude<Mode, 'normal'>, number> = MIN_TIME_IN_MODE_MS,
): LadderState {
  const entering = causesPerRung(signals, rules, 'enter');
  const holding = causesPerRung(signals, rules, 'leave');
  const current = RUNG[state.mode];
  const up = highest(entering);
  if (up > current) return { mode: MODES[up]!, since: now, cause: entering[up]! };

  const held = highest(holding);
  if (held >= current) {
    if (current === 0) return state;
    return { ...state, cause: entering[current] ?? holding[current] ?? state.cause };
  }
  if (state.mode !== 'normal' && now - state.since < minTimeInMode[state.mode]) return state;
  return { mode: MODES[held]!, since: now, cause: held > 0 ? holding[held]! : { reason: REASONS.calm, signal: null, value: null, threshold: null } };
}

/** For each rung 1-3, the first rule (in table order) whose signal is at or over that rung's mark. */
function causesPerRung(signals: Signals, rules: readonly LadderRule[], which: 'enter' | 'leave'): Array<Cause | undefined> {
  const causes: Array<Cause | undefined> = [undefined, undefined, undefined, undefined];
  for (const rule of rules) {
    const value = signals[rule.signal];
    for (const mode of ['busy', 'degraded', 'maintenance'] as const) {
      const mark = rule.marks[mode];
      const rung = RUNG[mode];
      if (mark && value >= mark[which] && !causes[rung]) causes[rung] = { reason: rule.reason, signal: rule.signal, value, threshold: mark[which] };
    }
  }
  return causes;
}

function highest(causes: Array<Cause | undefined>): number {
  for (let rung = causes.length - 1; rung > 0; rung--) if (causes[rung]) return rung;
  return 0;
}
