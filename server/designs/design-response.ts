import type { Design } from '../../common/design/design-schema';
import type { DesignVersionResponse, SavedDesignResponse, SavedDesignSummary } from '../../common/api/saved-design-response';
import type { DesignTemplateResponse } from '../../common/api/published-template-response';
import type { SavedDesignSummaryRow } from './design-store';
import type { DesignVersionSummary, SavedDesign } from './saved-design';

const designUrl = (id: string) => `/api/designs/${id}`;

/** @param viewerId The account asking: the summary says whether it made the design, never who did. */
export function savedDesignSummary(d: SavedDesignSummaryRow, viewerId: string): SavedDesignSummary {
  return {
    id: d.id,
    title: d.title,
    createdByYou: d.createdBy === viewerId,
    format: d.format,
    pages: d.pages,
    updatedAt: new Date(d.updatedAt).toISOString(),
    url: designUrl(d.id),
    template: d.template,
  };
}

/** @param template The published template it was made from (TemplateLocksDesk), null when none. */
export function savedDesignResponse(d: SavedDesign, template: DesignTemplateResponse | null = null): SavedDesignResponse {
  return { id: d.id, title: d.title, design: d.design, version: d.version, createdAt: new Date(d.createdAt).toISOString(), updatedAt: new Date(d.updatedAt).toISOString(), url: designUrl(d.id), template };
}

export function designVersionResponse(id: string, v: DesignVersionSummary): DesignVersionResponse {
  return { version: v.version, title: v.title, savedAt: new Date(v.savedAt).toISOString(), url: `${designUrl(id)}/versions/${v.version}` };
}
