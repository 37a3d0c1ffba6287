import { nameOf, type PdfObjects, type PdfValue } from './pdf-objects';

/** A colour space as a preflight sees it, resolved through resources and base/alternate spaces. */
export interface ColourSpaceFacts {
  /** Family: 'DeviceRGB', 'DeviceCMYK', 'DeviceGray', 'ICCBased', 'Separation', 'DeviceN', 'Indexed', 'Pattern', 'CalRGB', 'CalGray', 'Lab', or 'unknown'. */
  family: string;
  /** Colour components a colour value in this space has (1 for Indexed and Separation; 0 for a Pattern space without a base). */
  components: number;
  /** True when this space is RGB (DeviceRGB, CalRGB, 3-component ICCBased) or its base or alternate is. */
  rgb: boolean;
  /** True when this space is four-component process colour (DeviceCMYK or 4-component ICCBased). */
  cmyk: boolean;
  /** Human-readable description, e.g. "ICCBased(N=4, alternate DeviceCMYK)" or "Separation(PANTONE 185 C, alternate DeviceCMYK)". */
  describe: string;
  /** For Separation: the colorant name; for DeviceN: the names joined by ', '. */
  colorant?: string;
}

const DEVICE: Record<string, ColourSpaceFacts> = {
  DeviceRGB: { family: 'DeviceRGB', components: 3, rgb: true, cmyk: false, describe: 'DeviceRGB' },
  DeviceCMYK: { family: 'DeviceCMYK', components: 4, rgb: false, cmyk: true, describe: 'DeviceCMYK' },
  DeviceGray: { family: 'DeviceGray', components: 1, rgb: false, cmyk: false, describe: 'DeviceGray' },
  Pattern: { family: 'Pattern', components: 0, rgb: false, cmyk: false, describe: 'Pattern' },
};

/** Inline-image abbreviations (ISO 32000-1, table 94). */
const ABBREVIATIONS: Record<string, string> = { RGB: 'DeviceRGB', CMYK: 'DeviceCMYK', G: 'DeviceGray', I: 'Indexed' };

const UNKNOWN = (what: string): ColourSpaceFacts => ({ family: 'unknown', components: 0, rgb: false, cmyk: false, describe: `unknown(${what})` });

/**
 * Resolves a colour space given by name in content (`/CS0 cs`, an inline image's /CS) to its facts.
 * @param name the name without its slash; device names and inline-image abbreviations need no resources
 * @param colourSpaces the /ColorSpace resource dictionary in force
 */
export function resolveColourSpaceName(pdf: PdfObjects, name: string, colourSpaces: Record<string, PdfValue> | null): ColourSpaceFacts {
  return resolveColourSpace(pdf, `/${name}`, colourSpaces);
}

/**
 * Resolves a colour space value from a PDF object (a name, an array such as [/ICCBased 7 0 R], or a reference).
 * @param colourSpaces the /ColorSpace resource dictionary in force, for names that are not device spaces
 */
export function resolveColourSpace(pdf: PdfObjects, value: PdfValue, colourSpaces: Record<string, PdfValue> | null, depth = 0): ColourSpaceFacts {
  if (depth > 8) return UNKNOWN('too deep');
  const asName = nameOf(value);
  if (asName !== null) {
    const device = DEVICE[ABBREVIATIONS[asName] ?? asName];
    if (device) return device;
    const named = colourSpaces?.[`/${asName}`];
    if (named === undefined) return UNKNOWN(`/${asName} not in resources`);
    return resolveColourSpace(pdf, named, null, depth + 1);
  }
  const v = pdf.resolve(value);
  if (typeof v === 'string') return resolveColourSpace(pdf, v, colourSpaces, depth + 1);
  if (!Array.isArray(v) || v.length === 0) return UNKNOWN(JSON.stringify(v));
  const family = nameOf(v[0]) ?? '';
  switch (family) {
    case 'ICCBased': {
      const dict = pdf.dict(v[1]);
      const n = pdf.number(dict?.['/N']) ?? 0;
      const alt = dict?.['/Alternate'] !== undefined ? resolveColourSpace(pdf, dict['/Alternate'], null, depth + 1) : null;
      return {
        family,
        components: n,
        rgb: n === 3 || (alt?.rgb ?? false),
        cmyk: n === 4,
        describe: `ICCBased(N=${n}${alt ? `, alternate ${alt.describe}` : ''})`,
      };
    }
    case 'Indexed':
    case 'I': {
      const base = resolveColourSpace(pdf, v[1] ?? null, colourSpaces, depth + 1);
      return { family: 'Indexed', components: 1, rgb: base.rgb, cmyk: false, describe: `Indexed(base ${base.describe})` };
    }
    case 'Separation': {
      const colorant = nameOf(pdf.resolve(v[1])) ?? '?';
      const alt = resolveColourSpace(pdf, v[2] ?? null, null, depth + 1);
      return { family, components: 1, rgb: alt.rgb, cmyk: false, colorant, describe: `Separation(${colorant}, alternate ${alt.describe})` };
    }
    case 'DeviceN': {
      const names = (pdf.array(v[1]) ?? []).map((x) => nameOf(pdf.resolve(x)) ?? '?');
      const alt = resolveColourSpace(pdf, v[2] ?? null, null, depth + 1);
      return { family, components: names.length, rgb: alt.rgb, cmyk: false, colorant: names.join(', '), describe: `DeviceN(${names.join(', ')}, alternate ${alt.describe})` };
    }
    case 'Pattern': {
      const base = v[1] !== undefined ? resolveColourSpace(pdf, v[1], colourSpaces, depth + 1) : null;
      return { family, components: base?.components ?? 0, rgb: base?.rgb ?? false, cmyk: false, describe: base ? `Pattern(base ${base.describe})` : 'Pattern' };
    }
    case 'CalRGB':
      return { family, components: 3, rgb: true, cmyk: false, describe: 'CalRGB' };
    case 'CalGray':
      return { family, components: 1, rgb: false, cmyk: false, describe: 'CalGray' };
    case 'Lab':
      return { family, components: 3, rgb: false, cmyk: false, describe: 'Lab' };
    default: {
      const device = DEVICE[family];
      return device ?? UNKNOWN(family);
    }
  }
}
