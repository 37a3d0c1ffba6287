import type { DesignInput } from '../../../common/design/design-schema';
import type { SavedDesignResponse, SavedDesignSummary } from '../../../common/api/saved-design-response';
import { fetchJson } from './fetch-json';

export type { SavedDesignSummary };
/** A design saved on the server, with its document. */
export type SavedDesign = SavedDesignResponse;

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function listDesigns(): Promise<SavedDesignSummary[]> {
  return (await fetchJson<{ designs: SavedDesignSummary[] }>('/api/designs', { cache: 'no-store' })).designs;
}

export function getDesign(id: string): Promise<SavedDesign> {
  return fetchJson<SavedDesign>(`/api/designs/${encodeURIComponent(id)}`, { cache: 'no-store' });
}

/** Saves a design: a new one, or over the saved design with this id. */
export function saveDesign(design: DesignInput, id: string | null): Promise<SavedDesign> {
  return id ? fetchJson<SavedDesign>(`/api/designs/${encodeURIComponent(id)}`, json('PUT', { design })) : fetchJson<SavedDesign>('/api/designs', json('POST', { design }));
}

export function deleteDesign(id: string): Promise<void> {
  return fetchJson<void>(`/api/designs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Renames a saved design (saved as a new version, the old name kept in its history). */
export function renameDesign(id: string, title: string): Promise<SavedDesign> {
  return fetchJson<SavedDesign>(`/api/designs/${encodeURIComponent(id)}`, json('PATCH', { title }));
}

/** A copy of the design's current version, as a new design of the organisation ("Copy of …" unless titled). */
export function duplicateDesign(id: string, title?: string): Promise<SavedDesign> {
  return fetchJson<SavedDesign>(`/api/designs/${encodeURIComponent(id)}/duplicate`, json('POST', title === undefined ? {} : { title }));
}

/** One saved version of a design, by the address the print history gives (`/api/designs/<id>/versions/<n>`). */
export function getDesignVersion(url: string): Promise<SavedDesign> {
  if (!/^\/api\/designs\/[a-f0-9]{32}\/versions\/[1-9]\d*$/.test(url)) return Promise.reject(new Error('not the address of a design version'));
  return fetchJson<SavedDesign>(url, { cache: 'no-store' });
}
