import type { Design } from '../../common/design/design-schema';
import type { SavedDesignResponse, SavedDesignSummary } from '../../common/api/saved-design-response';
import type { SavedDesign } from './saved-design';

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
