/**
 * How near a candidate's spending is to their limit: `approaching` from 80 %, `reached` from 100 %
 * (at or over the limit), `none` below or when no limit is set. Integer arithmetic: no float rounding
 * puts £7,999.99 of £10,000 over the line.
 */
export type LimitWarning = 'none' | 'approaching' | 'reached';

/** Percent of the limit at which the agent is warned. */
export const WARN_AT_PERCENT = 80;

export function limitWarningOf(totalPence: number, limitPence: number | null): LimitWarning {
  if (limitPence === null || limitPence <= 0) return 'none';
  if (totalPence >= limitPence) return 'reached';
  if (totalPence * 100 >= limitPence * WARN_AT_PERCENT) return 'approaching';
  return 'none';
}

/** Words for a warning, as the screen and the export say it. */
export const WARNING_WORDS: Record<LimitWarning, string> = {
  none: '',
  approaching: 'Over 80 % of the limit',
  reached: 'Limit reached',
};
