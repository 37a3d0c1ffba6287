import { z } from 'zod';
import { formatCmyk, type Cmyk } from '../colour/cmyk';
import { cmykToSrgb, srgbToCmyk } from '../colour/convert-colour';

/**
 * A colour as written in a design: `cmyk(c, m, y, k)` with each ink in percent (0-100), which is what
 * prints; or `#rrggbb`, which a design may be sent with and which is converted once, through the output
 * profile (common/colour/), when the design is parsed.
 */
export type Colour = { space: 'rgb'; r: number; g: number; b: number } | { space: 'cmyk'; c: number; m: number; y: number; k: number };

const HEX = /^#([0-9a-fA-F]{6})$/;
const CMYK = /^cmyk\(\s*(\d{1,3}(?:\.\d+)?)\s*,\s*(\d{1,3}(?:\.\d+)?)\s*,\s*(\d{1,3}(?:\.\d+)?)\s*,\s*(\d{1,3}(?:\.\d+)?)\s*\)$/;

/** Parses a colour string; returns null when it is not one. */
export function parseColour(text: string): Colour | null {
  const hex = HEX.exec(text);
  if (hex?.[1]) {
    const n = parseInt(hex[1], 16);
    return { space: 'rgb', r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
  }
  const cmyk = CMYK.exec(text);
  if (cmyk) {
    const [c, m, y, k] = cmyk.slice(1, 5).map(Number) as [number, number, number, number];
    if ([c, m, y, k].every((v) => v <= 100)) return { space: 'cmyk', c, m, y, k };
  }
  return null;
}

/** The inks a colour string prints with (an sRGB colour through the output profile); black ink for a non-colour. */
export function inkOf(text: string): Cmyk {
  const c = parseColour(text);
  if (!c) return { c: 0, m: 0, y: 0, k: 100 };
  if (c.space === 'cmyk') return { c: c.c, m: c.m, y: c.y, k: c.k };
  return srgbToCmyk([c.r, c.g, c.b]);
}

/** A colour string in its printing form, `cmyk(c, m, y, k)` in whole percent. */
export function toCmykColour(text: string): string {
  return formatCmyk(inkOf(text));
}

/**
 * The schema of a colour string in a design. Its output is always `cmyk(...)`: an sRGB colour is
 * converted here, once, so the server, the worker and the preview all work with the inks that print.
 */
export const colourSchema = z
  .string()
  .max(40)
  .refine((s) => parseColour(s) !== null, { message: 'must be a colour: cmyk(c, m, y, k) with inks 0-100, or #rrggbb (converted to CMYK for print)' })
  .transform(toCmykColour);

/** Black ink alone, the default colour of text. */
export const BLACK = 'cmyk(0, 0, 0, 100)';

/**
 * The colour as CSS for the on-screen preview: the soft proof of its inks through the output profile, so a
 * campaigner sees the colour that will print rather than the one typed.
 */
export function colourToCss(text: string): string {
  const [r, g, b] = cmykToSrgb(inkOf(text));
  return `rgb(${r}, ${g}, ${b})`;
}
