import type { DesignInput } from '../design/design-schema';
import { SAMPLE_IMPRINT, SAMPLE_PALETTE } from './sample-imprint';

/** What the template gallery shows about a template, and the design it starts from. */
export interface Template {
  id: string;
  name: string;
  description: string;
  design: DesignInput;
}

/** Fills in the parts every template shares: schema version, palette, the example imprint. */
export function buildTemplate(id: string, name: string, description: string, design: Omit<DesignInput, 'version' | 'imprint' | 'palette'>): Template {
  return { id, name, description, design: { version: 1, palette: SAMPLE_PALETTE, imprint: SAMPLE_IMPRINT, ...design } };
}
