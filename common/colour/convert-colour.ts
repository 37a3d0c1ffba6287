import { BLACK_INK, type Cmyk } from './cmyk';
import { COLOUR_TABLES, decodeSamples } from './colour-tables';

/** An sRGB colour, each channel 0-255. */
export type Rgb = readonly [number, number, number];

const toCmykSamples = decodeSamples(COLOUR_TABLES.srgbToCmyk);
const toRgbSamples = decodeSamples(COLOUR_TABLES.cmykToSrgb);
const RGB_STEPS = COLOUR_TABLES.srgbToCmyk.steps;
const CMYK_STEPS = COLOUR_TABLES.cmykToSrgb.steps;

/** Largest difference between the channels of an sRGB colour still treated as a neutral grey. */
const NEUTRAL_TOLERANCE = 3;

/**
 * sRGB to the inks that print it, through the output profile (perceptual intent, as photos are converted):
 * trilinear interpolation in the sampled table. Neutral greys and black are printed with black ink alone
 * (a grey built of four inks shifts in colour on press and smears small type when plates misregister), at
 * the tint whose proof matches the grey's lightness.
 */
export function srgbToCmyk(rgb: Rgb): Cmyk {
  const [r, g, b] = rgb;
  if (Math.max(r, g, b) - Math.min(r, g, b) <= NEUTRAL_TOLERANCE) return greyToBlackInk((r + g + b) / 3);
  const out = interpolate(toCmykSamples, [r / 255, g / 255, b / 255], RGB_STEPS, 4);
  return { c: (out[0]! * 100) / 255, m: (out[1]! * 100) / 255, y: (out[2]! * 100) / 255, k: (out[3]! * 100) / 255 };
}

/** What an ink mix looks like on screen: the soft proof through the output profile (relative colorimetric). */
export function cmykToSrgb(ink: Cmyk): Rgb {
  const clamp = (v: number) => Math.min(1, Math.max(0, v / 100));
  const out = interpolate(toRgbSamples, [clamp(ink.c), clamp(ink.m), clamp(ink.y), clamp(ink.k)], CMYK_STEPS, 3);
  return [Math.round(out[0]!), Math.round(out[1]!), Math.round(out[2]!)];
}

/** The black-ink tint whose proof is as light as the grey `level` (0-255); darker than solid black is solid black. */
function greyToBlackInk(level: number): Cmyk {
  const proof = (k: number) => cmykToSrgb({ c: 0, m: 0, y: 0, k })[1];
  if (level <= proof(100)) return BLACK_INK;
  let [lo, hi] = [0, 100];
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (proof(mid) > level) lo = mid;
    else hi = mid;
  }
  return { c: 0, m: 0, y: 0, k: Math.round((lo + hi) * 5) / 10 };
}

/**
 * Multilinear interpolation in a regular grid: `point` has one coordinate per input dimension in 0-1; the
 * samples list `outputs` bytes per grid point, the last dimension varying fastest.
 */
function interpolate(samples: Uint8Array, point: readonly number[], steps: number, outputs: number): number[] {
  const dims = point.length;
  const base: number[] = [];
  const frac: number[] = [];
  for (const v of point) {
    const pos = v * (steps - 1);
    const i = Math.min(steps - 2, Math.floor(pos));
    base.push(i);
    frac.push(pos - i);
  }
  const result = new Array<number>(outputs).fill(0);
  for (let corner = 0; corner < 1 << dims; corner++) {
    let weight = 1;
    let index = 0;
    for (let d = 0; d < dims; d++) {
      const bit = (corner >> (dims - 1 - d)) & 1;
      weight *= bit ? frac[d]! : 1 - frac[d]!;
      index = index * steps + base[d]! + bit;
    }
    if (weight === 0) continue;
    for (let o = 0; o < outputs; o++) result[o]! += weight * samples[index * outputs + o]!;
  }
  return result;
}
