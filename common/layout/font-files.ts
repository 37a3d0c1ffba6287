/**
 * The typefaces a design may choose per element, all from the DejaVu family (Bitstream Vera / DejaVu
 * licence) in the npm package dejavu-fonts-ttf: each covers Welsh, Polish, Greek (with polytonic) and
 * Cyrillic.
 */
export const FONT_FACES = ['sans', 'serif', 'condensed'] as const;
export type FontFace = (typeof FONT_FACES)[number];

export const FONT_WEIGHTS = ['regular', 'bold'] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/** The TTF (in dejavu-fonts-ttf/ttf/) behind each face and weight. */
export const FONT_FILES: { readonly [F in FontFace]: { readonly [W in FontWeight]: string } } = {
  sans: { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  serif: { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' },
  condensed: { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' },
};

/** One font file's name in pdfkit's font table, and the stem of its metrics and web-font files: "serif-bold". */
export function fontKey(face: FontFace, weight: FontWeight): `${FontFace}-${FontWeight}` {
  return `${face}-${weight}`;
}
