import type { DesignInput } from '../design/design-schema';
import { SAMPLE_IMPRINT, SAMPLE_PALETTE } from './sample-imprint';

/** What the template gallery shows about a template, and the design it starts from. */
export interface Template {
  id: string;
  name: string;
  description: string;
  design: DesignInput;
  /**
   * Ids of text elements whose words are part of the layout rather than sample copy (a reply slip's
   * "Name: ____" lines): kept as they are, they are not flagged as unchanged template text.
   */
  keepsWords?: readonly string[];
}

/**
 * Fills in the parts every template shares: schema version, palette, and the sample imprint, which the
 * imprint check (sample-imprint-problems.ts) knows as a sample and never lets print.
 */
export function buildTemplate(
  id: string,
  name: string,
  description: string,
  design: Omit<DesignInput, 'version' | 'imprint' | 'palette'>,
  options: { keepsWords?: readonly string[] } = {},
): Template {
  return { id, name, description, design: { version: 1, palette: SAMPLE_PALETTE, imprint: SAMPLE_IMPRINT, ...design }, ...options };
}
