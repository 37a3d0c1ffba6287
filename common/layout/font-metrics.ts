import type { FontWeight } from './font-files';
import regular from './fonts/regular.metrics.json';
import bold from './fonts/bold.metrics.json';

/** Advance widths of one font, generated from its TTF by scripts/generate-font-metrics.ts. */
export interface FontMetrics {
  /** Font design units per em. */
  unitsPerEm: number;
  /** Ascender in font units (positive, above the baseline). */
  ascender: number;
  /** Descender in font units (negative, below the baseline). */
  descender: number;
  /** Advance width in font units of a character the font lacks (drawn as the replacement glyph). */
  missingWidth: number;
  /** Advance width in font units, keyed by code point in base 36. */
  widths: Record<string, number>;
}

const METRICS: Record<FontWeight, FontMetrics> = { regular, bold };

/** Measures text the way the PDF renderer draws it: advance widths summed, no kerning, no ligatures. */
export class TextMeasurer {
  private readonly cache: Record<FontWeight, Map<number, number>> = { regular: new Map(), bold: new Map() };

  constructor(private readonly metrics: Record<FontWeight, FontMetrics> = METRICS) {}

  /** Width of `text` in points at `size` points. */
  width(text: string, weight: FontWeight, size: number): number {
    const m = this.metrics[weight];
    const cache = this.cache[weight];
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let w = cache.get(cp);
      if (w === undefined) {
        w = m.widths[cp.toString(36)] ?? m.missingWidth;
        cache.set(cp, w);
      }
      units += w;
    }
    return (units * size) / m.unitsPerEm;
  }

  /** Ascender in points at `size` points. */
  ascent(weight: FontWeight, size: number): number {
    const m = this.metrics[weight];
    return (m.ascender * size) / m.unitsPerEm;
  }

  /** Whether the font has a glyph for every character of `text`. */
  covers(text: string, weight: FontWeight): boolean {
    const widths = this.metrics[weight].widths;
    for (const ch of text) if (widths[ch.codePointAt(0)!.toString(36)] === undefined && !/\s/.test(ch)) return false;
    return true;
  }
}
