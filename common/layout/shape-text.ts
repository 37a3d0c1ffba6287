import type { FontTables, LigatureSubtable, PairSubtable } from './font-tables';

/** U+00AD: marks where a word may be hyphenated; never drawn (break-lines.ts adds a hyphen at a break). */
export const SOFT_HYPHEN = '\u00ad';
const SOFT_HYPHEN_CP = 0xad;

/** Text turned into glyphs: what the PDF draws and the layout measures. Units are font units. */
export interface ShapedRun {
  /** Glyph ids, in drawing order (left to right). */
  glyphs: number[];
  /** The characters each glyph stands for (several for a ligature), for the PDF's text extraction. */
  codePoints: number[][];
  /** Each glyph's advance with kerning applied, font units. */
  advances: number[];
  /** Sum of `advances`, font units. */
  width: number;
}

/** Kerning of one pair, in font units, or undefined when the subtable does not cover the first glyph. */
type PairRule = (first: number, second: number) => number | undefined;

/** Largest number of widths remembered per font before the cache starts afresh (a bound, not a tuning). */
const WIDTH_CACHE_LIMIT = 20_000;

/**
 * A small OpenType shaper for left-to-right text in one font: cmap lookup, then the font's standard
 * ligatures (GSUB `liga`), then its pair kerning (GPOS `kern`), applied as HarfBuzz and fontkit apply
 * them for Latin, Greek and Cyrillic (lookups in order; within a lookup the first subtable that covers
 * a glyph decides). The kern and liga lookups of those scripts are applied to all text as one set: in
 * DejaVu the Latin-only lookups only name Latin glyphs, so the result is the same. Pure TypeScript so
 * the browser preview and the PDF worker shape identically.
 */
export class Shaper {
  readonly unitsPerEm: number;
  private readonly cmap = new Map<number, number>();
  private readonly advanceOf: number[];
  private readonly ligatureLookups: Array<Array<Map<number, number[][]>>>;
  private readonly kernLookups: PairRule[][];
  private readonly widths = new Map<string, number>();

  constructor(tables: FontTables) {
    this.unitsPerEm = tables.unitsPerEm;
    this.advanceOf = tables.advances;
    let end = 0;
    for (let i = 0; i < tables.cmap.length; i += 3) {
      const first = end + tables.cmap[i]!;
      const glyph = tables.cmap[i + 1]!;
      const length = tables.cmap[i + 2]!;
      for (let k = 0; k < length; k++) this.cmap.set(first + k, glyph + k);
      end = first + length;
    }
    this.ligatureLookups = tables.ligatures.map((lookup) => lookup.map(ligatureMap));
    this.kernLookups = tables.kerning.map((lookup) => lookup.map(pairRule));
  }

  /** Whether the font has a glyph for the code point. */
  has(codePoint: number): boolean {
    return this.cmap.has(codePoint);
  }

  /** A glyph's advance width without kerning, font units. */
  advance(glyph: number): number {
    return this.advanceOf[glyph] ?? 0;
  }

  /** Shapes `text` (soft hyphens dropped; a character the font lacks becomes glyph 0, .notdef). */
  shape(text: string): ShapedRun {
    let glyphs: number[] = [];
    let codePoints: number[][] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === SOFT_HYPHEN_CP) continue;
      glyphs.push(this.cmap.get(cp) ?? 0);
      codePoints.push([cp]);
    }
    for (const lookup of this.ligatureLookups) [glyphs, codePoints] = applyLigatures(lookup, glyphs, codePoints);
    const advances = glyphs.map((g) => this.advanceOf[g] ?? 0);
    for (const lookup of this.kernLookups) {
      for (let i = 0; i + 1 < glyphs.length; i++) {
        for (const rule of lookup) {
          const x = rule(glyphs[i]!, glyphs[i + 1]!);
          if (x === undefined) continue;
          advances[i]! += x;
          break;
        }
      }
    }
    let width = 0;
    for (const a of advances) width += a;
    return { glyphs, codePoints, advances, width };
  }

  /** Width of `text` in font units (shaped; remembered, as the same words are measured again and again). */
  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = this.shape(text).width;
      if (this.widths.size >= WIDTH_CACHE_LIMIT) this.widths.clear();
      this.widths.set(text, w);
    }
    return w;
  }
}

/** Expands flat [first, last, ...] glyph ranges into the coverage list (its order is the coverage index). */
function expandRanges(ranges: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) for (let g = ranges[i]!; g <= ranges[i + 1]!; g++) out.push(g);
  return out;
}

function classMap(ranges: number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < ranges.length; i += 3) for (let g = ranges[i]!; g <= ranges[i + 1]!; g++) map.set(g, ranges[i + 2]!);
  return map;
}

function pairRule(sub: PairSubtable): PairRule {
  const covered = expandRanges(sub.coverage);
  if (sub.format === 1) {
    const byFirst = new Map<number, Map<number, number>>();
    covered.forEach((first, index) => {
      const flat = sub.pairs[index] ?? [];
      const seconds = new Map<number, number>();
      for (let i = 0; i < flat.length; i += 2) if (!seconds.has(flat[i]!)) seconds.set(flat[i]!, flat[i + 1]!);
      byFirst.set(first, seconds);
    });
    // As fontkit and HarfBuzz do: a covered first glyph without this second glyph falls through to the next subtable.
    return (a, b) => byFirst.get(a)?.get(b);
  }
  const coverage = new Set(covered);
  const class1 = classMap(sub.class1);
  const class2 = classMap(sub.class2);
  const cells = new Map<number, number>();
  for (let i = 0; i < sub.values.length; i += 3) cells.set(sub.values[i]! * 65536 + sub.values[i + 1]!, sub.values[i + 2]!);
  // A covered first glyph always ends the search, even with a zero cell (fontkit and HarfBuzz alike).
  return (a, b) => (coverage.has(a) ? (cells.get((class1.get(a) ?? 0) * 65536 + (class2.get(b) ?? 0)) ?? 0) : undefined);
}

function ligatureMap(sub: LigatureSubtable): Map<number, number[][]> {
  const map = new Map<number, number[][]>();
  expandRanges(sub.coverage).forEach((first, index) => map.set(first, sub.sets[index] ?? []));
  return map;
}

/** One ligature lookup over the whole run: at each glyph the first subtable and ligature that match replace it. */
function applyLigatures(lookup: Array<Map<number, number[][]>>, glyphs: number[], codePoints: number[][]): [number[], number[][]] {
  const outGlyphs: number[] = [];
  const outCodePoints: number[][] = [];
  let i = 0;
  while (i < glyphs.length) {
    let matched: number[] | undefined;
    for (const sub of lookup) {
      const ligatures = sub.get(glyphs[i]!);
      if (!ligatures) continue;
      matched = ligatures.find((lig) => i + lig.length <= glyphs.length && lig.every((g, k) => k === 0 || glyphs[i + k] === g));
      if (matched) break;
    }
    if (matched) {
      const span = matched.length; // the ligature glyph stands for its first glyph plus (length - 1) components
      outGlyphs.push(matched[0]!);
      outCodePoints.push(codePoints.slice(i, i + span).flat());
      i += span;
    } else {
      outGlyphs.push(glyphs[i]!);
      outCodePoints.push(codePoints[i]!);
      i += 1;
    }
  }
  return [outGlyphs, outCodePoints];
}
