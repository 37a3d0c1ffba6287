import { fontKey, type FontFace, type FontWeight } from './font-files';
import { FONT_TABLES, type FontTables } from './font-tables';
import { Shaper, type ShapedRun } from './shape-text';

/** Measures text the way the PDF renderer draws it: shaped with the font's own kerning and ligatures. */
export class TextMeasurer {
  private readonly shapers = new Map<string, Shaper>();

  constructor(private readonly tables: Readonly<Record<string, FontTables>> = FONT_TABLES) {}

  /** The shaper of one face and weight, built on first use (the browser may never need some faces). */
  shaper(face: FontFace, weight: FontWeight): Shaper {
    const key = fontKey(face, weight);
    let shaper = this.shapers.get(key);
    if (!shaper) {
      const tables = this.tables[key];
      if (!tables) throw new Error(`no font tables for ${key}`);
      shaper = new Shaper(tables);
      this.shapers.set(key, shaper);
    }
    return shaper;
  }

  /** Width of `text` in points at `size` points. */
  width(text: string, face: FontFace, weight: FontWeight, size: number): number {
    const shaper = this.shaper(face, weight);
    return (shaper.width(text) * size) / shaper.unitsPerEm;
  }

  /** The glyphs the PDF draws for `text`, in font units. */
  shape(text: string, face: FontFace, weight: FontWeight): ShapedRun {
    return this.shaper(face, weight).shape(text);
  }

  /** Ascender in points at `size` points. */
  ascent(face: FontFace, weight: FontWeight, size: number): number {
    const t = this.tables[fontKey(face, weight)]!;
    return (t.ascender * size) / t.unitsPerEm;
  }

  /** Whether the font has a glyph for every character of `text` (whitespace and soft hyphens need none). */
  covers(text: string, face: FontFace, weight: FontWeight): boolean {
    const shaper = this.shaper(face, weight);
    for (const ch of text) if (!shaper.has(ch.codePointAt(0)!) && !/[\s\u00ad]/.test(ch)) return false;
    return true;
  }
}
