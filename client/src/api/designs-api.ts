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
