import { createHash } from 'node:crypto';

/**
 * The six-uppercase-letter tag of an embedded font subset ("KQMXRT" in KQMXRT+DejaVuSans), as PDF 32000
 * 9.6.4 asks: different subsets of one font get different tags. Derived from the font's PostScript name
 * and the glyph ids the subset holds, in the order the subset numbers them (pdfkit gives each glyph the
 * next CID as it is first used, so the same glyphs met in another order make another font program, which
 * must have another name). The same subset always gives the same tag (PDFs stay reproducible), and two
 * leaflets' different subsets of one face never share a name a prepress tool could confuse.
 */
export function subsetTag(postscriptName: string, glyphIds: readonly number[]): string {
  const digest = createHash('sha256').update(`${postscriptName}\0${glyphIds.join(',')}`).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}
