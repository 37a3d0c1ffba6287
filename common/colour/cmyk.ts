/** An ink mix: each channel in percent, 0 to 100. */
export interface Cmyk {
  c: number;
  m: number;
  y: number;
  k: number;
}

/** 100 % black and nothing else: the ink of body text, thin lines and QR codes. */
export const BLACK_INK: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 100 });

/** Paper: no ink at all. */
export const NO_INK: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 0 });

/** Total area coverage (TAC): the sum of the four inks, in percent (0 to 400). */
export function totalAreaCoverage(ink: Cmyk): number {
  return ink.c + ink.m + ink.y + ink.k;
}

/** Writes an ink as a design colour string, channels rounded to whole percent: `cmyk(0, 100, 85, 0)`. */
export function formatCmyk(ink: Cmyk): string {
  const r = (v: number) => Math.min(100, Math.max(0, Math.round(v)));
  return `cmyk(${r(ink.c)}, ${r(ink.m)}, ${r(ink.y)}, ${r(ink.k)})`;
}

/** Whether an ink prints as solid black: full black, whatever (if any) colour is under it. */
export function isSolidBlack(ink: Cmyk): boolean {
  return ink.k >= 100;
}
