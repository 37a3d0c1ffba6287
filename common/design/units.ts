/** PDF points per millimetre (1 pt = 1/72 inch, 1 inch = 25.4 mm). */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres to PDF points. */
export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** PDF points to millimetres. */
export function ptToMm(pt: number): number {
  return pt / PT_PER_MM;
}
