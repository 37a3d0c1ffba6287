import { createHash } from 'node:crypto';

/**
 * The six-uppercase-letter tag of an embedded font subset ("KQMXRT" in KQMXRT+DejaVuSans), as PDF 32000
 * 9.6.4 asks: different subsets of one font get different tags. Derived from the font's PostScript name
 * and the glyph ids the subset holds, so the same glyphs always give the same tag (PDFs stay
 * reproducible) and two leaflets' subsets of one face do not share a name a prepress tool could confuse.
 */
export function subsetTag(postscriptName: string, glyphIds: readonly number[]): string {
  const sorted = [...new Set(glyphIds)].sort((a, b) => a - b);
  const digest = createHash('sha256').update(`${postscriptName}\0${sorted.join(',')}`).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}
