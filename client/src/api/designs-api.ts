import type { DesignInput } from '../../../common/design/design-schema';
import { fetchJson } from './fetch-json';

/** A design saved on the server, as GET /api/designs lists it. */
export interface SavedDesignSummary {
  id: string;
  title: string;
  format: { size: string; orientation: string };
  pages: number;
  /** ISO 8601. */
  updatedAt: string;
  url: string;
}

export interface SavedDesign {
  id: string;
  title: string;
  design: DesignInput;
  updatedAt: string;
  url: string;
}

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
