import { FONT_FACES, type FontFace } from '../../../common/layout/font-files';

/** What a campaigner sees for each typeface (all DejaVu; see common/layout/font-files.ts). */
export const TYPEFACE_LABELS: Record<FontFace, string> = { sans: 'Sans', serif: 'Serif', condensed: 'Condensed' };

/** One choice of the typeface picker. */
export interface TypefaceOption {
  face: FontFace;
  /** "Serif", or "Serif (brand)" for one of the brand kit's. */
  label: string;
  /** Whether the organisation's brand kit (its own or an inherited one) names it. */
  brand: boolean;
}

/**
 * The typeface picker's choices: the brand kit's typefaces first, in the kit's order and labelled as the
 * brand's, then Rosette's other fonts. The design schema allows any of Rosette's fonts, so the others stay
 * offered; a kit's name that is not one of them is ignored.
 */
export function typefaceOptions(brandTypefaces: readonly string[]): TypefaceOption[] {
  const brand = FONT_FACES.filter((f) => brandTypefaces.includes(f)).sort((a, b) => brandTypefaces.indexOf(a) - brandTypefaces.indexOf(b));
  return [...brand.map((face) => ({ face, label: `${TYPEFACE_LABELS[face]} (brand)`, brand: true })), ...FONT_FACES.filter((f) => !brand.includes(f)).map((face) => ({ face, label: TYPEFACE_LABELS[face], brand: false }))];
}
