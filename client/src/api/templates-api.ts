import type { DesignInput } from '../../../common/design/design-schema';
import type { Orientation, PaperSize } from '../../../common/design/paper-formats';
import { fetchJson } from './fetch-json';

/** A template as GET /api/templates lists it. */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  format: { size: PaperSize; orientation: Orientation; widthMm: number; heightMm: number };
  /** 1 (single-sided) or 2 (front and back). */
  pages: number;
  url: string;
}

/** A template with the design it starts from (GET /api/templates/:id). */
export interface TemplateDetail extends TemplateSummary {
  design: DesignInput;
}

export async function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  const body = await fetchJson<{ templates: TemplateSummary[] }>('/api/templates', { signal });
  return body.templates;
}

export function getTemplate(url: string, signal?: AbortSignal): Promise<TemplateDetail> {
  return fetchJson<TemplateDetail>(url, { signal });
}
