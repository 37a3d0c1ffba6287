/**
 * How a shared cost is divided between candidates (the "honest assessment" of the return): either
 * percentages that add up to 100, or amounts in pence that add up to the whole.
 */
export type SplitInput =
  | { by: 'percent'; parts: ReadonlyArray<{ candidateId: string; /** Percent, at most two decimal places (33.33). */ percent: number }> }
  | { by: 'amount'; parts: ReadonlyArray<{ candidateId: string; /** Pence. */ pence: number }> };

/** One candidate's resolved share of an entry, pence. */
export interface SplitPart {
  candidateId: string;
  pence: number;
}

/** Basis points in 100 %: percentages are carried as integers (33.33 % = 3333) so they add exactly. */
export const WHOLE_BASIS_POINTS = 10_000;

/** A percentage as basis points, or null when it has more than two decimal places. */
export function basisPointsOf(percent: number): number | null {
  const bp = Math.round(percent * 100);
  return Math.abs(percent * 100 - bp) < 1e-6 ? bp : null;
}

/**
 * The pence each candidate carries of `total`, adding up to `total` exactly.
 *
 * Percentages are shared by the largest-remainder rule: each part first gets the whole pence of its
 * share (rounded down, towards zero for a negative total), then the pence left over go one each to the
 * parts with the largest remainders; equal remainders go to the part listed first. The same input
 * always gives the same pence, and negating `total` negates every part (so a reversal undoes exactly
 * what the entry charged). Amounts are taken as given (the caller checked that they add up).
 *
 * @param total Pence; may be negative (a reversal).
 */
export function resolveSplit(total: number, split: SplitInput): SplitPart[] {
  if (!Number.isSafeInteger(total)) throw new Error('the total must be a whole number of pence');
  if (split.by === 'amount') return split.parts.map((p) => ({ candidateId: p.candidateId, pence: p.pence }));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const shares = split.parts.map((p, index) => {
    const bp = basisPointsOf(p.percent);
    if (bp === null) throw new Error('a percentage has more than two decimal places');
    const exact = abs * bp;
    return { candidateId: p.candidateId, index, pence: Math.floor(exact / WHOLE_BASIS_POINTS), remainder: exact % WHOLE_BASIS_POINTS };
  });
  let left = abs - shares.reduce((sum, s) => sum + s.pence, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  // Percentages that add to 100 leave fewer pence over than there are parts with a remainder.
  for (const share of order) {
    if (left <= 0) break;
    share.pence += 1;
    left -= 1;
  }
  if (left !== 0) throw new Error('the percentages do not add up to 100');
  // A part of no pence stays in the answer (as 0, never -0); the ledger stores only parts that carry some.
  return shares.map((s) => ({ candidateId: s.candidateId, pence: s.pence === 0 ? 0 : sign * s.pence }));
}
