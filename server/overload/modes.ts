/** The overload ladder's modes, from least to most protective. */
export const MODES = ['normal', 'busy', 'degraded', 'maintenance'] as const;

export type Mode = (typeof MODES)[number];

/** A mode's rung on the ladder: 0 normal ... 3 maintenance. A higher rung sheds more work. */
export const RUNG: Record<Mode, number> = { normal: 0, busy: 1, degraded: 2, maintenance: 3 };
