import type { DrawItem } from '../../../common/layout/draw-items';
import { fetchJson } from './fetch-json';

/** A share link of a print job; its address is shown only when it is made. */
export interface ShareLink {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  /** Path of the volunteer's page; only in the answer that made the link. */
  url?: string;
}

/** What a volunteer's page shows. */
export interface SharedLeaflet {
  title: string;
  pages: number;
  front: { geometry: { trim: { width: number; height: number }; bleed: number }; items: DrawItem[] };
  download: { url: string; bytes: number };
}

const linksUrl = (jobId: string) => `/api/print-jobs/${encodeURIComponent(jobId)}/share-links`;

export function createShareLink(jobId: string, expiresInDays: number | null): Promise<ShareLink & { url: string }> {
  return fetchJson(linksUrl(jobId), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ expiresInDays }) });
}

export async function listShareLinks(jobId: string): Promise<ShareLink[]> {
  return (await fetchJson<{ shareLinks: ShareLink[] }>(linksUrl(jobId), { cache: 'no-store' })).shareLinks;
}

export function revokeShareLink(jobId: string, linkId: string): Promise<void> {
  return fetchJson<void>(`${linksUrl(jobId)}/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
}

export function getSharedLeaflet(token: string): Promise<SharedLeaflet> {
  return fetchJson<SharedLeaflet>(`/api/share/${encodeURIComponent(token)}`, { cache: 'no-store' });
}
