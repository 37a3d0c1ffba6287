/** Paper sizes Rosette prints, as trim sizes in millimetres (portrait: width < height). */
export const PAPER_SIZES = {
  A6: { width: 105, height: 148 },
  A5: { width: 148, height: 210 },
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
  /** DL: one third of A4, the classic folded-leaflet and envelope size. */
  DL: { width: 99, height: 210 },
} as const;

export type PaperSize = keyof typeof PAPER_SIZES;
export const PAPER_SIZE_NAMES = Object.keys(PAPER_SIZES) as [PaperSize, ...PaperSize[]];
export type Orientation = 'portrait' | 'landscape';

/** Bleed added on every side of the trim, in millimetres (the printers' standard 3 mm). */
export const BLEED_MM = 3;
/** Distance from the trim edge inside which text is at risk of being cut, in millimetres. */
export const SAFE_MARGIN_MM = 5;

/** Trim size in millimetres for a size and orientation. */
export function trimSize(size: PaperSize, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAPER_SIZES[size];
  return orientation === 'portrait' ? { width, height } : { width: height, height: width };
}
