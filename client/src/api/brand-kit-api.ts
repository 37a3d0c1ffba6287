import type { BrandKitResponse } from '../../../common/api/brand-kit-response';
import type { BrandKit } from '../../../common/brand/brand-kit';
import { fetchJson } from './fetch-json';

export type { BrandKitResponse };

const url = (orgId: string) => `/api/organisations/${encodeURIComponent(orgId)}/brand-kit`;

/** The organisation's brand kit: its own, what it inherits, and the two added together. */
export function getBrandKit(orgId: string, signal?: AbortSignal): Promise<BrandKitResponse> {
  return fetchJson<BrandKitResponse>(url(orgId), { cache: 'no-store', signal });
}

/**
 * Replaces the organisation's own kit (an agent's or an admin's). Refused with 400 `invalid_request` (a bad
 * colour, name or size; a logo whose upload is missing) or 422 `brand_kit_inherited` (a name an organisation
 * above uses, a looser imprint rule), each naming its field, such as `colours[1].name`.
 */
export function putBrandKit(orgId: string, kit: BrandKit): Promise<BrandKitResponse> {
  return fetchJson<BrandKitResponse>(url(orgId), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(kit) });
}
