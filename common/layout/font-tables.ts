import { FONT_FACES, FONT_WEIGHTS, fontKey, type FontFace, type FontWeight } from './font-files';
import sansRegular from './fonts/sans-regular.metrics.json';
import sansBold from './fonts/sans-bold.metrics.json';
import serifRegular from './fonts/serif-regular.metrics.json';
import serifBold from './fonts/serif-bold.metrics.json';
import condensedRegular from './fonts/condensed-regular.metrics.json';
import condensedBold from './fonts/condensed-bold.metrics.json';

/**
 * A pair-kerning subtable (GPOS lookup type 2) as the font stores it, with only the xAdvance of the first
 * glyph (the only value DejaVu's kern feature sets). Glyph sets are flat [first, last, ...] id ranges.
 */
export type PairSubtable =
  | {
      format: 1;
      /** First glyphs, as ranges; a glyph's place in the expanded list indexes `pairs`. */
      coverage: number[];
      /** Per covered first glyph: flat [secondGlyph, xAdvance in font units, ...]. */
      pairs: number[][];
    }
  | {
      format: 2;
      coverage: number[];
      /** Class of the first glyph: flat [firstGlyph, lastGlyph, class, ...]; unlisted glyphs are class 0. */
      class1: number[];
      /** Class of the second glyph, same shape. */
      class2: number[];
      /** The non-zero cells of the class matrix: flat [class1, class2, xAdvance in font units, ...]. */
      values: number[];
    };

/** A ligature subtable (GSUB lookup type 4). */
export interface LigatureSubtable {
  /** First glyphs, as ranges; a glyph's place in the expanded list indexes `sets`. */
  coverage: number[];
  /** Per covered first glyph, its ligatures in the font's order: [ligatureGlyph, ...following component glyphs]. */
  sets: number[][][];
}

/**
 * What the layout needs of one font file, generated from its TTF by scripts/generate-font-metrics.ts and
 * shipped to the browser: the whole cmap, every glyph's advance, and the lookups of the `kern` and `liga`
 * features (the union over the Latin, Greek, Cyrillic and default scripts, in lookup order).
 */
export interface FontTables {
  /** Font design units per em. */
  unitsPerEm: number;
  /** Ascender in font units (positive, above the baseline). */
  ascender: number;
  /** Descender in font units (negative, below the baseline). */
  descender: number;
  /** The cmap as runs: flat [first code point minus the end of the previous run, first glyph id, length, ...]. */
  cmap: number[];
  /** Advance width in font units, indexed by glyph id. */
  advances: number[];
  /** GPOS `kern` lookups, each a list of subtables (the first that applies to a pair wins within a lookup). */
  kerning: PairSubtable[][];
  /** GSUB `liga` lookups, each a list of subtables. */
  ligatures: LigatureSubtable[][];
}

/** Every face and weight's tables, by fontKey(face, weight). */
export const FONT_TABLES: Readonly<Record<`${FontFace}-${FontWeight}`, FontTables>> = {
  'sans-regular': sansRegular as FontTables,
  'sans-bold': sansBold as FontTables,
  'serif-regular': serifRegular as FontTables,
  'serif-bold': serifBold as FontTables,
  'condensed-regular': condensedRegular as FontTables,
  'condensed-bold': condensedBold as FontTables,
};

/** Every face and weight, in a fixed order. */
export const ALL_FONTS: ReadonlyArray<{ face: FontFace; weight: FontWeight; key: `${FontFace}-${FontWeight}` }> = FONT_FACES.flatMap((face) =>
  FONT_WEIGHTS.map((weight) => ({ face, weight, key: fontKey(face, weight) })),
);
