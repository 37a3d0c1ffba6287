import type { PublishedTemplateResponse, PublishedTemplateSummary, PublishedTemplateVersionsResponse } from '../../../common/api/published-template-response';
import type { DesignInput } from '../../../common/design/design-schema';
import type { SavedDesign } from './designs-api';
import { fetchJson } from './fetch-json';

export type { PublishedTemplateResponse, PublishedTemplateSummary, PublishedTemplateVersionsResponse };

/** The templates the organisation's ancestors (and itself) published, newest version of each. */
export async function listPublishedTemplates(signal?: AbortSignal): Promise<PublishedTemplateSummary[]> {
  return (await fetchJson<{ templates: PublishedTemplateSummary[] }>('/api/published-templates', { cache: 'no-store', signal })).templates;
}

export function getPublishedTemplate(url: string, signal?: AbortSignal): Promise<PublishedTemplateResponse> {
  if (!/^\/api\/published-templates\/[a-f0-9]{32}$/.test(url)) return Promise.reject(new Error('not the address of a published template'));
  return fetchJson<PublishedTemplateResponse>(url, { cache: 'no-store', signal });
}

/**
 * A new saved design of the organisation made from a published template (version `version`): the server
 * remembers the template, and checks its locks on every save and print of the design.
 */
export function createDesignFromTemplate(design: DesignInput, template: { id: string; version: number }): Promise<SavedDesign> {
  return fetchJson<SavedDesign>('/api/designs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ design, template }) });
}

/** The publisher's history of one of its templates, newest version first. */
export function listPublishedVersions(templateId: string): Promise<PublishedTemplateVersionsResponse> {
  return fetchJson<PublishedTemplateVersionsResponse>(`/api/published-templates/${encodeURIComponent(templateId)}/versions`, { cache: 'no-store' });
}

/**
 * Publishes the current version of one of the organisation's saved designs as a template to the
 * organisations below (the next version when it was published before), with these elements locked.
 */
export function publishTemplate(input: { designId: string; locked: string[]; name?: string }): Promise<PublishedTemplateResponse> {
  return fetchJson<PublishedTemplateResponse>('/api/published-templates', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
}
