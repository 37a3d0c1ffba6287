import type { BrandKitResponse } from '../../../common/api/brand-kit-response';
import { fetchJson } from './fetch-json';

export type { BrandKitResponse };

/** The organisation's brand kit: its own, what it inherits, and the two added together. */
export function getBrandKit(orgId: string, signal?: AbortSignal): Promise<BrandKitResponse> {
  return fetchJson<BrandKitResponse>(`/api/organisations/${encodeURIComponent(orgId)}/brand-kit`, { cache: 'no-store', signal });
}
