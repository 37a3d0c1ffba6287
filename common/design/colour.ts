import { z } from 'zod';

/**
 * A colour as written in a design: `#rrggbb` for screen/RGB, or `cmyk(c, m, y, k)` with each
 * channel in percent (0-100) for colours that must print exactly as the design asks.
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

/** The schema of a colour string in a design. */
export const colourSchema = z
  .string()
  .max(40)
  .refine((s) => parseColour(s) !== null, { message: 'must be a colour: #rrggbb or cmyk(c, m, y, k) with channels 0-100' });

/** The colour as CSS for the on-screen preview (CMYK converted naively; screens cannot show ink). */
export function colourToCss(text: string): string {
  const c = parseColour(text);
  if (!c) return '#000000';
  if (c.space === 'rgb') return `rgb(${c.r}, ${c.g}, ${c.b})`;
  const k = 1 - c.k / 100;
  const ch = (v: number) => Math.round(255 * (1 - v / 100) * k);
  return `rgb(${ch(c.c)}, ${ch(c.m)}, ${ch(c.y)})`;
}
