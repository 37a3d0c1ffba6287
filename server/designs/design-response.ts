import type { Design } from '../../common/design/design-schema';
import type { SavedDesign } from './saved-design';

/** A saved design in the "my designs" list: enough to recognise it, not the whole document. */
export interface SavedDesignSummary {
  id: string;
  title: string;
  format: { size: string; orientation: string };
  pages: number;
  /** ISO 8601. */
  updatedAt: string;
  url: string;
}

/** One saved design with its document. The account that saved it is not named. */
export interface SavedDesignResponse {
  id: string;
  title: string;
  design: Design;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
  url: string;
}

const designUrl = (id: string) => `/api/designs/${id}`;

export function savedDesignSummary(d: SavedDesign): SavedDesignSummary {
  return {
    id: d.id,
    title: d.title,
    format: { size: d.design.format.size, orientation: d.design.format.orientation ?? 'portrait' },
    pages: d.design.pages.length,
    updatedAt: new Date(d.updatedAt).toISOString(),
    url: designUrl(d.id),
  };
}

export function savedDesignResponse(d: SavedDesign): SavedDesignResponse {
  return { id: d.id, title: d.title, design: d.design, createdAt: new Date(d.createdAt).toISOString(), updatedAt: new Date(d.updatedAt).toISOString(), url: designUrl(d.id) };
}
