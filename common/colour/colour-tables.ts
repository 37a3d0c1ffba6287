import tables from './colour-tables.json';

/** One sampled conversion: a regular grid over the source space, outputs as bytes (0-255), base64. */
export interface SampledConversion {
  /** The ICC rendering intent the samples were made with. */
  intent: 'perceptual' | 'relative colorimetric';
  /** Grid points per source channel, evenly spaced over the channel's whole range. */
  steps: number;
  /** Output channels of every grid point, the last source channel varying fastest, base64. */
  data: string;
}

/** The committed tables (scripts/make-colour-tables.ts writes them from the output profile). */
export interface ColourTables {
  /** File name of the output profile under common/colour/profiles/. */
  profile: string;
  /** sha256 of that file: a test checks the tables were made from the profile that is committed. */
  profileSha256: string;
  /** sRGB (0-255 per channel) to CMYK (0-255 per ink, 255 = 100 %). */
  srgbToCmyk: SampledConversion;
  /** CMYK (0-100 % per ink) to sRGB (0-255). */
  cmykToSrgb: SampledConversion;
}

export const COLOUR_TABLES: ColourTables = tables as ColourTables;

/** A table's samples as bytes (atob exists in browsers and in Node.js). */
export function decodeSamples(conversion: SampledConversion): Uint8Array {
  const text = atob(conversion.data);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
