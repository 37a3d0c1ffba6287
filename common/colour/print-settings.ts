import { z } from 'zod';
import type { Cmyk } from './cmyk';

/** How a design's colours are turned into inks on the plates: set by the server's configuration, carried by each print job. */
export interface PrintSettings {
  /**
   * The inks large areas of solid black print with (black alone looks grey and blotchy over a large area),
   * or null to print them with black ink alone. Text, QR codes and thin shapes always print black ink only.
   */
  richBlack: Cmyk | null;
  /** Highest total area coverage (C+M+Y+K) a colour or an image may have, percent; more is a preflight warning. */
  maxInkCoverage: number;
}

/** A cool rich black (240 %), which printers commonly ask for, and the 300 % limit of coated-paper offset. */
export const DEFAULT_PRINT_SETTINGS: PrintSettings = Object.freeze({ richBlack: Object.freeze({ c: 60, m: 40, y: 40, k: 100 }), maxInkCoverage: 300 });

const ink = z.number().min(0).max(100);

/** The settings as they travel in a print job. */
export const printSettingsSchema = z.object({
  richBlack: z.object({ c: ink, m: ink, y: ink, k: ink }).nullable(),
  maxInkCoverage: z.number().min(100).max(400),
});
